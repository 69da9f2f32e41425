#!/usr/bin/env bash
# Build (or refresh) the Debian root that tests/test_nspawn.py boots with systemd-nspawn.
#
# The root is a Debian bookworm debootstrap (minbase + systemd, dbus, python3) with
# monitor installed as README.md's "Running under systemd" says: a venv in /opt/monitor,
# config and rules in /etc/monitor, systemd/monitor.service in /etc/systemd/system. The
# only changes for the test are a config whose one source is an inbox in the state
# directory (no network), and a drop-in with a short WatchdogSec.
#
#     tests/nspawn_setup.sh              # -> /var/cache/monitor-nspawn/root
#     tests/nspawn_setup.sh /some/dir    # or MONITOR_NSPAWN_DIR=/some/dir (root in DIR/root)
#
# Needs root, and installs debootstrap and systemd-container with apt-get when missing.
# Network: deb.debian.org (debootstrap, first run: ~110 MB download, ~2 min) and PyPI
# (pip wheel on the host, for requirements.lock); the root itself never goes online:
# pip runs inside it with --no-index, in a container with a private network.
#
# Idempotent: each layer has a stamp (the debootstrap arguments; the hash of
# requirements.lock); a second run only reinstalls monitor from the working tree and
# the config/unit files (a few seconds). Concurrent runs are serialised with flock.
set -euo pipefail

SUITE="${MONITOR_NSPAWN_SUITE:-bookworm}"
MIRROR="${MONITOR_NSPAWN_MIRROR:-http://deb.debian.org/debian}"
INCLUDE="systemd,systemd-sysv,dbus,python3,python3-venv,libnss-systemd,procps"
PYTHON="${PYTHON:-}"

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dir="${1:-${MONITOR_NSPAWN_DIR:-/var/cache/monitor-nspawn}}"
root="$dir/root"
if [[ -z "$PYTHON" ]]; then
    if [[ -x "$repo/.venv/bin/python" ]]; then PYTHON="$repo/.venv/bin/python"; else PYTHON=python3; fi
fi

log() { echo "nspawn_setup: $*" >&2; }
start=$(date +%s)

if [[ $EUID -ne 0 ]]; then
    log "must run as root (debootstrap, systemd-nspawn)"
    exit 1
fi
if ! command -v debootstrap >/dev/null || ! command -v systemd-nspawn >/dev/null; then
    log "installing debootstrap and systemd-container"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap systemd-container >/dev/null
fi

mkdir -p "$dir"
exec 9>"$dir/.setup.lock"
flock 9

# Runs a command inside the root (not booted): /proc and /dev are there, the network is not.
in_root() {
    systemd-nspawn --quiet --register=no --keep-unit --private-network --console=pipe -D "$root" "$@" \
        2> >(grep -v "Attempted to remove disk file system" >&2)
}

# --- Layer 1: the Debian root -----------------------------------------------------------
base_want="debootstrap --variant=minbase --include=$INCLUDE $SUITE $MIRROR"
if [[ ! -f "$root/.monitor-base" || "$(cat "$root/.monitor-base")" != "$base_want" ]]; then
    log "debootstrap $SUITE into $root (first run: a few minutes)"
    t=$(date +%s)
    rm -rf "$root.new" "$root"
    debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$root.new" "$MIRROR" \
        >"$dir/debootstrap.log" 2>&1 || { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
    # A machine id is made up at each boot; no host name or resolver of the build host.
    : >"$root.new/etc/machine-id"
    echo monitor-test >"$root.new/etc/hostname"
    rm -f "$root.new/etc/resolv.conf"
    # Nothing but the test needs to start at boot.
    rm -f "$root.new/etc/systemd/system/timers.target.wants/"*.timer
    rm -f "$root.new/var/cache/apt/archives/"*.deb
    printf '%s' "$base_want" >"$root.new/.monitor-base"
    mv "$root.new" "$root"
    log "debootstrap done in $(( $(date +%s) - t )) s"
fi

