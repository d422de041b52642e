#!/usr/bin/env bash
# Optional check of the installer script's mechanics under Wine (NOT a Windows test): compiles
# packaging/intake-app.iss with Inno Setup 6.4.1, installs per user, upgrades in place over a
# stale file, uninstalls, and checks that the program folder, shortcuts and uninstall entry go
# while a data folder in %LOCALAPPDATA%\IntakeApp\intake-app stays. Packs whatever bundle is in
# packaging/dist/intake-app (on Linux: the Linux bundle; only the file handling is checked).
# Needs: Debian wine wine64 wine32:i386 xvfb, and npm (Inno Setup comes from the npm package
# "innosetup", which ships ISCC.exe). Uses its own Wine prefix in $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")"
work=${TMPDIR:-/tmp}/intake-app-wine-trial  # outside the checkout: a Wine prefix links to /
mkdir -p "$work"
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml="
if [ ! -f "$work/inno/package/bin/ISCC.exe" ]; then
  (cd "$work" && npm pack -q innosetup@6.4.1 >/dev/null && mkdir -p inno &&
   tar xzf innosetup-6.4.1.tgz -C inno)
fi
Xvfb :93 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=:93
wine winecfg /v win10 >/dev/null 2>&1
user="$WINEPREFIX/drive_c/users/$(whoami)"
app="$user/AppData/Local/Programs/IntakeApp"
data="$user/AppData/Local/IntakeApp/intake-app"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{8C6A2F4E-5B1D-4B7A-9E3C-2D7F1A6B9C40}_is1'
fail() { echo "wine-trial: FAILED: $*" >&2; exit 1; }

# Wine has no per-user Programs folder ({autopf} cannot be expanded): name it for the trial.
wine "$work/inno/package/bin/ISCC.exe" /Q /DCompression=none \
  '/DInstallRoot={localappdata}\Programs' intake-app.iss
setup=$(ls dist/intake-app-setup-*.exe)
wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER
[ -f "$app/intake-app-window.exe" ] || [ -f "$app/intake-app-window" ] || fail "not installed"
[ -f "$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Tiếp nhận hồ sơ.lnk" ] \
  || fail "no Start-menu shortcut"
wine reg query "$uninstall_key" >/dev/null 2>&1 || fail "no uninstall entry"

mkdir -p "$data/receipts" && echo kept > "$data/intake.db" && echo kept > "$data/receipts/r.pdf"
echo stale > "$app/_internal/stale-from-an-older-version.dll"
wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER
[ ! -e "$app/_internal/stale-from-an-older-version.dll" ] || fail "upgrade kept a stale file"
[ "$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null \
     | grep -c 8C6A2F4E)" = 1 ] || fail "upgrade left two uninstall entries"

wine "$app/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
sleep 3  # the uninstaller finishes in a copy of itself
[ ! -e "$app" ] || fail "program folder left behind"
[ ! -e "$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Tiếp nhận hồ sơ.lnk" ] \
  || fail "Start-menu shortcut left behind"
! wine reg query "$uninstall_key" >/dev/null 2>&1 || fail "uninstall entry left behind"
[ "$(cat "$data/intake.db")" = kept ] && [ -f "$data/receipts/r.pdf" ] || fail "DATA DELETED"
echo "wine-trial: install, upgrade in place and uninstall behave; the data folder was kept"
