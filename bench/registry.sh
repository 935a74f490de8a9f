#!/usr/bin/env bash
# Push and pull of a generated ~1 GiB single-platform image to a local registry: estiba against
# `skopeo copy`, alternating, in the same run. Figures go to docs/benchmarks.md.
#
# Environment:
#   BENCH_SIZE_MB  approximate size of the image's blobs in MiB (default 1024; 100 while developing)
#   BENCH_ROUNDS   how many times each tool pushes and pulls (default 3; the table shows medians);
#                  0 only generates the image (with BENCH_KEEP_IMAGE, to reuse it later)
#   BENCH_TMPDIR   where the temporary directory goes (default $TMPDIR or /tmp); removed on exit
#   BENCH_KEEP_IMAGE  a directory to keep the generated image in (layout-SIZE) and reuse on the next
#                  run of the same size (generation is deterministic); default: generate it in the
#                  temporary directory every run
#
# Needs: java 17, docker-registry (Debian package), skopeo, openssl, pigz, curl, GNU time (/usr/bin/time).
# The registry listens on 127.0.0.1 only, plain HTTP, and is stopped on exit whatever happens.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${BENCH_SIZE_MB:-1024}"
rounds="${BENCH_ROUNDS:-3}"
layers=6
# Share of the image in each layer, in percent: one large base layer, smaller ones on top.
weights=(34 24 16 12 8 6)

die() { echo "bench/registry.sh: $*" >&2; exit 1; }
[[ "$size_mb" =~ ^[0-9]+$ && "$size_mb" -ge 12 && "$size_mb" -le 16384 ]] || die "BENCH_SIZE_MB must be 12..16384"
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -le 20 ]] || die "BENCH_ROUNDS must be 0..20"
for tool in java docker-registry skopeo openssl basenc pigz curl sha256sum /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

work="$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/estiba-regbench.XXXXXX")"
registry_pid=""

stop_registry() {
  if [[ -n "$registry_pid" ]]; then
    kill "$registry_pid" 2>/dev/null || true
    # Bounded wait (5 s), then force.
    for _ in $(seq 50); do
      kill -0 "$registry_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
    registry_pid=""
  fi
}
cleanup() {
  stop_registry
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

sha() { sha256sum "$1" | cut -d' ' -f1; }
size_of() { stat -c %s "$1"; }

# Deterministic pseudo-random bytes: the AES-CTR key stream of a key derived from a name.
random_bytes() { # NAME BYTES
  local key
  key="$(printf '%s' "$1" | sha256sum | cut -c1-32)"
  openssl enc -aes-128-ctr -nosalt -K "$key" -iv 00000000000000000000000000000000 </dev/zero 2>/dev/null |
    head -c "$2"
}

# --- 1. The image: an OCI layout with $layers gzip layers of random and compressible files -------------
if [[ -n "${BENCH_KEEP_IMAGE:-}" ]]; then
  layout="$BENCH_KEEP_IMAGE/layout-$size_mb"
else
  layout="$work/layout"
fi
blobs="$layout/blobs/sha256"

generate_layer() { # INDEX BYTES -> prints "digest size diff_id"
  local i="$1" budget="$2" dir="$work/layer$1" tar="$work/layer$1.tar"
  mkdir -p "$dir/opt/app$i/bin" "$dir/opt/app$i/data" "$dir/usr/share/doc/app$i"
  # About 70% of the blob is incompressible (binaries, compressed assets) in three files...
  local random=$((budget * 70 / 100))
  random_bytes "bin-$i-a" $((random / 2)) >"$dir/opt/app$i/bin/app"
  random_bytes "bin-$i-b" $((random / 3)) >"$dir/opt/app$i/bin/lib.so"
  random_bytes "bin-$i-c" $((random - random / 2 - random / 3)) >"$dir/opt/app$i/data/assets.pak"
  # ...the rest text that gzip shrinks about 1.7 times (a hex dump) or much more (a log-like listing)...
  random_bytes "text-$i" $((budget * 25 / 100)) | basenc --base16 -w 64 >"$dir/opt/app$i/data/table.txt"
  seq -f "entry %09g: the quick brown fox jumps over the lazy dog" $((budget / 200)) \
    >"$dir/usr/share/doc/app$i/changelog"
  # ...and many small files, as in a real image.
  awk -v dir="$dir/usr/share/doc/app$i" -v i="$i" 'BEGIN {
    for (f = 1; f <= 200; f++) {
      out = dir "/note-" f ".txt"
      for (l = 1; l <= f * 8; l++) print "app " i " file " f " line " l > out
      close(out)
    }
  }'
  tar --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner --format=gnu \
    -C "$dir" -cf "$tar" .
  rm -rf "$dir"
  local diff_id
  diff_id="$(sha "$tar")"
  pigz -n -6 -c "$tar" >"$work/layer.gz"
  rm -f "$tar"
  local digest
  digest="$(sha "$work/layer.gz")"
  local size
  size="$(size_of "$work/layer.gz")"
  mv "$work/layer.gz" "$blobs/$digest"
  echo "$digest $size $diff_id"
}

