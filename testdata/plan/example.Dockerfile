# syntax=docker/dockerfile:1
# GO_VERSION is the Go release to build with
ARG GO_VERSION=1.22

# build compiles the server
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build \
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/server .

# test runs the unit tests
FROM build AS test
RUN go test ./...

FROM scratch AS release
COPY --from=build --chmod=0755 /out/server /server
EXPOSE 8080
ENTRYPOINT ["/server"]
