"""Apache Kafka on this machine, without Docker: Maven resolves the broker's jars (the pom in
`data/kafka/`) into a cache directory once, and `java` runs a single-node KRaft broker (broker
and controller in one process, a small heap) on a data directory formatted on its first start.
Its data survives a restart on the same directory, as on a real cluster."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

from workers import data
from workers.kafka.local import BrokerError, LocalBroker, ToolMissingError, free_port

HEAP = ("-Xms256m", "-Xmx512m")
MAIN = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"


def kafka_version() -> str:
    """The Kafka version the pom names."""
    match = re.search(r"<kafka.version>([^<]+)</kafka.version>", data.text("kafka", "pom.xml"))
    assert match, "data/kafka/pom.xml names no kafka.version"
    return match.group(1)


def default_cache() -> Path:
    """Where the jars are kept: `$XDG_CACHE_HOME/khabar`, else `~/.cache/khabar`."""
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "khabar" if base else Path.home() / ".cache" / "khabar"


def require(tool: str) -> str:
    """The path of a tool the broker needs, else one line saying what is missing."""
    found = shutil.which(tool)
    if found is None:
        raise ToolMissingError(
            f"Apache Kafka needs Java 17+ and Maven on PATH: `{tool}` was not found "
            "(the embedded broker needs neither: leave out --kafka)"
        )
    return found


def java_major(java: str) -> int:
    """The major version of a `java` executable."""
    shown = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown.stderr + shown.stdout)
    if match is None:
        raise BrokerError(f"Apache Kafka needs Java 17+: `{java} -version` says no version")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def resolve_jars(cache: Path) -> Path:
    """The broker's jars, resolved with Maven into `cache` on the first call."""
    version = kafka_version()
    lib = cache / f"kafka-{version}" / "lib"
    done = lib / ".resolved"
    if done.exists():
        return lib
    mvn = require("mvn")
    lib.mkdir(parents=True, exist_ok=True)
    pom = lib.parent / "pom.xml"
    pom.write_text(data.text("kafka", "pom.xml"), "utf-8")
    goal = ["dependency:copy-dependencies", f"-DoutputDirectory={lib}", "-DincludeScope=runtime"]
    result = subprocess.run(
        [mvn, "-q", "-B", "-Dstyle.color=never", "-f", str(pom), *goal],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).splitlines()
        errors = [line for line in lines if line.startswith(("[ERROR]", "[FATAL]"))] or lines
        raise BrokerError(f"Maven could not resolve Apache Kafka {version}: {errors[0].strip()}")
    done.write_text(version, "utf-8")
    return lib


class ApacheKafka(LocalBroker):
    """A single-node KRaft Apache Kafka on 127.0.0.1 with its data in `data_dir`."""

    kind = "Apache Kafka"

    def __init__(
        self,
        port: int | None = None,
        *,
        data_dir: Path,
        log_path: Path | None = None,
        cache: Path | None = None,
    ) -> None:
        super().__init__(port, log_path=log_path)
        self.data_dir = data_dir
        self.cache = cache or default_cache()
        self.controller_port = free_port()
        self._java_path = "java"
        self._classpath = ""

    def prepare(self) -> None:
        self._java_path = require("java")
        if java_major(self._java_path) < 17:
            raise BrokerError(
                f"Apache Kafka {kafka_version()} needs Java 17+; `{self._java_path}` is older"
            )
        self._classpath = str(resolve_jars(self.cache) / "*")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.config.write_text(self.properties(), "utf-8")
        (self.data_dir / "log4j2.properties").write_text(
            data.text("kafka", "log4j2.properties"), "utf-8"
        )
        if not (self.logs / "meta.properties").exists():  # formatted once per data directory
            self._java(STORAGE_TOOL, "format", "-t", cluster_id(), "-c", str(self.config))

    @property
    def config(self) -> Path:
        return self.data_dir / "server.properties"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    def properties(self) -> str:
        """The broker's configuration: one node that is broker and controller; a restart keeps
        its data, on new ports if need be (the listeners are rewritten each start)."""
        settings = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},"
            f"CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs": str(self.logs),
            # One node: internal topics have one replica.
            "offsets.topic.replication.factor": "1",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            # Workers join their groups at once, not after the default 3 s of waiting.
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "false",
        }
        return "".join(f"{key}={value}\n" for key, value in settings.items())

    def command(self) -> list[str]:
        return self._java_command(MAIN, str(self.config))

    def _java_command(self, main: str, *args: str) -> list[str]:
        logging = f"-Dlog4j2.configurationFile={self.data_dir / 'log4j2.properties'}"
        return [
            self._java_path,
            *HEAP,
            "-XX:+UseG1GC",
            logging,
            "-cp",
            self._classpath,
            main,
            *args,
        ]

    def _java(self, main: str, *args: str) -> None:
        result = subprocess.run(
            self._java_command(main, *args), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-2:]
            raise BrokerError(f"Apache Kafka: {main} {args[0]} failed: {' / '.join(tail)}")


def cluster_id() -> str:
    """A new cluster id, as `kafka-storage.sh random-uuid` makes one: 16 bytes in base64url,
    never with a leading "-" (a command line would read it as an option)."""
    while True:
        found = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode("ascii")
        if not found.startswith("-"):
            return found
