#!/usr/bin/env bash
# Builds Attune for macOS: dist/Attune.app and dist/attune-<version>-macos-<arch>.dmg
#
# Not built by CI: this recipe is written to be run on macOS; it has not been run on
# this project's CI, which runs on Linux.
#
# One command, in the repository's folder:
#     ./packaging/macos/build.sh
#
# It needs Xcode's command line tools (xcode-select --install) and Python 3.11 or newer
# (python.org's installer or Homebrew). It makes a fresh venv in build/macos-venv,
# installs Attune, PyInstaller and, for speech, only the two PyObjC packages pyttsx3's
# macOS driver imports; makes packaging/macos/attune.icns from the icon's PNGs with
# iconutil; runs PyInstaller with packaging/attune.spec; and puts Attune.app on a .dmg.
# The app is built for the Mac's own architecture (arm64 or x86_64).
#
# Optional environment variables:
#   ATTUNE_PYTHON                the python3 to build with (default: python3.14 ... python3.11,
#                                then python3, the first that is 3.11 or newer)
#   ATTUNE_MACOS_SIGN_IDENTITY   a "Developer ID Application: Name (TEAMID)" certificate in
#                                your keychain: sign with it, hardened runtime on. Unset: the
#                                app is signed ad hoc, which is enough on this Mac.
#   ATTUNE_MACOS_NOTARY_PROFILE  a profile saved with `xcrun notarytool store-credentials`:
#                                have Apple notarize the app and the .dmg, and staple the
#                                tickets to them (needs the signing identity).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

venv=$root/build/macos-venv
vpy=$venv/bin/python
app=$root/dist/Attune.app
identity=${ATTUNE_MACOS_SIGN_IDENTITY:-}
profile=${ATTUNE_MACOS_NOTARY_PROFILE:-}

say() { printf '\n==> %s\n' "$*"; }
die() {
  printf '\nbuild.sh: %s\n' "$*" >&2
  exit 1
}

