# shellcheck shell=bash
# Shared setup for scripts/run and scripts/test. Sourced, never run on its own.
#
# What it does, in order (attune_setup):
#   1. finds a Python >= 3.11 (ATTUNE_PYTHON=/path/to/python picks one by hand);
#   2. makes sure the Debian/Ubuntu packages in ATTUNE_APT_PACKAGES are installed:
#        - all installed already (checked with dpkg-query): apt is not touched at all;
#        - missing, and we are root (or CI is set and sudo works without a password):
#          one `apt-get update`, then one non-interactive `apt-get install`;
#        - missing, and we may not install: print the `sudo apt install ...` line and
#          carry on (Attune still runs, without speech or sound);
#   3. creates .venv in the repository, or reuses it;
#   4. runs `pip install -e .` (or `.[EXTRA]`) only when pyproject.toml changed since the
#      last install, remembered in .venv/.attune-install-stamp.
#
# Everything it says goes to stderr, so `./scripts/run list --json` stays clean on stdout.
#
# For testing the not-root path on a root machine:
#   ATTUNE_ASSUME_NOT_ROOT=1 ./scripts/run ...   behaves as a user who may not run apt.

ATTUNE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_DIR="$ATTUNE_ROOT/.venv"

# What the app needs at run time on Debian/Ubuntu:
# speech (pyttsx3 -> libespeak-ng), sound (sounddevice -> PortAudio, soundfile -> libsndfile),
# and the libraries Qt's xcb/offscreen platforms load that a bare Debian lacks.
ATTUNE_APT_PACKAGES=(
    espeak-ng libespeak-ng1
    libportaudio2 libsndfile1
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libx11-xcb1
    fonts-dejavu-core
)

# Extra packages for the tests only: a virtual X screen for real-window screenshots
# (xvfb-run needs xauth), sox to inspect rendered audio, pdftotext (poppler-utils) to read
# back the PDFs Attune writes, fonts for the scripts those PDFs are tested in beyond what
# DejaVu has (CJK: WenQuanYi Micro Hei; emoji as outlines: Symbola), and strace for the
# no-network proof (tests/no_network), 7z (p7zip-full) to open the protected export archives.
# shellcheck disable=SC2034 # used by scripts/test
ATTUNE_APT_TEST_PACKAGES=(xvfb xauth sox poppler-utils fonts-wqy-microhei fonts-symbola strace p7zip-full)

# Extra packages for building the Linux release (scripts/package): readelf to read what
# the build links to, dpkg-deb for the .deb, the libraries Qt's Wayland platform links
# (so the .deb's Depends can name them), the desktop-entry and AppStream validators, and
# Xvfb, xauth and sox for the smoke test of what was built.
# shellcheck disable=SC2034 # used by scripts/package
ATTUNE_APT_PACKAGE_PACKAGES=(binutils dpkg libwayland-client0 libwayland-cursor0 libwayland-egl1
    desktop-file-utils appstream xvfb xauth sox)

_attune_say() { printf 'attune: %s\n' "$*" >&2; }
_attune_die() {
    _attune_say "$*"
    exit 1
}

_attune_python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

# Sets ATTUNE_PY to a Python >= 3.11.
_attune_find_python() {
    local cand
    if [[ -n "${ATTUNE_PYTHON:-}" ]]; then
        _attune_python_ok "$ATTUNE_PYTHON" || _attune_die "ATTUNE_PYTHON=$ATTUNE_PYTHON is not a Python 3.11 or newer."
        ATTUNE_PY="$ATTUNE_PYTHON"
        return
    fi
    for cand in python3 python3.14 python3.13 python3.12 python3.11; do
        if command -v "$cand" >/dev/null && _attune_python_ok "$cand"; then
            ATTUNE_PY="$(command -v "$cand")"
            return
        fi
    done
    _attune_die "Attune needs Python 3.11 or newer, and none was found (tried python3, python3.11 ... python3.14).
       On Debian/Ubuntu: sudo apt install python3 python3-venv"
}

