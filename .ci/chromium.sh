#!/usr/bin/env bash
# Makes sure Debian's headless-capable chromium and its chromedriver are installed for the browser
# tests (org.mirabella.web) and prints the chromedriver path. Installs both from Debian's packages
# when either is missing. Run as root (CI).
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "chromium.sh: installing chromium and chromium-driver from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends chromium chromium-driver >&2
fi
chromium --version 2>/dev/null >&2 || true
command -v chromedriver
