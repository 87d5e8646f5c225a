# Shared by the quick-start scripts: the system libraries WeasyPrint needs, and a virtual environment
# with OpenIMR and its test tools. Idempotent: a second run only checks that everything is in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"

# The Python the pinned libraries are tested on (pyproject.toml's requires-python, ">=3.11,<3.12"): another
# one is replaced by python3.11 when it is installed, else refused with what to do; a .venv made with another
# Python is rebuilt rather than failing on every run.
NEED_PYTHON=$(sed -n 's/^requires-python = ">=\([0-9]*\.[0-9]*\).*/\1/p' pyproject.toml)
python_version() {
  "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "none"
}
if [ "$(python_version "$PYTHON")" != "$NEED_PYTHON" ]; then
  if command -v "python$NEED_PYTHON" >/dev/null 2>&1; then
    PYTHON="python$NEED_PYTHON"
  else
    echo "error: OpenIMR needs Python $NEED_PYTHON; $PYTHON is $(python_version "$PYTHON"). Install python$NEED_PYTHON" \
         "(Debian: apt-get install python$NEED_PYTHON python$NEED_PYTHON-venv) or set PYTHON=/path/to/python$NEED_PYTHON." >&2
    exit 1
  fi
fi
if [ -x .venv/bin/python ] && [ "$(python_version .venv/bin/python)" != "$NEED_PYTHON" ]; then
  echo "Rebuilding .venv: it was made with Python $(python_version .venv/bin/python), OpenIMR needs $NEED_PYTHON." >&2
  rm -rf .venv
fi

# WeasyPrint (PDF letters) renders through Pango and needs a font; Debian packages them.
need_system_packages() {
  ! { ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" && ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so"; } ||
    ! fc-list 2>/dev/null | grep -qi "dejavu"
}
if need_system_packages; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing the system libraries for PDF letters (Pango, DejaVu fonts)..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
      fontconfig >/dev/null
  else
    echo "warning: Pango and DejaVu fonts are missing; PDF letters need them (apt-get install libpango-1.0-0" \
         "libpangoft2-1.0-0 fonts-dejavu-core)" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.openimr-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi
