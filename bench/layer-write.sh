#!/usr/bin/env bash
# Writes one layer with estiba (LayerWriter + parallel gzip / zstd) from two generated trees and
# times it against tar|gzip, tar|pigz and tar|zstd on the same data, in the same run.
#   (a) 20,000 small files (~90 MB)   (b) ~1 GiB of mixed compressible and random files
# Usage: bench/layer-write.sh [small|large|all]
#   env: THREADS=2, ROUNDS=1 (estiba / reference pairs per set), SKIP_GZIP=1 (leave out single-threaded
#   gzip, minutes on the large set), BENCH_OUT=bench/out/layer-write
# Prints one line per run: data set, tool, wall seconds, CPU seconds (user + system), MiB/s of tar
# input, peak RSS (MB), and the end of its output (digests; for estiba also sizes and phase times).
# estiba runs with the JVM flags bin/estiba gives the commands that write layers from files
# (convert, save): the serial collector and C2 kept to the really hot methods. JAVA_FLAGS overrides them.
set -euo pipefail
cd "$(dirname "$0")/.."
WHICH=${1:-all}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-1}
OUT=${BENCH_OUT:-bench/out/layer-write}
read -r -a JAVA_FLAGS <<<"${JAVA_FLAGS:--XX:+UseSerialGC -XX:Tier4InvocationThreshold=100000 \
-XX:Tier4MinInvocationThreshold=60000 -XX:Tier4CompileThreshold=120000 -XX:Tier4BackEdgeThreshold=800000}"
mkdir -p "$OUT"

need() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  else
    echo "bench: $1 is missing (apt-get install $2)" >&2; exit 1
  fi
}
need pigz pigz
need zstd zstd
need python3 python3
[ -x /usr/bin/time ] || need time time

./mvnw -B -ntp -q -pl builder-core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
# A copy of the classes, so a rebuild during a long run cannot pull them away.
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
cp -r builder-core/target/classes/. builder-core/target/test-classes/. "$OUT/classes/"
CP="$OUT/classes:$(cat "$OUT/classpath.txt")"

# Deterministic data: the same bytes on every machine (Python's Mersenne Twister, fixed seeds).
generate() { # kind dir
  [ -f "$2/.complete" ] && return 0
  rm -rf "$2"; mkdir -p "$2"
  python3 - "$1" "$2" <<'PY'
import os, random, sys
kind, root = sys.argv[1], sys.argv[2]
r = random.Random(20260101)
words = (b"the layer tar entry usr lib share doc readme license copyright changelog config "
         b"main init module package version build test 0 1 2 3 4 5 6 7 8 9 { } ( ) ; = \n").split(b" ")
text = b" ".join(r.choice(words) for _ in range(2_000_000))  # ~9 MB of compressible text
def chunk(n, compressible):
    if compressible:
        off = r.randrange(0, len(text) - n) if n < len(text) else 0
        return (text * (1 + n // len(text)))[off:off + n]
    return r.randbytes(n)
if kind == "small":
    for i in range(20_000):
        d = os.path.join(root, f"d{i % 200:03d}", f"s{i % 7}")
        os.makedirs(d, exist_ok=True)
        n = r.randrange(500, 8500)
        with open(os.path.join(d, f"f{i:05d}.txt"), "wb") as f:
            f.write(chunk(n, r.random() < 0.7))
else:
    total, i = 0, 0
    while total < 1 << 30:
        d = os.path.join(root, f"part{i % 16:02d}")
        os.makedirs(d, exist_ok=True)
        n = r.randrange(1 << 20, 48 << 20)
        with open(os.path.join(d, f"blob{i:04d}.bin"), "wb") as f:
            left = n
            while left:
                k = min(left, 4 << 20)
                f.write(chunk(k, i % 2 == 0))
                left -= k
        total += n; i += 1
for dirpath, dirs, files in os.walk(root):
    for name in dirs + files:
        os.utime(os.path.join(dirpath, name), (1700000000, 1700000000))
PY
  touch "$2/.complete"
}

TAR=(tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@1700000000 --exclude=./.complete -cf - -C)

measure() { # set label command...
  local set=$1 label=$2; shift 2
  /usr/bin/time -v -o "$OUT/time.txt" "$@" >"$OUT/cmd.out" 2>"$OUT/cmd.err" || {
    cat "$OUT/cmd.err" >&2; exit 1; }
  local secs cpu rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/time.txt")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "%.2f", s}' "$OUT/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/time.txt")
  printf '%-6s %-34s %7.2f s %7.2f cpu %8.1f MiB/s %6s MB  %s\n' "$set" "$label" "$secs" "$cpu" \
    "$(awk -v b="$TARBYTES" -v s="$secs" 'BEGIN {printf "%.1f", b / 1048576 / s}')" "$rss" \
    "$(tail -c 300 "$OUT/cmd.out" | tr '\n' ' ' | cut -c1-230)"
}

run_set() { # name
  local dir="$OUT/data-$1"
  generate "$1" "$dir"
  TARBYTES=$("${TAR[@]}" "$dir" . | wc -c)
  echo "# $1: $(find "$dir" -type f ! -name .complete | wc -l) files, tar $((TARBYTES / 1048576)) MiB, threads $THREADS, $(date -u +%H:%MZ) load $(cut -d" " -f1-3 /proc/loadavg)"
  rm -rf "$OUT/blobs"
  # Each estiba run is followed by its reference pipeline, ROUNDS times, so both see the same load.
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    measure "$1" "estiba gzip -6 ($THREADS thr)" java -Xmx192m "${JAVA_FLAGS[@]}" -cp "$CP" \
      dev.estiba.layer.bench.WriteLayerMain "$dir" "$OUT/blobs" gzip 6 "$THREADS"
    measure "$1" "tar | pigz -p $THREADS -6 | sha256sum" \
      bash -c "${TAR[*]} '$dir' . | pigz -p $THREADS -6 | sha256sum"
    measure "$1" "estiba zstd -3 ($THREADS thr)" java -Xmx192m "${JAVA_FLAGS[@]}" -cp "$CP" \
      dev.estiba.layer.bench.WriteLayerMain "$dir" "$OUT/blobs" zstd 3 "$THREADS"
    measure "$1" "tar | zstd -T$THREADS -3 | sha256sum" \
      bash -c "${TAR[*]} '$dir' . | zstd -q -T$THREADS -3 | sha256sum"
  done
  [ "${SKIP_GZIP:-}" = 1 ] || measure "$1" "tar | gzip -6 | sha256sum" bash -c "${TAR[*]} '$dir' . | gzip -6 | sha256sum"
  rm -rf "$OUT/blobs"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
case "$WHICH" in
  small) run_set small ;;
  large) run_set large ;;
  all) run_set small; run_set large ;;
  *) echo "usage: $0 [small|large|all]" >&2; exit 2 ;;
esac
