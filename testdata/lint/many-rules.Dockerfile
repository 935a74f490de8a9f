# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
ARG BASE=debian
FROM ${BASE} as Builder
MAINTAINER someone@example.com
ENV LANG C.UTF-8
LABEL org.opencontainers.image.source="https://example.com/x" version=1.0
# hadolint ignore=DL3009
RUN apt-get update && apt-get install -y curl git \
    && curl -sSL https://example.com/install.sh | sh > /tmp/log 2>&1 \
    && cd /tmp && pip install requests flask==2.0 && python3 -m pip install numpy
RUN apk add --no-cache make; npm install express; gem install rails; yum install -y gcc
RUN <<EOF
set -e
echo "$LANG" >> /etc/motd
EOF
WORKDIR app
COPY --chown=1000:1000 . /app/
ADD https://example.com/archive.tar.gz /opt/
FROM builder AS final
COPY --from=0 /app /app
COPY --from=Builder /usr/bin/curl /usr/bin/
USER root
EXPOSE 80/TCP 8080
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -qO- https://example.com | tar xz && sudo useradd -u 123456789 app
ENTRYPOINT /app/start.sh
CMD ["--port", "$PORT"]
