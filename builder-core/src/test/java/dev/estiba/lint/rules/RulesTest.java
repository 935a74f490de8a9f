package dev.estiba.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.lint.LintConfig;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule with Dockerfiles that must trigger it (at the exact line:column) and that must not
 * (no positions). Rules needing configuration are in {@link ConfiguredRulesTest}.
 */
class RulesTest {

    static Arguments fires(String rule, String dockerfile, String... positions) {
        return Arguments.of(rule, dockerfile, Arrays.asList(positions));
    }

    static Arguments quiet(String rule, String dockerfile) {
        return Arguments.of(rule, dockerfile, List.of());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            // ---- BuildKit checks
            fires("StageNameCasing", "FROM alpine:3 AS Build\n", "1:18"),
            quiet("StageNameCasing", "FROM alpine:3 AS build\n"),
            fires("FromAsCasing", "FROM alpine:3 as build\n", "1:15"),
            fires("FromAsCasing", "from alpine:3 AS build\n", "1:15"),
            quiet("FromAsCasing", "FROM alpine:3 AS build\nfrom alpine:3 as b2\n"),
            fires("NoEmptyContinuation", "FROM alpine:3\nRUN echo a \\\n\n  b\n", "3:1"),
            quiet("NoEmptyContinuation", "FROM alpine:3\nRUN echo a \\\n# note\n  b\n"),
            fires("ConsistentInstructionCasing", "FROM alpine:3\nRUN a\nrun b\nRun c\n", "3:1", "4:1"),
            fires("ConsistentInstructionCasing", "from alpine:3\nrun a\nRUN b\n", "3:1"),
            quiet("ConsistentInstructionCasing", "FROM alpine:3\nRUN a\n"),
            fires("DuplicateStageName", "FROM alpine:3 AS a\nFROM alpine:3 AS A\n", "2:18"),
            quiet("DuplicateStageName", "FROM alpine:3 AS a\nFROM alpine:3 AS b\n"),
            fires("ReservedStageName", "FROM alpine:3 AS scratch\nFROM alpine:3 AS context\n", "1:18", "2:18"),
            quiet("ReservedStageName", "FROM alpine:3 AS base\n"),
            fires("JSONArgsRecommended", "FROM alpine:3\nCMD echo hi\nENTRYPOINT run.sh\n", "2:5", "3:12"),
            quiet("JSONArgsRecommended", "FROM alpine:3\nCMD [\"echo\", \"hi\"]\n"),
            quiet("JSONArgsRecommended", "FROM alpine:3\nSHELL [\"/bin/bash\", \"-c\"]\nCMD echo hi\n"),
            fires("MaintainerDeprecated", "FROM alpine:3\nMAINTAINER me <me@x.org>\n", "2:1"),
            quiet("MaintainerDeprecated", "FROM alpine:3\nLABEL org.opencontainers.image.authors=me\n"),
            fires("UndefinedArgInFrom", "ARG VERSION=3\nFROM alpine:$VERSON\n", "2:1"),
            fires("UndefinedArgInFrom", "FROM --platform=$PLATFORM alpine:3\n", "1:1"),
            quiet("UndefinedArgInFrom", "ARG VERSION=3\nFROM --platform=$BUILDPLATFORM alpine:${VERSION}\n"),
            fires("WorkdirRelativePath", "FROM alpine:3\nWORKDIR app\n", "2:9"),
            quiet("WorkdirRelativePath", "FROM alpine:3\nWORKDIR /app\nWORKDIR sub\n"),
            quiet("WorkdirRelativePath", "FROM alpine:3 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n"),
            fires("UndefinedVar", "FROM alpine:3\nARG NAME\nCOPY $NAM /x\n", "3:6"),
            fires("UndefinedVar", "FROM alpine:3\nENV A=$UNSET\n", "2:7"),
            quiet("UndefinedVar", "FROM alpine:3\nARG NAME\nENV PATH=$PATH:/x\nCOPY $NAME /x\n"),
            quiet("UndefinedVar", "ARG V=1\nFROM alpine:3 AS a\nENV X=1\nFROM a\nCOPY $X /y\nRUN echo $NOT_CHECKED\n"),
            fires("MultipleInstructionsDisallowed", "FROM alpine:3\nCMD [\"a\"]\nCMD [\"b\"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n",
                "2:1", "4:1"),
            quiet("MultipleInstructionsDisallowed", "FROM alpine:3\nCMD [\"a\"]\nFROM alpine:3\nCMD [\"b\"]\n"),
            fires("LegacyKeyValueFormat", "FROM alpine:3\nENV A 1\nLABEL b two words\n", "2:1", "3:1"),
            quiet("LegacyKeyValueFormat", "FROM alpine:3\nENV A=1\nLABEL b=\"two words\"\n"),
            fires("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM alpine:3\n", "1:6"),
            quiet("RedundantTargetPlatform", "FROM --platform=$BUILDPLATFORM alpine:3\n"),
            fires("SecretsUsedInArgOrEnv", "FROM alpine:3\nARG API_KEY\nENV DB_PASSWORD=x GITHUB_TOKEN=y\n", "2:5", "3:5", "3:19"),
            quiet("SecretsUsedInArgOrEnv", "FROM alpine:3\nARG PUBLIC_KEY\nENV KEYBOARD=us MONKEY=1\n"),
            fires("InvalidDefaultArgInFrom", "ARG TAG\nFROM alpine:${TAG}\n", "2:6"),
            fires("InvalidDefaultArgInFrom", "ARG IMAGE\nFROM $IMAGE\n", "2:6"),
            quiet("InvalidDefaultArgInFrom", "ARG TAG=3.20\nFROM alpine:${TAG}\n"),
            quiet("InvalidDefaultArgInFrom", "ARG TAG\nFROM alpine:${TAG:-3.20}\n"),
            fires("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 alpine:3 AS build\n", "1:6"),
            quiet("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 alpine:3 AS build-amd64\n"),
            quiet("FromPlatformFlagConstDisallowed", "FROM --platform=$BUILDPLATFORM alpine:3\n"),
            fires("InvalidDefinitionDescription", "# check=experimental=all\nFROM alpine:3 AS build\n# the version\nARG VERSION=1\n# compiles\nFROM alpine:3 AS app\n",
                "3:1", "5:1"),
            quiet("InvalidDefinitionDescription", "# check=experimental=all\nFROM alpine:3\n# VERSION of the tool\nARG VERSION=1\n\n# free\n\nARG B\n"),
            fires("ExposeProtoCasing", "FROM alpine:3\nEXPOSE 80/TCP 53/udp\n", "2:8"),
            quiet("ExposeProtoCasing", "FROM alpine:3\nEXPOSE 80/tcp 53\n"),
            fires("ExposeInvalidFormat", "FROM alpine:3\nEXPOSE 127.0.0.1:80:80 8080:80 443\n", "2:8", "2:24"),
            quiet("ExposeInvalidFormat", "FROM alpine:3\nEXPOSE 80 443/tcp 8000-8010\n"),
            fires("InvalidBaseImagePlatform", "FROM --platform=linux/amd64 alpine:3.20\n", "1:29"),
            quiet("InvalidBaseImagePlatform", "FROM --platform=linux/arm64 alpine:3.20\n"),

            // ---- hadolint: instructions
            fires("DL1001", "FROM alpine:3\n# hadolint ignore=DL3018\nRUN apk add x\n", "2:1"),
            quiet("DL1001", "FROM alpine:3\n# a comment\nRUN apk add x\n"),
            fires("DL3000", "FROM alpine:3\nWORKDIR /a\nWORKDIR b\n", "3:9"),
            quiet("DL3000", "FROM alpine:3\nWORKDIR /a\nWORKDIR $HOME\nWORKDIR \"/c\"\nWORKDIR C:\\\\x\n"),
            fires("DL3002", "FROM alpine:3\nUSER app\nUSER root\n", "3:1"),
            fires("DL3002", "FROM alpine:3\nUSER 0:0\n", "2:1"),
            fires("DL3002", "FROM alpine:3 AS b\nUSER root\nFROM alpine:3\nUSER 1000\n", "2:1"),
            quiet("DL3002", "FROM alpine:3\nUSER root\nRUN make install\nUSER 1000\n"),
            fires("DL3006", "FROM debian\nFROM docker.io/library/debian\nFROM ${IMAGE}\n", "1:6", "2:6", "3:6"),
            quiet("DL3006", "FROM debian:12 AS base\nFROM base\nFROM scratch\nFROM debian@sha256:" + "a".repeat(64)
                + "\nFROM alpine:${TAG}\n"),
            fires("DL3007", "FROM debian:latest\n", "1:6"),
            quiet("DL3007", "FROM debian:12\nFROM localhost:5000/app\n"),
            fires("DL3011", "FROM alpine:3\nEXPOSE 80 65536 70000-70010\n", "2:11", "2:17", "2:17"),
            quiet("DL3011", "FROM alpine:3\nEXPOSE 0 65535 8000-8010/udp\n"),
            fires("DL3012", "FROM alpine:3\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"true\"]\n", "3:1"),
            quiet("DL3012", "FROM alpine:3\nHEALTHCHECK NONE\nFROM alpine:3\nHEALTHCHECK NONE\n"),
            fires("DL3020", "FROM alpine:3\nADD app.jar /app/\n", "2:1"),
            quiet("DL3020", "FROM alpine:3\nADD https://x.org/a.txt /a\nADD root.tar.gz /\nCOPY app.jar /app/\n"),
            fires("DL3021", "FROM alpine:3\nCOPY a b /dest\n", "2:1"),
            quiet("DL3021", "FROM alpine:3\nCOPY a b /dest/\nCOPY a /dest\n"),
            fires("DL3022", "FROM alpine:3\nCOPY --from=build /a /b\nFROM alpine:3 AS build\n", "2:6"),
            quiet("DL3022", "FROM alpine:3 AS build\nFROM alpine:3\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n"
                + "COPY --from=nginx:1 /a /b\n"),
            fires("DL3023", "FROM alpine:3 AS app\nCOPY --from=app /a /b\n", "2:6"),
            quiet("DL3023", "FROM alpine:3 AS lib\nFROM alpine:3 AS app\nCOPY --from=lib /a /b\n"),
            fires("DL3024", "FROM alpine:3 AS a\nFROM alpine:3 AS a\n", "2:18"),
            quiet("DL3024", "FROM alpine:3 AS a\nFROM alpine:3 AS b\n"),
            fires("DL3025", "FROM alpine:3\nCMD echo hi\nENTRYPOINT run\n", "2:1", "3:1"),
            quiet("DL3025", "FROM alpine:3\nCMD [\"echo\"]\nENTRYPOINT [\"run\"]\n"),
            fires("DL3029", "FROM --platform=linux/amd64 alpine:3\n", "1:6"),
            quiet("DL3029", "FROM alpine:3\n"),
            fires("DL3043", "FROM alpine:3\nONBUILD FROM alpine\nONBUILD MAINTAINER me\n", "2:9", "3:9"),
            quiet("DL3043", "FROM alpine:3\nONBUILD RUN make\n"),
            fires("DL3044", "FROM alpine:3\nENV A=1 B=$A\n", "2:9"),
            quiet("DL3044", "FROM alpine:3\nENV A=1\nENV A=2 B=$A\n"),
            fires("DL3045", "FROM alpine:3\nCOPY a b\n", "2:1"),
            quiet("DL3045", "FROM alpine:3\nCOPY a /b\nWORKDIR /w\nCOPY a b\n"),
            quiet("DL3045", "FROM alpine:3 AS base\nWORKDIR /w\nFROM base\nCOPY a b\n"),
            fires("DL3048", "FROM alpine:3\nLABEL Invalid_Key=1 com.docker.x=2 a..b=3 1abc=4\n", "2:7", "2:21", "2:36", "2:43"),
            quiet("DL3048", "FROM alpine:3\nLABEL org.opencontainers.image.title=x version=1\n"),
            fires("DL3057", "FROM alpine:3\nRUN true\n", "1:1"),
            quiet("DL3057", "FROM alpine:3\nHEALTHCHECK CMD [\"true\"]\n"),
            fires("DL3059", "FROM alpine:3\nRUN a\nRUN b\n", "3:1"),
            fires("DL3059", "FROM alpine:3\nRUN a\n# comment\nRUN b && c\nRUN d\n", "4:1", "5:1"),
            quiet("DL3059", "FROM alpine:3\nRUN a\nENV X=1\nRUN b\nRUN --mount=type=cache,target=/c c\n"),
            quiet("DL3059", "FROM alpine:3\nRUN a && b && c\nRUN d\n"),
            fires("DL3061", "LABEL a=b\nFROM alpine:3\n", "1:1"),
            quiet("DL3061", "# comment\nARG V=3\nFROM alpine:$V\n"),
            fires("DL3065", "FROM --platform=${TARGETPLATFORM} alpine:3\n", "1:6"),
            quiet("DL3065", "FROM --platform=$BUILDPLATFORM alpine:3\n"),
            fires("DL3066", "FROM alpine:3\nUSER app:app\n", "2:6"),
            quiet("DL3066", "FROM alpine:3\nUSER 1000:1000\nUSER $UID\n"),
            fires("DL4000", "FROM alpine:3\nMAINTAINER me\n", "2:1"),
            quiet("DL4000", "FROM alpine:3\n"),
            fires("DL4003", "FROM alpine:3\nCMD [\"a\"]\nCMD [\"b\"]\nCMD [\"c\"]\n", "3:1", "4:1"),
            quiet("DL4003", "FROM alpine:3\nCMD [\"a\"]\nFROM alpine:3\nCMD [\"b\"]\n"),
            fires("DL4004", "FROM alpine:3\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", "3:1"),
            quiet("DL4004", "FROM alpine:3\nENTRYPOINT [\"a\"]\n"),
            fires("DL3010", "FROM alpine:3\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n", "2:1"),
            quiet("DL3010", "FROM alpine:3\nCOPY app.tar.gz /tmp/\nRUN ls /tmp\n"),

            // ---- hadolint: shell commands (through the shell parser)
            fires("DL3001", "FROM alpine:3\nRUN apk add x && service nginx start; ps aux\n", "2:18", "2:39"),
            quiet("DL3001", "FROM alpine:3\nRUN echo service ps\n"),
            fires("DL3003", "FROM alpine:3\nRUN cd /tmp && make\n", "2:5"),
            quiet("DL3003", "FROM alpine:3\nWORKDIR /tmp\nRUN make && echo cd\n"),
            fires("DL3004", "FROM alpine:3\nRUN make && \\\n    sudo make install\n", "3:5"),
            quiet("DL3004", "FROM alpine:3\nRUN echo sudo\n"),
            fires("DL3008", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl git=1:2.39 \\\n  ./local.deb vim\n",
                "2:48", "3:15"),
            quiet("DL3008", "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=7.88 vim/bookworm \"$PKG\"\n"),
            fires("DL3009", "FROM debian:12\nRUN apt-get update && apt-get install -y x=1\n", "2:1"),
            quiet("DL3009", "FROM debian:12\nRUN apt-get update && apt-get install -y x=1 && rm -rf /var/lib/apt/lists/*\n"),
            quiet("DL3009", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n"),
            quiet("DL3009", "FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12\nCOPY --from=build /a /a\n"),
            fires("DL3013", "FROM python:3\nRUN pip install --no-cache-dir flask requests==2.0 -i https://x/simple\n", "2:32"),
            fires("DL3013", "FROM python:3\nRUN python3 -m pip install --no-cache-dir flask\n", "2:43"),
            quiet("DL3013", "FROM python:3\nRUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir 'a>=1'"
                + " git+https://x/y.git@v1 ./dist/x.whl && pip install --no-cache-dir . b\n"),
            fires("DL3013", "FROM python:3\nRUN pip install --no-cache-dir git+https://x/y.git\n", "2:32"),
            fires("DL3014", "FROM debian:12\nRUN apt-get install --no-install-recommends x=1\n", "2:5"),
            quiet("DL3014", "FROM debian:12\nRUN apt-get -qq install --no-install-recommends x=1 && apt-get install --yes "
                + "--no-install-recommends y=1\n"),
            fires("DL3015", "FROM debian:12\nRUN apt-get install -y x=1\n", "2:5"),
            quiet("DL3015", "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false x=1\n"),
            fires("DL3016", "FROM node:20\nRUN npm install -g express @angular/cli typescript@5\n", "2:20", "2:28"),
            quiet("DL3016", "FROM node:20\nRUN npm install && npm install ./lib @scope/pkg@1.0 git+https://x/y.git#v1 a.tgz\n"),
            fires("DL3016", "FROM node:20\nRUN npm install git+https://x/y.git @types/node\n", "2:17", "2:37"),
            fires("DL3018", "FROM alpine:3\nRUN apk add --no-cache --virtual .deps curl bash=5.2\n", "2:40"),
            quiet("DL3018", "FROM alpine:3\nRUN apk add --no-cache curl=8.5.0-r0 ./local.apk\n"),
            fires("DL3019", "FROM alpine:3\nRUN apk add curl=8\n", "2:5"),
            quiet("DL3019", "FROM alpine:3\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8\n"),
            fires("DL3027", "FROM debian:12\nRUN apt install -y curl\n", "2:5"),
            quiet("DL3027", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=1\n"),
            fires("DL3028", "FROM ruby:3\nRUN gem install rails bundler:2.4\n", "2:17"),
            quiet("DL3028", "FROM ruby:3\nRUN gem install rails -v 7.1 && gem install bundler:2.4\n"),
            fires("DL3030", "FROM centos:7\nRUN yum install httpd-2.4 && yum clean all\n", "2:5"),
            quiet("DL3030", "FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all\n"),
            fires("DL3032", "FROM centos:7\nRUN yum install -y httpd-2.4\n", "2:1"),
            quiet("DL3032", "FROM centos:7\nRUN yum install -y httpd-2.4 && rm -rf /var/cache/yum\n"),
            fires("DL3033", "FROM centos:7\nRUN yum install -y httpd && yum clean all\n", "2:20"),
            quiet("DL3033", "FROM centos:7\nRUN yum install -y httpd-2.4.6 x.rpm && yum clean all\n"),
            fires("DL3034", "FROM opensuse/leap:15\nRUN zypper install httpd=2.4 && zypper clean\n", "2:5"),
            quiet("DL3034", "FROM opensuse/leap:15\nRUN zypper -n install httpd=2.4 && zypper clean\n"),
            fires("DL3035", "FROM opensuse/leap:15\nRUN zypper -n dist-upgrade\n", "2:5"),
            quiet("DL3035", "FROM opensuse/leap:15\nRUN zypper -n update\n"),
            fires("DL3036", "FROM opensuse/leap:15\nRUN zypper -n install httpd=2.4\n", "2:1"),
            quiet("DL3036", "FROM opensuse/leap:15\nRUN zypper -n in httpd=2.4 && zypper cc\n"),
            fires("DL3037", "FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper clean\n", "2:23"),
            quiet("DL3037", "FROM opensuse/leap:15\nRUN zypper -n install 'httpd>=2.4' && zypper clean\n"),
            fires("DL3038", "FROM fedora:40\nRUN dnf install httpd-2.4 && dnf clean all\n", "2:5"),
            quiet("DL3038", "FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n"),
            fires("DL3040", "FROM fedora:40\nRUN dnf install -y httpd-2.4\n", "2:1"),
            quiet("DL3040", "FROM fedora:40\nRUN microdnf install -y httpd-2.4 && microdnf clean all\n"),
            fires("DL3041", "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n", "2:20"),
            quiet("DL3041", "FROM fedora:40\nRUN dnf install -y httpd-2.4 @nodejs && dnf clean all\n"),
            fires("DL3042", "FROM python:3\nRUN pip install flask==3\n", "2:5"),
            quiet("DL3042", "FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask==3\n"),
            quiet("DL3042", "FROM python:3\nRUN PIP_NO_CACHE_DIR=true pip install flask==3 && pipx install x\n"),
            fires("DL3042", "FROM python:3\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask==3\n", "3:5"),
            quiet("DL3042", "FROM python:3\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n"),
            fires("DL3046", "FROM debian:12\nRUN useradd -u 1000000 app\n", "2:5"),
            quiet("DL3046", "FROM debian:12\nRUN useradd -l -u 1000000 app && useradd -u 1000 b\n"),
            fires("DL3047", "FROM debian:12\nRUN wget https://x.org/a\n", "2:5"),
            quiet("DL3047", "FROM debian:12\nRUN wget -q https://x.org/a && wget --progress=dot:giga https://x.org/b\n"),
            fires("DL3060", "FROM node:20\nRUN yarn install\n", "2:5"),
            quiet("DL3060", "FROM node:20\nRUN yarn install && yarn cache clean\n"),
            fires("DL3062", "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls\n", "2:16"),
            quiet("DL3062", "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.0 && go install ./...\n"),
            fires("DL4001", "FROM debian:12\nRUN wget -q https://x/a\nRUN curl -o b https://x/b\nRUN ls\nRUN wget -q x\n",
                "3:1", "5:1"),
            fires("DL4001", "FROM debian:12\nRUN wget -q https://x/a && curl -o b https://x/b\n", "2:1"),
            quiet("DL4001", "FROM debian:12\nRUN curl -o a https://x/a && curl -o b https://x/b\n"),
            quiet("DL4001", "FROM debian:12\nRUN wget -q https://x/a\nFROM debian:12\nRUN curl -o b https://x/b\n"),
            fires("DL4005", "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", "2:5"),
            quiet("DL4005", "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n"),
            fires("DL4006", "FROM debian:12\nRUN curl -s https://x | sh\n", "2:23"),
            quiet("DL4006", "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -s https://x | sh\n"),
            quiet("DL4006", "FROM debian:12\nRUN set -o pipefail && curl -s https://x | sh\n"),
            quiet("DL4006", "FROM alpine:3\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN a | b\n"),
            fires("DL4006", "FROM debian:12\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n", "3:7"),
            quiet("DL4006", "FROM mcr.microsoft.com/windows:1\nSHELL [\"powershell\", \"-Command\"]\nRUN a | b\n"),

            // ---- shell parsing details: heredocs, exec form, continuations with comments, shell pragma
            fires("DL3004", "FROM alpine:3\nRUN <<EOF\nset -e\nsudo true\nEOF\n", "4:1"),
            fires("DL3004", "FROM alpine:3\nRUN [\"sudo\", \"true\"]\n", "2:6"),
            fires("DL3004", "FROM alpine:3\nRUN a \\\n# sudo in a comment\n && sudo b\n", "4:5"),
            quiet("DL3004", "FROM alpine:3\n# hadolint shell=pwsh\nRUN sudo x\n"));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("cases")
    void rule(String rule, String dockerfile, List<String> positions) {
        assertEquals(positions, Lint.positions(rule, dockerfile, LintConfig.defaults(), null), dockerfile);
    }
}