# Prints the command prefix that may run apt-get ("" for root, "sudo -n" in CI with
# passwordless sudo); returns 1 when we may not install system packages.
_attune_apt_prefix() {
    [[ "${ATTUNE_ASSUME_NOT_ROOT:-}" == 1 ]] && return 1
    if [[ "$(id -u)" == 0 ]]; then
        printf ''
        return 0
    fi
    if [[ -n "${CI:-}" && "${CI:-}" != false ]] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        printf 'sudo -n'
        return 0
    fi
    return 1
}

# Prints which of the given packages are not installed (one line, space separated).
# A package counts as installed under its own name or its 64-bit-time_t name (NAMEt64),
# as Ubuntu 24.04 and Debian 13 renamed some libraries (libglib2.0-0 -> libglib2.0-0t64).
_attune_missing_packages() {
    local -A have=()
    local name status p
    local -a missing=()
    while IFS=$'\t' read -r name status; do
        [[ "$status" == "install ok installed" ]] && have["$name"]=1
    done < <(dpkg-query -W -f='${Package}\t${Status}\n' "$@" "${@/%/t64}" 2>/dev/null || true)
    for p in "$@"; do
        [[ -n "${have[$p]:-}" || -n "${have[${p}t64]:-}" ]] || missing+=("$p")
    done
    printf '%s' "${missing[*]}"
}

