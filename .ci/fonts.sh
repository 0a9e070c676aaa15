#!/usr/bin/env bash
# Fonts for the console's browser test: Debian's Chromium draws Chinese text only when a CJK font is
# installed (without one the zh-CN screenshots show empty boxes). Noto CJK is OFL-1.1.
set -euo pipefail
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends fonts-noto-cjk
fi
