#!/usr/bin/env bash
# Installs what the browser tests and static pictures need, only where it is missing:
# Debian's chromium and the Noto CJK fonts. Needs root and apt-get; elsewhere it says what to install.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "warning: install ${need[*]} for the browser tests and pictures (e.g. sudo apt-get install ${need[*]})" >&2
fi