# Installs what is missing of the given packages, or says how to.
_attune_system_packages() {
    command -v dpkg-query >/dev/null || return 0 # not Debian/Ubuntu: nothing we can check
    local missing prefix log p cand
    missing="$(_attune_missing_packages "$@")"
    [[ -z "$missing" ]] && return 0
    local -a want
    read -r -a want <<<"$missing"

    if ! prefix="$(_attune_apt_prefix)"; then
        _attune_say "Some system packages are missing: ${want[*]}"
        _attune_say "Attune runs without them, but speech, sound or some tests may not work. To install them:"
        printf '\n    sudo apt install %s\n\n' "${want[*]}" >&2
        return 0
    fi

    local -a apt_env=(env DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a)
    local -a apt_opts=(-y -q -o DPkg::Lock::Timeout=300
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    log="$(mktemp)"
    _attune_say "Installing system packages: ${want[*]}"
    # shellcheck disable=SC2086 # $prefix is empty or "sudo -n"
    if ! $prefix "${apt_env[@]}" apt-get update -q -o DPkg::Lock::Timeout=300 </dev/null >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        _attune_die "apt-get update failed (output above)."
    fi

    # Resolve names against this system's sources: take NAMEt64 where only that exists,
    # and skip (loudly) a name this release does not have rather than fail the install.
    local -a install=()
    for p in "${want[@]}"; do
        cand="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [[ -n "$cand" && "$cand" != "(none)" ]]; then
            install+=("$p")
            continue
        fi
        cand="$(apt-cache policy "${p}t64" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [[ -n "$cand" && "$cand" != "(none)" ]]; then
            install+=("${p}t64")
        else
            _attune_say "warning: no package '$p' in this system's apt sources; skipping it."
        fi
    done
    [[ ${#install[@]} -eq 0 ]] && { rm -f "$log"; return 0; }

    # shellcheck disable=SC2086
    if ! $prefix "${apt_env[@]}" apt-get install "${apt_opts[@]}" --no-install-recommends \
        "${install[@]}" </dev/null >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        _attune_die "apt-get install failed (output above)."
    fi
    rm -f "$log"
}

# Creates .venv (or reuses a working one).
_attune_venv() {
    if [[ -x "$VENV_DIR/bin/python" ]] && _attune_python_ok "$VENV_DIR/bin/python"; then
        return 0
    fi
    if [[ -e "$VENV_DIR" ]]; then
        _attune_say "$VENV_DIR is broken or too old; making it again."
        rm -rf "$VENV_DIR"
    fi
    _attune_say "Creating $VENV_DIR with $ATTUNE_PY ($("$ATTUNE_PY" -c 'import platform; print(platform.python_version())'))"
    "$ATTUNE_PY" -m venv "$VENV_DIR" >&2 ||
        _attune_die "Could not create $VENV_DIR. On Debian/Ubuntu: sudo apt install python3-venv"
}

# pip install -e .[EXTRA] unless pyproject.toml is unchanged since the last install and
# that extra is in already. The stamp remembers every extra installed, so scripts/test and
# scripts/package take turns without reinstalling (and a plain install counts for none).
_attune_pip_install() {
    local extra="${1:-}" stamp="$VENV_DIR/.attune-install-stamp" hash have_hash="" have_extras=""
    if command -v sha256sum >/dev/null; then
        hash="$(sha256sum "$ATTUNE_ROOT/pyproject.toml" | cut -d' ' -f1)"
    else
        hash="$(shasum -a 256 "$ATTUNE_ROOT/pyproject.toml" | cut -d' ' -f1)"
    fi
    if [[ -f "$stamp" ]]; then
        read -r have_hash have_extras <"$stamp" || true
    fi
    if [[ "$have_hash" == "$hash" && -x "$VENV_DIR/bin/attune" ]] &&
        [[ -z "$extra" || ",$have_extras," == *",$extra,"* ]]; then
        return 0
    fi
    local extras="$have_extras"
    if [[ -n "$extra" && ",$extras," != *",$extra,"* ]]; then
        extras="${extras:+$extras,}$extra"
    fi
    local spec="."
    [[ -n "$extras" ]] && spec=".[$extras]"
    _attune_say "Installing Attune and its Python packages into .venv (pip install -e '$spec'; the first time takes a few minutes)"
    rm -f "$stamp"
    # pip's output is kept back unless it fails (this keeps its warnings about, say, a
    # pip.conf index that does not exist out of every run's output).
    local log
    log="$(mktemp)"
    if ! (cd "$ATTUNE_ROOT" && "$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check \
        --no-input -e "$spec") </dev/null >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        _attune_die "pip install -e '$spec' failed (output above)."
    fi
    rm -f "$log"
    printf '%s %s\n' "$hash" "$extras" >"$stamp"
}

# attune_setup [EXTRA]: everything above. Installs ATTUNE_APT_PACKAGES (a caller may add
# to it first) and `pip install -e .[EXTRA]`.
attune_setup() {
    local extra="${1:-}"
    # One setup at a time per checkout: two terminals starting at once on a fresh clone
    # would otherwise run pip into the same .venv together.
    if command -v flock >/dev/null; then
        local lock
        lock="${TMPDIR:-/tmp}/attune-setup-$(printf '%s' "$ATTUNE_ROOT" | cksum | cut -d' ' -f1).lock"
        exec {ATTUNE_LOCK_FD}>>"$lock"
        flock "$ATTUNE_LOCK_FD"
    fi

    _attune_find_python
    local -a pkgs=("${ATTUNE_APT_PACKAGES[@]}")
    # Debian's own Python keeps venv's ensurepip in a separate package (python3.X-venv).
    if ! "$ATTUNE_PY" -c 'import ensurepip' 2>/dev/null && [[ ! -x "$VENV_DIR/bin/python" ]]; then
        pkgs=("$("$ATTUNE_PY" -c 'import sys; print("python3.%d-venv" % sys.version_info[1])')" "${pkgs[@]}")
    fi
    _attune_system_packages "${pkgs[@]}"
    _attune_venv
    _attune_pip_install "$extra"

    if [[ -n "${ATTUNE_LOCK_FD:-}" ]]; then
        exec {ATTUNE_LOCK_FD}>&-
        unset ATTUNE_LOCK_FD
    fi
}
