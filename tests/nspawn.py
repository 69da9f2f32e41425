"""A Debian root booted with systemd-nspawn, systemd as its PID 1, for tests/test_nspawn.py.

The root is built by tests/nspawn_setup.sh (debootstrap + monitor installed as the
README says). It is booted with ``--volatile=overlay``: everything written while it
runs goes to a tmpfs and is gone at power-off, so the cached root stays as built and
each boot starts from the same state. ``--private-network`` leaves the container only
its own loopback. No machined is needed (``--register=no``): commands run inside with
``nsenter`` into every namespace of the container's PID 1.

    with Container(root, log=tmp_path / "boot.log") as box:
        box.run("systemctl", "start", "monitor")
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import BinaryIO

#: Where tests/nspawn_setup.sh puts the root (it takes the same variable).
NSPAWN_DIR = Path(os.environ.get("MONITOR_NSPAWN_DIR", "/var/cache/monitor-nspawn"))
ROOT = NSPAWN_DIR / "root"


def problems(root: Path = ROOT) -> list[str]:
    """Why this machine cannot boot the root; empty when it can (as far as we can tell)."""
    out = []
    if os.geteuid() != 0:
        out.append("not root (systemd-nspawn needs root)")
    for tool in ("systemd-nspawn", "nsenter"):
        if shutil.which(tool) is None:
            out.append(f"{tool} not installed (apt-get install systemd-container util-linux)")
    if not (root / "opt/monitor/bin/monitor").exists():
        out.append(f"{root} not built: run tests/nspawn_setup.sh")
    return out


class Container:
    def __init__(self, root: Path, log: Path, name: str = "") -> None:
        self.root = root
        self.log_path = log
        self.name = name or f"monitor-test-{os.getpid()}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.pid1: int | None = None
        self._log: BinaryIO | None = None

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Container:
        try:
            self.boot()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def boot(self, timeout: float = 60.0) -> float:
        """Start the container and wait until its systemd says the boot is done."""
        start = time.monotonic()
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [
                "systemd-nspawn",
                "--quiet",
                "--boot",
                f"--directory={self.root}",
                f"--machine={self.name}",
                "--register=no",
                "--keep-unit",
                "--volatile=overlay",
                "--private-network",
                "--console=pipe",
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = start + timeout
        while self.pid1 is None:
            self._check_alive()
            self.pid1 = self._find_pid1()
            if time.monotonic() > deadline:
                raise TimeoutError(f"no container init after {timeout:.0f}s; {self.tail()}")
            time.sleep(0.05)
        # `is-system-running --wait` needs the manager's bus; retry until it answers.
        while True:
            self._check_alive()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"boot not finished after {timeout:.0f}s; {self.tail()}")
            r = self.run("systemctl", "is-system-running", "--wait", check=False, timeout=left)
            state = r.stdout.strip()
            if state in ("running", "degraded"):
                break
            time.sleep(0.2)
        return time.monotonic() - start

    def close(self, timeout: float = 30.0) -> None:
        """Power off (systemctl poweroff), or kill the container after timeout seconds."""
        if self.proc is not None:
            if self.proc.poll() is None and self.pid1 is not None:
                self.run("systemctl", "poweroff", check=False, timeout=10)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGKILL)
                self.proc.wait(10)
            self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def _check_alive(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            code = None if self.proc is None else self.proc.returncode
            raise RuntimeError(f"systemd-nspawn exited ({code}); {self.tail()}")

    def _find_pid1(self) -> int | None:
        """The container's init: the child of systemd-nspawn that is PID 1 in its namespace."""
        assert self.proc is not None
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(self.proc.pid) and fields.get(
                "NSpid", ""
            ).split()[-1:] == ["1"]:
                return int(entry.name)
        return None

    def tail(self, lines: int = 30) -> str:
        """The end of the container's console output, for error messages."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "no console output"
        return "console:\n" + "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------------ inside

    def run(
        self, *argv: str, check: bool = True, timeout: float = 60.0, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run a command inside the container (all its namespaces, its root), as root."""
        assert self.pid1 is not None, "container not booted"
        r = subprocess.run(
            ["nsenter", f"--target={self.pid1}", "--all", "--", *argv],
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input,
            check=False,
        )
        if check and r.returncode != 0:
            raise AssertionError(
                f"in container: {' '.join(argv)} -> exit {r.returncode}\n"
                f"stdout: {r.stdout}\nstderr: {r.stderr}"
            )
        return r

    def sh(self, script: str, **kw) -> str:
        return self.run("/bin/sh", "-ec", script, **kw).stdout

    def show(self, unit: str, *props: str) -> dict[str, str]:
        out = self.run("systemctl", "show", unit, *(f"--property={p}" for p in props)).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def journal(self, unit: str) -> str:
        return self.run("journalctl", "--no-pager", "--output=short-monotonic", "-u", unit).stdout

    def wait_for(self, what: str, predicate, timeout: float = 30.0, every: float = 0.25):
        """predicate() until truthy; its value. AssertionError naming `what` on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
            time.sleep(every)