generate_image() {
  rm -rf "$layout"
  mkdir -p "$blobs"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
  echo "generating a ${size_mb} MiB image in $layers layers..." >&2
  gen_start=$(date +%s)
  layer_json=""
  diff_ids=""
  for ((i = 0; i < layers; i++)); do
    local generated digest size diff_id config_digest config_size manifest_size
    generated="$(generate_layer "$i" $((size_mb * 1024 * 1024 * weights[i] / 100)))"
    read -r digest size diff_id <<<"$generated"
    layer_json+="${layer_json:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$size}"
    diff_ids+="${diff_ids:+,}\"sha256:$diff_id\""
  done
  printf '{"architecture":"amd64","os":"linux","created":"2023-11-14T22:13:20Z","config":{"Env":["PATH=/usr/bin:/bin"],"WorkingDir":"/opt"},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$diff_ids" >"$work/config.json"
  config_digest="$(sha "$work/config.json")"
  config_size="$(size_of "$work/config.json")"
  mv "$work/config.json" "$blobs/$config_digest"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$config_digest" "$config_size" "$layer_json" >"$work/manifest.json"
  manifest_digest="sha256:$(sha "$work/manifest.json")"
  manifest_size="$(size_of "$work/manifest.json")"
  mv "$work/manifest.json" "$blobs/${manifest_digest#sha256:}"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
    "$manifest_digest" "$manifest_size" >"$layout/index.json.tmp"
  echo "generated in $(($(date +%s) - gen_start)) s" >&2
  # Complete only once index.json exists: an interrupted generation is not reused.
  mv "$layout/index.json.tmp" "$layout/index.json"
}
[[ -f "$layout/index.json" ]] || generate_image
manifest_digest="$(sed 's/.*"digest":"\([^"]*\)".*/\1/' "$layout/index.json")"
image_bytes="$(du -sb "$blobs" | cut -f1)"
echo "image $manifest_digest: $(awk -v b="$image_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB in" \
  "$((layers + 2)) blobs" >&2
((rounds > 0)) || exit 0

# --- 2. The registry: a fresh storage directory for every push --------------------------------------------
port=""
start_registry() { # NAME
  local dir="$work/registry-$1" attempt
  mkdir -p "$dir"
  for attempt in $(seq 10); do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue # taken
    fi
    cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
  maintenance:
    uploadpurging:
      enabled: false
health:
  storagedriver:
    enabled: false
http:
  addr: 127.0.0.1:$port
  secret: estiba-bench
EOF
    docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 &
    registry_pid=$!
    for _ in $(seq 100); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then
        return 0
      fi
      kill -0 "$registry_pid" 2>/dev/null || break
      sleep 0.1
    done
    stop_registry
    echo "registry did not start on port $port (attempt $attempt):" >&2
    tail -n 5 "$dir/registry.log" >&2
  done
  die "could not start docker-registry"
}
remove_registry() { # NAME
  stop_registry
  rm -rf "$work/registry-$1"
}

# The digest of the manifest the registry serves for a reference, from its bytes.
served_digest() { # REPO TAG
  curl -fsS -H "Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json" \
    "http://127.0.0.1:$port/v2/$1/manifests/$2" | sha256sum | sed 's/^/sha256:/; s/ .*//'
}

# --- 3. The runs ------------------------------------------------------------------------------------------
estiba="$root/bin/estiba"
# Build the CLI if needed, outside the timed runs.
"$estiba" --version >/dev/null

# Warm-up, untimed: one push and pull by each tool, so both read the image from the page cache and estiba
# starts as it does after its first use. bin/estiba writes its class-data archive at the end of the first
# run after a build; removed here, the warm-up push writes it with the classes a push loads (a
# `--version` run would archive few of them).
rm -f "$root/builder-cli/target/estiba.jsa"
echo "warm-up..." >&2
start_registry warmup
"$estiba" push -q --cache-dir "$work/warmup-cache" "oci:$layout:bench" "127.0.0.1:$port/warmup/estiba:1" >/dev/null
"$estiba" pull -q --cache-dir "$work/warmup-cache" "127.0.0.1:$port/warmup/estiba:1" >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$layout:bench" "docker://127.0.0.1:$port/warmup/skopeo:1"
skopeo copy -q --src-tls-verify=false "docker://127.0.0.1:$port/warmup/skopeo:1" "oci:$work/warmup-layout:bench"
rm -rf "$work/warmup-cache" "$work/warmup-layout"
remove_registry warmup

results="$work/results.tsv" # op tool round wall_s rss_kib cpu_s
: >"$results"
timed() { # OP TOOL ROUND COMMAND... (stdout to $work/out)
  local op="$1" tool="$2" round="$3"
  shift 3
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    cat "$work/err" >&2
    die "$op with $tool failed in round $round"
  fi
  local wall rss user sys
  read -r wall rss user sys <"$work/time"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$op" "$tool" "$round" "$wall" "$rss" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >>"$results"
  printf '  round %s %-4s %-6s %6.2f s  %7d KiB  cpu %s s\n' "$round" "$op" "$tool" "$wall" "$rss" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >&2
}

run_estiba() { # ROUND
  local r="$1" ref
  start_registry "estiba-$r"
  ref="127.0.0.1:$port/bench/estiba:1"
  timed push estiba "$r" "$estiba" push -q --cache-dir "$work/estiba-cache-push-$r" "oci:$layout:bench" "$ref"
  local printed served
  printed="$(tr -d '[:space:]' <"$work/out")"
  served="$(served_digest bench/estiba 1)"
  [[ "$printed" == "$served" && "$served" == "$manifest_digest" ]] ||
    die "estiba push printed $printed, the registry serves $served, the image is $manifest_digest"
  timed pull estiba "$r" "$estiba" pull -q --cache-dir "$work/estiba-cache-$r" "$ref"
  printed="$(tr -d '[:space:]' <"$work/out")"
  [[ "$printed" == "$manifest_digest" ]] || die "estiba pull printed $printed, not $manifest_digest"
  [[ -f "$work/estiba-cache-$r/blobs/sha256/${manifest_digest#sha256:}" ]] ||
    die "estiba pull: the manifest is not in the store"
  rm -rf "$work/estiba-cache-$r" "$work/estiba-cache-push-$r"
  remove_registry "estiba-$r"
}

run_skopeo() { # ROUND
  local r="$1" ref
  start_registry "skopeo-$r"
  ref="docker://127.0.0.1:$port/bench/skopeo:1"
  timed push skopeo "$r" skopeo copy -q --dest-tls-verify=false --digestfile "$work/skopeo-digest" \
    "oci:$layout:bench" "$ref"
  local printed served
  printed="$(tr -d '[:space:]' <"$work/skopeo-digest")"
  served="$(served_digest bench/skopeo 1)"
  [[ "$printed" == "$served" ]] || die "skopeo printed $printed, the registry serves $served"
  [[ "$served" == "$manifest_digest" ]] || echo "  (skopeo pushed a manifest of its own: $served)" >&2
  timed pull skopeo "$r" skopeo copy -q --src-tls-verify=false "$ref" "oci:$work/skopeo-pulled-$r:bench"
  grep -q "$served" "$work/skopeo-pulled-$r/index.json" || die "skopeo pull: $served is not in the layout"
  rm -rf "$work/skopeo-pulled-$r"
  remove_registry "skopeo-$r"
}

echo "$rounds rounds, alternating which tool goes first:" >&2
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 1)); then
    run_estiba "$r"
    run_skopeo "$r"
  else
    run_skopeo "$r"
    run_estiba "$r"
  fi
