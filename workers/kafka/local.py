"""Brokers run on this machine as child processes, on 127.0.0.1: the embedded broker (Tansu,
memory only: the zero-setup default of the demo) and Apache Kafka (durable, from the jars Maven
resolves). Both start on a free port (or a given one), say in one line when they cannot, and
stop when their `with` block ends. Production runs on an Apache Kafka cluster."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from workers.ops.logs import get_logger

log = get_logger("khabar.broker")


class BrokerError(RuntimeError):
    """A local broker could not be found, prepared or started."""


class ToolMissingError(BrokerError):
    """A program the broker needs (java, mvn, tansu) is not installed here."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_free(port: int) -> bool:
    """Whether a server could listen on the port (connections of a process gone, still in
    TIME_WAIT, do not count: servers bind with SO_REUSEADDR)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class LocalBroker:
    """A broker in a child process (its own session, so signals reach it alone)."""

    kind = "broker"

    def __init__(self, port: int | None = None, *, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The broker's process id while it runs (for benchmarks that count its CPU)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def command(self) -> list[str]:
        """The command line of the broker process."""
        raise NotImplementedError

    def prepare(self) -> None:
        """What must be ready before the process starts (nothing, by default)."""

    def start(self, timeout: float = 60.0) -> Self:
        """Start the process and wait until it listens; BrokerError saying why if it cannot."""
        if not port_free(self.port):  # else the wait below would find the other listener
            raise BrokerError(f"{self.kind}: port {self.port} on 127.0.0.1 is already in use")
        self.prepare()
        if self.log_path:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
        output = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self._process = subprocess.Popen(
            self.command(), stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BrokerError(f"{self.kind} exited with code {self._process.returncode}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.2),
            ):
                log.info("broker_started", kind=self.kind, bootstrap=self.bootstrap)
                return self
            time.sleep(0.05)
        self.stop()
        raise BrokerError(f"{self.kind} did not listen on port {self.port} in {timeout:.0f} s")

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (a broker's controlled shutdown), then SIGKILL after `timeout` seconds."""
        if not self.running:
            return
        assert self._process is not None
        self._process.terminate()
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        log.info("broker_stopped", kind=self.kind, bootstrap=self.bootstrap)

    def signal(self, signum: signal.Signals) -> None:
        """Send the process a signal: SIGKILL to crash it, SIGSTOP and SIGCONT to freeze it."""
        if self._process is not None:
            self._process.send_signal(signum)
            if signum is signal.SIGKILL:
                self._process.wait()

    def wait(self) -> int:
        assert self._process is not None
        return self._process.wait()

    def __enter__(self) -> Self:
        return self if self.running else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
