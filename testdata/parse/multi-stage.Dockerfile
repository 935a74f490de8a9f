# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended

# A Go service built in one stage and shipped in a small runtime image.
ARG GO_VERSION=1.22
ARG ALPINE_VERSION=3.20

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
ENV CGO_ENABLED=0 \
    GOFLAGS="-trimpath -mod=readonly"
# Download modules first so that they stay cached while the code changes.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    # the linker flags strip the symbol table
    GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -ldflags="-s -w" -o /out/server ./cmd/server

FROM alpine:${ALPINE_VERSION} AS runtime
LABEL org.opencontainers.image.title="server" \
      org.opencontainers.image.description="An example service"
RUN <<EOF
set -eu
addgroup -S app
adduser -S -G app -h /home/app app
EOF
COPY --chmod=0644 <<-"CONFIG" /etc/server/config.toml
	listen = ":8080"
	log_level = "info"
	CONFIG
COPY --from=build --chown=app:app /out/server /usr/local/bin/server
USER app
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["wget", "-q", "-O-", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["--config", "/etc/server/config.toml"]
