# Sourced by bin/test: makes sure the tools our tests use as judges are installed.
# Debian packages only; installed with apt-get when missing and we are root.

# command -> Debian package
declare -A ESTIBA_TEST_TOOLS=(
  [skopeo]=skopeo
  [umoci]=umoci
  [podman]=podman
  [buildah]=buildah
  [runc]=runc
  [busybox]=busybox-static
  [shellcheck]=shellcheck
  [pigz]=pigz
  [zstd]=zstd
  [docker-registry]=docker-registry
  [htpasswd]=apache2-utils
  [openssl]=openssl
  [ssh-add]=openssh-client
  [git]=git
)

estiba_install_test_tools() {
  local missing=() cmd
  for cmd in "${!ESTIBA_TEST_TOOLS[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${ESTIBA_TEST_TOOLS[$cmd]}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "bin/test: missing test tools (${missing[*]}); install them (apt-get install -y ${missing[*]}) or run as root" >&2
    return 0
  fi
  echo "bin/test: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