find_python() {
  local candidate
  if [ -n "${ATTUNE_PYTHON:-}" ]; then
    set -- "$ATTUNE_PYTHON"
  else
    set -- python3.14 python3.13 python3.12 python3.11 python3
  fi
  for candidate in "$@"; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# notarize FILE: send it to Apple's notary service, wait, and stop unless it was accepted.
notarize() {
  local file=$1 result status id
  say "Notarizing $(basename "$file") (this takes a few minutes)"
  result=$(xcrun notarytool submit "$file" --keychain-profile "$profile" --wait \
    --output-format json) || true
  status=$(printf '%s' "$result" | "$vpy" -c '
import json, sys
lines = [line for line in sys.stdin.read().splitlines() if line.startswith("{")]
answer = json.loads(lines[-1]) if lines else {}
print(answer.get("status", ""), answer.get("id", ""))')
  id=${status#* }
  status=${status%% *}
  if [ "$status" != Accepted ]; then
    die "Apple's notary service did not accept $(basename "$file") (status: ${status:-none}).
  Its report: xcrun notarytool log ${id:-<submission id>} --keychain-profile $profile"
  fi
}

# --- Everything that can be missing is looked for first, before the long part. --------

[ "$(uname -s)" = Darwin ] || die "This recipe builds the macOS app and runs only on macOS."
xcode-select -p >/dev/null 2>&1 ||
  die "Xcode's command line tools are missing (PyInstaller needs them). Run: xcode-select --install"
python=$(find_python) ||
  die "No Python 3.11 or newer found. Install it from python.org or with Homebrew, or set ATTUNE_PYTHON."
if [ -n "$profile" ] && [ -z "$identity" ]; then
  die "ATTUNE_MACOS_NOTARY_PROFILE is set without ATTUNE_MACOS_SIGN_IDENTITY: Apple notarizes signed apps only."
fi
if [ -n "$identity" ]; then
  # grep without -q reads all: with pipefail, an early exit could fail the pipe (SIGPIPE).
  security find-identity -v -p codesigning | grep -F -- "$identity" >/dev/null ||
    die "No valid signing identity \"$identity\" in your keychain (see: security find-identity -v -p codesigning)."
fi
if [ -n "$profile" ]; then
  xcrun notarytool history --keychain-profile "$profile" >/dev/null ||
    die "The notary profile \"$profile\" does not work (make it with: xcrun notarytool store-credentials)."
fi

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop_app/__init__.py)
[ -n "$version" ] || die "No __version__ in desktop_app/__init__.py."
printf 'Attune %s for macOS, with %s (%s)\n' "$version" "$python" "$(command -v "$python")"

# --- The build venv ----------------------------------------------------------------------

say "A fresh venv in build/macos-venv"
rm -rf "$venv"
"$python" -m venv "$venv"
"$vpy" -m pip install --upgrade pip

say "Installing Attune's dependencies, PyInstaller, and pyobjc-core + pyobjc-framework-Cocoa"
# pyttsx3 declares the whole `pyobjc` (~150 framework wrappers) for macOS. Its macOS
# driver (nsss) imports objc, AppKit, Foundation and PyObjCTools.AppHelper only, which
# are pyobjc-core and pyobjc-framework-Cocoa. So: everything else first, those two, then
# pyttsx3 and Attune itself with --no-deps (`pip check` will name the missing `pyobjc`;
# that is this choice).
requirements=$venv/attune-requirements.txt
pyttsx3_requirement=$("$vpy" - "$requirements" <<'PY'
import re
import sys
import tomllib

with open("pyproject.toml", "rb") as file:
    dependencies = tomllib.load(file)["project"]["dependencies"]
def name(requirement):
    return re.match(r"[A-Za-z0-9._-]+", requirement)[0].lower()
speech = [d for d in dependencies if name(d) == "pyttsx3"]
if len(speech) != 1:
    sys.exit(f"pyproject.toml should name pyttsx3 once among the dependencies: {speech}")
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.writelines(f"{d}\n" for d in dependencies if name(d) != "pyttsx3")
print(speech[0])
PY
)
# PyInstaller within 6.x, as pyproject.toml's package extra: the spec is written for it.
"$vpy" -m pip install -r "$requirements" "pyinstaller>=6.10,<7" pyobjc-core pyobjc-framework-Cocoa
"$vpy" -m pip install --no-deps "$pyttsx3_requirement"
"$vpy" -m pip install --no-deps .
"$vpy" -c 'import pyttsx3.drivers.nsss' ||
  die "pyttsx3's macOS driver does not import with pyobjc-core and pyobjc-framework-Cocoa alone."
if "$vpy" -m pip show pyobjc >/dev/null 2>&1; then
  die "The meta-package pyobjc got installed after all; this recipe keeps it out."
fi
printf 'PyObjC in the build: %s\n' \
  "$("$vpy" -m pip list --format=freeze 2>/dev/null | grep -i '^pyobjc' | tr '\n' ' ')"

# --- The icon ------------------------------------------------------------------------------

say "Making packaging/macos/attune.icns from assets/icons/app"
iconset=$here/Attune.iconset
rm -rf "$iconset"
mkdir -p "$iconset"
copied=0
# An .iconset names each image by its size in points, @2x for twice the pixels.
while read -r name size; do
  if [ -f "assets/icons/app/attune-$size.png" ]; then
    cp "assets/icons/app/attune-$size.png" "$iconset/$name.png"
    copied=$((copied + 1))
  fi
done <<'SIZES'
icon_16x16 16
icon_16x16@2x 32
icon_32x32 32
icon_32x32@2x 64
icon_128x128 128
icon_128x128@2x 256
icon_256x256 256
icon_256x256@2x 512
icon_512x512 512
icon_512x512@2x 1024
SIZES
[ "$copied" -gt 0 ] ||
  die "No attune-<size>.png in assets/icons/app (scripts/icons.py renders them from attune.svg)."
iconutil --convert icns --output "$here/attune.icns" "$iconset"
rm -rf "$iconset"

# --- The app -------------------------------------------------------------------------------

min_macos=$("$vpy" packaging/macos/min_macos_version.py)
say "PyInstaller: dist/Attune.app (for macOS $min_macos and later)"
# The spec reads the identity; PyInstaller signs every binary with it (hardened runtime,
# timestamp, entitlements.plist), or ad hoc when it is empty. A failed bundle signature
# stops the build instead of being a warning.
export ATTUNE_MACOS_SIGN_IDENTITY=$identity
export PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR=1 PYINSTALLER_VERIFY_BUNDLE_SIGNATURE=1
"$venv/bin/pyinstaller" --noconfirm --clean packaging/attune.spec
[ -d "$app" ] ||
  die "dist/Attune.app was not made: see PyInstaller's output above (the spec's macOS part is explained in packaging/platform_spec_notes.md)."

plist=$app/Contents/Info.plist
if /usr/libexec/PlistBuddy -c 'Print :NSMicrophoneUsageDescription' "$plist" >/dev/null 2>&1; then
  die "Info.plist has NSMicrophoneUsageDescription; Attune never records and must not ask for the microphone."
fi
for key in CFBundleIdentifier CFBundleShortVersionString LSMinimumSystemVersion LSApplicationCategoryType; do
  printf '  %s: %s\n' "$key" "$(/usr/libexec/PlistBuddy -c "Print :$key" "$plist")"
done
said=$("$app/Contents/MacOS/attune" --version) || true
[ "$said" = "attune $version" ] ||
  die "Attune.app/Contents/MacOS/attune --version said '$said', not 'attune $version'."
printf '  attune --version: %s\n' "$said"

if [ -n "$identity" ]; then
  say "Signing Attune.app itself: hardened runtime, secure timestamp, entitlements.plist"
  # PyInstaller has signed everything inside with the same identity; this (re)signs the
  # bundle last, as Apple asks: inside first, then the app.
  codesign --force --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" --sign "$identity" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  codesign --display --entitlements - "$app"
fi
if [ -n "$profile" ]; then
  zip=$root/build/Attune-notarize.zip
  rm -f "$zip"
  ditto -c -k --keepParent "$app" "$zip"
  notarize "$zip"
  rm -f "$zip"
  xcrun stapler staple "$app"
  spctl --assess --type execute --verbose=2 "$app"
fi

# --- The disk image --------------------------------------------------------------------------

arch=$("$vpy" -c 'import platform; print(platform.machine())')
dmg=$root/dist/attune-$version-macos-$arch.dmg
stage=$root/build/macos-dmg
say "Making $(basename "$dmg")"
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
ditto "$app" "$stage/Attune.app"
ln -s /Applications "$stage/Applications"  # drag Attune onto it to install
hdiutil create -volname "Attune $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
rm -rf "$stage"
if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
fi
if [ -n "$profile" ]; then
  notarize "$dmg"
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi

printf '\nDone: %s\n' "$dmg"
if [ -z "$identity" ]; then
  echo "Signed ad hoc, not notarized: it opens on this Mac; on another Mac, macOS will refuse it"
  echo "until the person allows it (see packaging/macos/README.md)."
elif [ -z "$profile" ]; then
  echo "Signed, not notarized: set ATTUNE_MACOS_NOTARY_PROFILE for a download others can open."
else
  echo "Signed, notarized and stapled."
fi
