#!/usr/bin/env bash
# Build the frozen one-folder bundle from packaging/intake-app.spec (the same spec the Windows
# build machine uses; see packaging/README.md). Output: packaging/dist/intake-app/.
#   packaging/build.sh            uses .venv (made with the README's install command)
#   PYTHON=/path/python packaging/build.sh   another venv's interpreter
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
if [ ! -x "$python" ]; then
  echo "build.sh: no $python; first: python3 -m venv .venv && .venv/bin/pip install -e '.[test]'" >&2
  exit 1
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: installing the build tools (packaging/requirements-build.txt)"
  "$python" -m pip install -q -r packaging/requirements-build.txt
fi

# The office hub's web server (the `hub` extra): the spec freezes fastapi and uvicorn with it.
if ! "$python" -c "import fastapi, uvicorn" 2>/dev/null; then
  echo "build.sh: installing the hub extra (fastapi, uvicorn) at the pinned versions"
  "$python" -m pip install -q -c packaging/constraints.txt -e '.[hub]'
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/intake-app.spec
seconds=$(( $(date +%s) - start ))

bundle=packaging/dist/intake-app
size=$(du -sm "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "build.sh: built $bundle in ${seconds} s: ${size} MB, ${files} files"
echo "build.sh: smoke test: .venv/bin/pytest -q -m packaging"
