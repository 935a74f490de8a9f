#!/usr/bin/env bash
# Times `estiba lint` (ShellCheck off) against dockerfile-utils (npm, the validator behind the VS Code
# Docker extension) on one Dockerfile and on the whole corpus, each as one command, JVM/node start
# included. Prints the median of N runs (wall, and CPU = user + system seconds: on a loaded machine CPU
# time says more than wall time). Usage: bench/lint.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
corpus="$root/../shared/corpus/dockerfiles"
out="$root/bench/out/lint"
[ -d "$corpus" ] || { echo "bench/lint.sh: no corpus at $corpus" >&2; exit 2; }
mkdir -p "$out"
if [ ! -d "$out/node_modules/dockerfile-utils" ]; then
  npm install --prefix "$out" --no-save --no-audit --no-fund dockerfile-utils@0.16.3 >/dev/null
fi
cat > "$out/validate.js" <<'JS'
const fs = require('fs');
const { validate } = require('dockerfile-utils');
let n = 0;
for (const f of process.argv.slice(2)) n += validate(fs.readFileSync(f, 'utf8')).length;
console.log(n);
JS
"$root/bin/estiba" --version >/dev/null   # build the jar and train the CDS archive first
"$root/bin/estiba" lint --no-shellcheck "$corpus/docker__compose/Dockerfile" >/dev/null || true
mapfile -t files < <(find "$corpus" -type f ! -name '*.tsv' ! -name '*.md' | sort)
one="$corpus/docker__compose/Dockerfile"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, command...
  local label="$1"; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    local w u s
    /usr/bin/time -o "$out/time.txt" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
    read -r w u s < <(tail -1 "$out/time.txt")
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')")
  done
  printf '%-34s wall %5ss  cpu %5ss\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)"
}
echo "files: ${#files[@]}; runs: $runs; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "estiba lint, one file" "$root/bin/estiba" lint --no-shellcheck --no-fail "$one"
measure "dockerfile-utils, one file" node "$out/validate.js" "$one"
measure "estiba lint, corpus" "$root/bin/estiba" lint --no-shellcheck --no-fail "${files[@]}"
measure "dockerfile-utils, corpus" node "$out/validate.js" "${files[@]}"
