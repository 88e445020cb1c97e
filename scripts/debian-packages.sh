# Sourced by the set-up scripts: installs the Debian packages that are missing, and only
# those (dpkg is asked first, so a machine that has them all runs no apt-get at all).
#   ensure_debian_packages LABEL PACKAGE...
# Returns 1 (with a message) when packages are missing and neither root nor sudo is at hand.
ensure_debian_packages() {
    local label="$1"
    shift
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "$label: please install these Debian packages: ${missing[*]}" >&2
            return 1
        fi
        sudo="sudo"
    fi
    echo "$label: installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
