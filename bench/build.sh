#!/usr/bin/env bash
# estiba build against buildah bud (vfs, chroot isolation) on three context shapes, alternating the two tools:
# each shape cold (empty cache), warm (nothing changed) and after one file changed. Prints seconds, the
# buildah/estiba ratio, estiba's peak memory, and whether estiba's warm digest equals its cold one.
# Usage: bench/build.sh [SHAPE...]  (small-files mixed multi-stage; default all)
# Sizes: SMALL_FILES (default 20000), MIXED_MIB (default 1024). Needs root, buildah and /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
estiba="$root/bin/estiba"
work="$(mktemp -d "${TMPDIR:-/tmp}/estiba-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
small_files="${SMALL_FILES:-20000}"
mixed_mib="${MIXED_MIB:-1024}"
shapes=("$@")
[ ${#shapes[@]} -eq 0 ] && shapes=(small-files mixed multi-stage)

"$estiba" --version >/dev/null # build the CLI before timing anything

make_context() {
  local shape="$1" dir="$work/ctx-$1"
  mkdir -p "$dir"
  case "$shape" in
    small-files)
      mkdir -p "$dir/files"
      for ((d = 0; d < 100; d++)); do
        mkdir -p "$dir/files/d$d"
        for ((f = 0; f < small_files / 100; f++)); do echo "file $d $f" >"$dir/files/d$d/f$f.txt"; done
      done
      printf 'FROM scratch\nCOPY files/ /files/\n' >"$dir/Dockerfile" ;;
    mixed)
      mkdir -p "$dir/data/big" "$dir/data/small"
      local big=$((mixed_mib * 3 / 4)) # three quarters in 8 large random files, the rest in 1 MiB files
      for ((i = 0; i < 8; i++)); do head -c $((big * 1024 * 1024 / 8)) /dev/urandom >"$dir/data/big/b$i.bin"; done
      for ((i = 0; i < mixed_mib - big; i++)); do head -c 1048576 /dev/urandom >"$dir/data/small/s$i.bin"; done
      printf 'FROM scratch\nCOPY data/ /data/\n' >"$dir/Dockerfile" ;;
    multi-stage)
      mkdir -p "$dir/src" "$dir/conf"
      for ((i = 0; i < 200; i++)); do echo "source $i" >"$dir/src/m$i.txt"; done
      echo 'x = 1' >"$dir/conf/app.conf"
      cat >"$dir/Dockerfile" <<'DOCKERFILE'
FROM scratch AS build
COPY src/ /build/src/
FROM scratch AS conf
COPY conf/ /conf/
FROM scratch
ENV APP=/app
WORKDIR /app
COPY --from=build /build/src/ ./src/
COPY --from=conf /conf/ ./conf/
LABEL bench=multi-stage
ENTRYPOINT ["/app/run"]
DOCKERFILE
      ;;
  esac
  echo "$dir"
}

change_one() {
  local dir="$1"
  local f
  f="$(find "$dir" -type f ! -name Dockerfile | LC_ALL=C sort | awk 'NR == 1')"
  echo "changed" >>"$f"
}

seconds() { # seconds of a command, its peak RSS (KiB) in $work/rss
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

run_estiba() { seconds "$estiba" build --progress plain --cache-dir "$work/estiba-cache" "$1"; }
run_buildah() {
  seconds buildah --root "$work/bh-root" --runroot "$work/bh-run" --storage-driver vfs bud --isolation chroot \
    -q -t bench "$1"
}

printf '%-12s %-8s %10s %10s %8s %12s %s\n' shape phase estiba_s buildah_s ratio estiba_MiB same_digest
for shape in "${shapes[@]}"; do
  ctx="$(make_context "$shape")"
  rm -rf "$work/estiba-cache" "$work/bh-root" "$work/bh-run"
  cold_digest=""
  for phase in cold warm changed; do
    [ "$phase" = changed ] && change_one "$ctx"
    e=$(run_estiba "$ctx"); rss=$(cat "$work/rss"); digest=$(cat "$work/out")
    b=$(run_buildah "$ctx")
    same="-"
    if [ "$phase" = cold ]; then cold_digest="$digest"; fi
    if [ "$phase" = warm ]; then [ "$digest" = "$cold_digest" ] && same=yes || same=no; fi
    printf '%-12s %-8s %10.2f %10.2f %8.1f %12d %s\n' "$shape" "$phase" "$e" "$b" "$(echo "$b / $e" | bc -l)" \
      $((rss / 1024)) "$same"
  done
  rm -rf "$ctx"
done