# --- Layer 2: the venv with the locked runtime dependencies --------------------------------
wheels="$dir/wheels"
deps_want="$(sha256sum "$repo/requirements.lock" | cut -d' ' -f1)"
if [[ ! -f "$root/opt/monitor/.deps" || "$(cat "$root/opt/monitor/.deps")" != "$deps_want" ]]; then
    log "installing requirements.lock into $root/opt/monitor"
    t=$(date +%s)
    # The host's Python and the root's are both Debian bookworm's 3.11: same wheels.
    host_py="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    root_py="$(in_root /usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' | tr -d '\r' | tail -1)"
    if [[ "$host_py" != "$root_py" ]]; then
        log "host Python $host_py != root Python $root_py: set PYTHON to a $root_py interpreter"
        exit 1
    fi
    mkdir -p "$wheels"
    # (A pip.conf pointing at missing local indexes warns once per package: not ours.)
    "$PYTHON" -m pip wheel --quiet --disable-pip-version-check -w "$wheels" -r "$repo/requirements.lock" \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    rm -rf "$root/opt/monitor"
    in_root /usr/bin/python3 -m venv /opt/monitor
    in_root --bind-ro="$wheels:/wheels" --bind-ro="$repo/requirements.lock:/requirements.lock" \
        /opt/monitor/bin/pip install --quiet --disable-pip-version-check --no-index \
        --find-links /wheels -r /requirements.lock \
        2> >(grep -v -e "is ignored: it is neither a file nor a directory" -e "does not provide the extra" >&2)
    printf '%s' "$deps_want" >"$root/opt/monitor/.deps"
    log "dependencies done in $(( $(date +%s) - t )) s"
fi

# --- Layer 3: monitor from the working tree, config, rules, unit ---------------------------
dist="$dir/dist"
rm -rf "$dist" && mkdir -p "$dist"
# The build backend's deprecation chatter goes to a log, shown only if the build fails.
"$PYTHON" -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$dist" "$repo" \
    >"$dir/wheel.log" 2>&1 || { cat "$dir/wheel.log" >&2; exit 1; }
in_root --bind-ro="$dist:/dist" /bin/sh -c \
    '/opt/monitor/bin/pip install --quiet --disable-pip-version-check --no-index --no-deps --force-reinstall /dist/*.whl'
install -m 0644 "$repo/README.md" "$root/opt/monitor/README.md"

install -d -m 0700 "$root/etc/monitor/credentials"
printf 'json://127.0.0.1:9/hook\n' >"$root/etc/monitor/credentials/webhook-url"
chmod 0600 "$root/etc/monitor/credentials/webhook-url"
install -d -m 0755 "$root/etc/monitor/rules"
rm -f "$root/etc/monitor/rules/"*
install -m 0644 "$repo"/rules/*.yaml "$root/etc/monitor/rules/"
# The documented config with its network sources replaced by one inbox in the state
# directory (polled every 2 s), and home set to /etc/monitor so that rules/ is the one
# installed above.
"$PYTHON" - "$repo/config/monitor.yaml" "$root/etc/monitor/monitor.yaml" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text, n = re.subn(r"(?ms)^sources:\n(?:  .*\n)+", "sources:\n"
    "  - {name: inbox, kind: files, path: /var/lib/monitor/inbox/, interval: 2s, jitter: 0s}\n", text)
assert n == 1, "config/monitor.yaml: no sources: block found"
text, n = re.subn(r"(?m)^home: .*$", "home: /etc/monitor", text)
assert n == 1, "config/monitor.yaml: no home: line found"
text = "# Written by tests/nspawn_setup.sh from config/monitor.yaml.\n" + text
open(sys.argv[2], "w", encoding="utf-8").write(text)
EOF
chmod 0644 "$root/etc/monitor/monitor.yaml"
in_root /opt/monitor/bin/monitor check --config /etc/monitor/monitor.yaml >/dev/null

install -m 0644 "$repo/systemd/monitor.service" "$root/etc/systemd/system/monitor.service"
install -d "$root/etc/systemd/system/monitor.service.d"
cat >"$root/etc/systemd/system/monitor.service.d/test.conf" <<'EOF'
# tests/nspawn_setup.sh: a short watchdog and restart delay so the test is quick.
[Service]
WatchdogSec=10s
RestartSec=1s
EOF
# Not enabled: the test starts it, after it has marked the time (to find what it writes).
rm -f "$root/etc/systemd/system/multi-user.target.wants/monitor.service"

log "root ready in $root ($(( $(date +%s) - start )) s)"