done

# --- 4. The table -----------------------------------------------------------------------------------------
median() { # OP TOOL COLUMN
  awk -F'\t' -v op="$1" -v tool="$2" -v col="$3" '$1 == op && $2 == tool { print $col }' "$results" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
max_of() { # OP TOOL COLUMN
  awk -F'\t' -v op="$1" -v tool="$2" -v col="$3" '$1 == op && $2 == tool && $col > m { m = $col } END { print m }' \
    "$results"
}

echo
echo "image: $(awk -v b="$image_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB, $((layers + 2)) blobs," \
  "$manifest_digest; $rounds rounds; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| operation | tool | median wall (s) | MiB/s | peak RSS (MiB) | median CPU user+sys (s) | wall estiba/skopeo |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for op in push pull; do
  e_wall="$(median "$op" estiba 4)"
  s_wall="$(median "$op" skopeo 4)"
  for tool in estiba skopeo; do
    wall="$(median "$op" "$tool" 4)"
    awk -v op="$op" -v tool="$tool" -v wall="$wall" -v bytes="$image_bytes" -v rss="$(max_of "$op" "$tool" 5)" \
      -v cpu="$(median "$op" "$tool" 6)" -v e="$e_wall" -v s="$s_wall" 'BEGIN {
        ratio = tool == "estiba" ? sprintf("%.2f", e / s) : ""
        printf "| %s | %s | %.2f | %.1f | %.0f | %.2f | %s |\n", op, tool, wall, bytes / 1048576 / wall,
          rss / 1024, cpu, ratio
      }'
  done
done
