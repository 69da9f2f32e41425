"""The few lines of the systemd notify protocol monitor needs, from the standard library.

``notify("READY=1")`` sends a datagram to ``$NOTIFY_SOCKET`` (a path, or an abstract
socket when it starts with "@"); without the variable it does nothing, so the same
daemon runs under systemd and in a terminal. Text is sent as UTF-8 (the `sdnotify`
package drops what Latin-1 cannot hold: French status lines would vanish).
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta


def notify(*lines: str) -> bool:
    """Send state lines ("READY=1", "STATUS=...") to systemd; False when not under systemd."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall("\n".join(lines).encode("utf-8"))
    except OSError:
        return False
    return True


def watchdog_interval() -> timedelta | None:
    """Half of WatchdogSec= (systemd's advice) when the watchdog is on for this process."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or not usec.isdigit() or (pid and pid.isdigit() and int(pid) != os.getpid()):
        return None
    return timedelta(microseconds=int(usec) / 2)
