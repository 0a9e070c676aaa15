#!/usr/bin/env bash
# Creates bench/.venv (git-ignored) with the pinned Python side of the ASR benchmark.
# Uses pip's own index configuration (pip.conf / PIP_* environment); no URLs here.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
start=$(date +%s)
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --upgrade --quiet pip
# requirements.txt: the pinned top-level packages; requirements.lock: every transitive version (constraints)
.venv/bin/python -m pip install --only-binary=:all: -r requirements.txt -c requirements.lock
end=$(date +%s)
echo "bench venv ready in $((end - start)) s: $(.venv/bin/python -c 'import faster_whisper, ctranslate2, jiwer, psutil; print("faster-whisper", faster_whisper.__version__, "ctranslate2", ctranslate2.__version__, "psutil", psutil.__version__); import pyannote.metrics')"
