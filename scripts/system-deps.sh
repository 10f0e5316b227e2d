#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when one is missing.
# Fonts and Pango for WeasyPrint; poppler for PDF checks; Chromium for the
# browser tests; libgs-common for the CMYK/grey ICC profiles of print PDFs;
# wrk for the load benchmark; gettext for catalogs; nginx (with the cache
# purge module), openssl and curl for the deployment examples and the
# production smoke test, which run nginx unprivileged on their own ports;
# a Java runtime for the W3C Nu HTML checker (vnu-jar, from npm).
set -euo pipefail

PACKAGES=(
  python3-venv
  fonts-noto-core
  fonts-noto-ui-core
  libpango-1.0-0
  libpangoft2-1.0-0
  libharfbuzz-subset0
  poppler-utils
  libgs-common
  fontconfig
  gettext
  chromium
  wrk
  nginx
  libnginx-mod-http-cache-purge
  openssl
  curl
  nodejs
  npm
  default-jre-headless
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

# npm may be provided by a nodejs build that is not Debian's.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}"); missing=("${missing[@]/nodejs}")
fi
# Any Java runtime on PATH will do for vnu-jar.
if command -v java >/dev/null 2>&1; then
  missing=("${missing[@]/default-jre-headless}")
fi
read -r -a missing <<< "${missing[*]:-}"

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
