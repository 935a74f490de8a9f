# syntax=docker/dockerfile:1
FROM alpine:3.20 AS base
# packages for the app
RUN apk add --no-cache \
    # the shell the scripts need
    bash
COPY --chmod=0755 <<EOF /usr/local/bin/hello
#!/bin/sh
echo hello
EOF
ENV GREETING="hi there" LANG=C.UTF-8
CMD ["hello"]
