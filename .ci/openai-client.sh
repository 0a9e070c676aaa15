#!/usr/bin/env bash
# Creates bench/.venv-openai (git-ignored) with the pinned OpenAI Python client that
# OpenAiClientIntegrationTests drives against the server. Idempotent: a venv that already has the
# pinned version is left as it is (well under a second). Uses pip's own index configuration.
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
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --only-binary=:all: -r "$REQ" -c bench/openai-client/requirements.lock
echo "openai client venv created: openai $("$VENV/bin/python" -c 'import openai; print(openai.__version__)')"
