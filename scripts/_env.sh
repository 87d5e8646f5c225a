# Shared by the quick-start scripts: the system libraries WeasyPrint needs, and a virtual environment
# with OpenIMR and its test tools. Idempotent: a second run only checks that everything is in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"

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
