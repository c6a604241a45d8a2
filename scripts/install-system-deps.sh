#!/usr/bin/env bash
# Debian packages, installed only when missing (needs root or sudo).
#   scripts/install-system-deps.sh app    what the app needs: Pango and HarfBuzz (WeasyPrint's
#                                         layout), python3-venv, the DejaVu fonts (fallback glyphs)
#   scripts/install-system-deps.sh test   the app's, and what only the tests need: chromium (browser
#                                         tests), poppler-utils (pdftoppm, pdffonts), qpdf (PDF checks)
set -euo pipefail
what="${1:-test}"
need=()
missing() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || need+=("$1"); }
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core; do missing "$pkg"; done
# The Makefile builds .venv on Debian's python3.11 when it is there: it needs that Python's venv package.
if [ -x /usr/bin/python3.11 ]; then
  /usr/bin/python3.11 -c 'import ensurepip, venv' 2>/dev/null || missing python3.11-venv
else
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing python3-venv
fi
if [ "$what" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
elif [ "$what" != "app" ]; then
  echo "usage: $0 app|test" >&2
  exit 2
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
