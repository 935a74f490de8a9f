#!/usr/bin/env bash
# estiba build against buildah bud (vfs, chroot isolation, --layers so that a rebuild can hit its cache) on
# Dockerfiles with RUN steps, alternating the two tools. Both start from the same busybox-static base image, an
# OCI layout that the script builds first (untimed) from Debian's busybox-static, as the RUN tests do.
# Shapes:
#   run-steps   13 steps, 5 of them RUN (create, modify, delete, opaque dir, env): cold, warm, one file changed
#   run-one     one trivial RUN (the baseline for the per-RUN overhead): cold
#   run-20      20 trivial RUN steps: cold, warm; prints the per-RUN overhead, (run-20 - run-one) / 19
#   run-files   one RUN writing 20,000 files: cold, warm
# Prints seconds, the buildah/estiba ratio, estiba's peak memory, and whether estiba's warm digest equals its
# cold one. Usage: bench/run.sh [SHAPE...] (default all). Needs root, buildah, runc and /usr/bin/time; installs
# busybox-static with apt-get when /bin/busybox is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
estiba="$root/bin/estiba"
work="$(mktemp -d "${TMPDIR:-/tmp}/estiba-bench-run.XXXXXX")"
# buildah names the image it reads from an OCI layout after the layout's path, which must be lowercase.
base="${TMPDIR:-/tmp}/estiba-bench-base-$$"
trap 'rm -rf "$work" "$base"' EXIT
shapes=("$@")
[ ${#shapes[@]} -eq 0 ] && shapes=(run-steps run-one run-20 run-files)

if [ ! -x /bin/busybox ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static >/dev/null
fi
"$estiba" --version >/dev/null # build the CLI before timing anything

# The base: /bin/busybox and its applet links, written as an OCI layout both tools read.
mkdir -p "$work/base-ctx"
cp /bin/busybox "$work/base-ctx/busybox"
printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' \
  >"$work/base-ctx/Dockerfile"
"$estiba" build --cache-dir "$work/base-cache" --output "type=oci,dest=$base" "$work/base-ctx" >/dev/null 2>&1
rm -rf "$work/base-cache" "$work/base-ctx"

make_context() {
  local shape="$1" dir="$work/ctx-$1"
  mkdir -p "$dir"
  {
    echo 'ARG BASE'
    # shellcheck disable=SC2016  # the Dockerfile expands it
    echo 'FROM $BASE'
    case "$shape" in
      run-steps)
        echo 'app 1' >"$dir/app.txt"
        cat <<'DOCKERFILE'
ENV GREETING=hello
WORKDIR /work
RUN echo created > /work/a && mkdir -p /work/dir/sub && echo x > /work/dir/sub/f && echo keep > /work/gone
COPY app.txt /work/app.txt
RUN echo modified >> /work/a && chmod 600 /work/a
LABEL bench=run-steps
RUN rm /work/gone /work/app.txt
RUN rm -rf /work/dir && mkdir /work/dir && echo y > /work/dir/g
ARG LEVEL=3
RUN echo "$GREETING $LEVEL $(id -u)" > /work/env
EXPOSE 8080
CMD ["cat", "/work/a"]
DOCKERFILE
        ;;
      run-one) echo 'RUN echo 1 > /t1' ;;
      run-20) for ((i = 1; i <= 20; i++)); do echo "RUN echo $i > /t$i"; done ;;
      run-files)
        # 100 directories of 200 files, written by busybox sh without a process per file.
        # shellcheck disable=SC2016  # the RUN's shell expands these
        echo 'RUN for d in $(seq 0 99); do mkdir -p /files/d$d; for f in $(seq 0 199); do echo "file $d $f" > /files/d$d/f$f.txt; done; done'
        ;;
    esac
  } >"$dir/Dockerfile"
  echo "$dir"
}

seconds() { # seconds of a command, its peak RSS (KiB) in $work/rss
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

run_estiba() {
  seconds "$estiba" build --progress plain --cache-dir "$work/estiba-cache" --build-arg "BASE=oci-layout://$base" "$1"
}
run_buildah() {
  seconds buildah --root "$work/bh-root" --runroot "$work/bh-run" --storage-driver vfs bud --isolation chroot \
    --layers -q --build-arg "BASE=oci:$base" -t bench "$1"
}

phases() {
  case "$1" in
    run-steps) echo cold warm changed ;;
    run-one) echo cold ;;
    *) echo cold warm ;;
  esac
}

declare -A cold_e cold_b
printf '%-10s %-8s %10s %10s %8s %12s %s\n' shape phase estiba_s buildah_s ratio estiba_MiB same_digest
for shape in "${shapes[@]}"; do
  ctx="$(make_context "$shape")"
  rm -rf "$work/estiba-cache" "$work/bh-root" "$work/bh-run"
  cold_digest=""
  for phase in $(phases "$shape"); do
    [ "$phase" = changed ] && echo 'app 2' >"$ctx/app.txt"
    e=$(run_estiba "$ctx"); rss=$(cat "$work/rss"); digest=$(cat "$work/out")
    b=$(run_buildah "$ctx")
    same="-"
    if [ "$phase" = cold ]; then cold_digest="$digest"; cold_e[$shape]=$e; cold_b[$shape]=$b; fi
    if [ "$phase" = warm ]; then [ "$digest" = "$cold_digest" ] && same=yes || same=no; fi
    printf '%-10s %-8s %10.2f %10.2f %8.1f %12d %s\n' "$shape" "$phase" "$e" "$b" "$(echo "$b / $e" | bc -l)" \
      $((rss / 1024)) "$same"
  done
  rm -rf "$ctx"
done
rm -rf "$work/estiba-cache" "$work/bh-root" "$work/bh-run"
if [ -n "${cold_e[run-20]:-}" ] && [ -n "${cold_e[run-one]:-}" ]; then
  pe=$(echo "(${cold_e[run-20]} - ${cold_e[run-one]}) / 19" | bc -l)
  pb=$(echo "(${cold_b[run-20]} - ${cold_b[run-one]}) / 19" | bc -l)
  printf 'per-RUN overhead (run-20 - run-one) / 19: estiba %.3f s, buildah %.3f s, ratio %.1f\n' "$pe" "$pb" \
    "$(echo "$pb / $pe" | bc -l)"
fi
