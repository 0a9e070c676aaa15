#!/usr/bin/env bash
# Creates bench/.venv-openai (git-ignored) with the pinned OpenAI Python client that
# OpenAiClientIntegrationTests drives against the server. Idempotent: a venv that already has the
# pinned version is left as it is (about a second). Uses pip's own index configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=bench/.venv-openai
REQ=bench/openai-client/requirements.txt
PY="${PYTHON:-python3}"
want=$(sed -n 's/^openai==\([^ #]*\).*/\1/p' "$REQ")
if [ -x "$VENV/bin/python" ] && [ "$("$VENV/bin/python" -c 'import openai; print(openai.__version__)' 2>/dev/null)" = "$want" ]; then
  echo "openai client venv ready: openai $want"
  exit 0
fi
# Debian's python3 has venv without ensurepip until python3-venv is installed
if ! "$PY" -c 'import ensurepip' >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends python3-venv
fi
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --only-binary=:all: -r "$REQ" -c bench/openai-client/requirements.lock
echo "openai client venv created: openai $("$VENV/bin/python" -c 'import openai; print(openai.__version__)')"
