#!/usr/bin/env bash
# Build (or reuse) the virtualenv that runs Matrix Synapse for the chat delivery tests.
#
# Synapse lives in its own virtualenv, never in .venv, so its ~60 dependencies stay
# out of requirements*.lock. tests/chat.py calls this script when the venv is missing;
# CI can call it up front to fail early on a network problem:
#
#     tests/chat_setup.sh                # -> .venv-synapse at the repository root
#     tests/chat_setup.sh /some/venv     # or MONITOR_SYNAPSE_VENV=/some/venv
#
# Idempotent: a stamp file records the installed version; a second run is a no-op.
# Concurrent runs are serialised with flock. Only PyPI is contacted (pip install).
set -euo pipefail

SYNAPSE_VERSION="${MONITOR_SYNAPSE_VERSION:-1.163.2}"
PYTHON="${PYTHON:-python3}"

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="${1:-${MONITOR_SYNAPSE_VENV:-$root/.venv-synapse}}"
stamp="$venv/.synapse-installed"
want="matrix-synapse==$SYNAPSE_VERSION"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && "$venv/bin/python" -c 'import synapse' 2>/dev/null; then
    exit 0
fi

mkdir -p "$venv"
exec 9>"$venv/.setup.lock"
flock 9
# Another process may have finished the job while we waited for the lock.
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && "$venv/bin/python" -c 'import synapse' 2>/dev/null; then
    exit 0
fi

echo "chat_setup: installing $want into $venv" >&2
start=$(date +%s)
rm -f "$stamp"
if [[ ! -x "$venv/bin/python" ]]; then
    "$PYTHON" -m venv "$venv"
fi
# Keep the venv out of git even though .gitignore does not name it.
printf '*\n' >"$venv/.gitignore"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$want" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
"$venv/bin/python" -c 'import synapse, sys; print("chat_setup: synapse", synapse.__version__, "on", sys.version.split()[0], file=sys.stderr)'
printf '%s' "$want" >"$stamp"
echo "chat_setup: done in $(( $(date +%s) - start )) s" >&2
