"""One settings object, read from the environment and validated at start.

Every field names its variable and documents itself, so the configuration table in the README is
generated from this module (`khabar config`) and cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workers.pipeline.table import Stage, Topic


def _setting(
    env: str,
    default: Any,
    doc: str,
    *,
    secret: bool = False,
    choices: tuple[str, ...] = (),
    bounds: tuple[float, float | None] | None = None,
) -> Any:
    """A setting: its variable, default and meaning; `choices` or inclusive `bounds` (no upper
    bound: None) limit its values."""
    metadata = {"env": env, "doc": doc, "secret": secret, "choices": choices, "bounds": bounds}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    """Worker configuration; build it with `Settings.from_env()`."""

    broker: str = _setting(
        "KHABAR_BROKER",
        "localhost:9092",
        "Kafka bootstrap servers, comma-separated `host:port` (a `kafka://` prefix is accepted).",
    )
    topic_prefix: str = _setting(
        "KHABAR_TOPIC_PREFIX",
        "",
        "Prefix for every topic name, e.g. `staging.` gives `staging.articles.raw`.",
    )
    partitions: int = _setting(
        "KHABAR_PARTITIONS",
        6,
        "Partitions of each topic created at start-up; the most consumers one stage can use.",
        bounds=(1, 10_000),
    )
    replication: int = _setting(
        "KHABAR_REPLICATION",
        1,
        "Replication factor of topics created at start-up (3 on a production cluster).",
        bounds=(1, 100),
    )
    create_topics: bool = _setting(
        "KHABAR_CREATE_TOPICS",
        True,
        "Create missing topics at start-up; set false where an operator manages topics.",
    )
    max_message_bytes: int = _setting(
        "KHABAR_MAX_MESSAGE_BYTES",
        1_000_000,
        "Largest output event sent; a larger one is dead-lettered (keep below the broker's "
        "`message.max.bytes`).",
        bounds=(65_536, None),
    )
    max_input_bytes: int = _setting(
        "KHABAR_MAX_INPUT_BYTES",
        2_000_000,
        "Largest message a stage takes; a larger one is dead-lettered unparsed (reason `size`), "
        "its dead letter holding the original's first 64 KiB, size and SHA-256 when the whole "
        "would not fit in `KHABAR_MAX_MESSAGE_BYTES`.",
        bounds=(1024, None),
    )
    duplicate_threshold: float = _setting(
        "KHABAR_DUPLICATE_THRESHOLD",
        0.7,
        "Estimated Jaccard similarity (word 3-shingles) from which an article is a near-duplicate "
        "of an earlier one (`duplicate_of`).",
        bounds=(0.05, 1.0),
    )
    min_words: int = _setting(
        "KHABAR_MIN_WORDS",
        15,
        "Fewest words of body an article keeps after cleanup; below it (a page of navigation "
        "only, a stub) it is dead-lettered with reason `empty`. The shortest body among the 224 "
        "real articles of the benchmarks here is 57 words.",
        bounds=(1, 100_000),
    )
    duplicate_window: int = _setting(
        "KHABAR_DUPLICATE_WINDOW",
        200_000,
        "How many recent articles the near-duplicate index holds per extract worker (about "
        "600 bytes of memory each, measured by `khabar bench fingerprints`).",
        bounds=(1, None),
    )
    app_id: str = _setting(
        "KHABAR_APP_ID",
        "khabar",
        "Base of consumer-group names: each stage is its own group, `<app_id>-<stage>`.",
    )
    stats_interval: float = _setting(
        "KHABAR_STATS_INTERVAL",
        10.0,
        "Seconds between the per-stage stats log lines (processed, dead-lettered, rate, lag).",
        bounds=(0.1, None),
    )
    health_file: str = _setting(
        "KHABAR_HEALTH_FILE",
        "/tmp/khabar-health",
        "File the worker writes at every stats interval while it is live (no stage stalled, "
        "the broker reachable), with its probe verdicts; `khabar health` (the exec probe) "
        "checks its age.",
    )
    metrics_port: int = _setting(
        "KHABAR_METRICS_PORT",
        9464,
        "Port of the worker's HTTP endpoints: `/metrics` (Prometheus), `/healthz` (liveness: "
        "no stage stalled, broker reachable) and `/readyz` (partitions assigned, near-duplicate "
        "index loaded); with `--processes N` the supervisor serves them for all its workers. "
        "0: none.",
        bounds=(0, 65_535),
    )
    stall_timeout: float = _setting(
        "KHABAR_STALL_TIMEOUT",
        60.0,
        "Seconds a stage may have messages waiting on its partitions (lag) without finishing "
        "one before the worker counts as not live (`/healthz`, the health file); a broker "
        "unreachable for longer than KHABAR_BROKER_WAIT counts the same.",
        bounds=(1.0, None),
    )
    log_level: str = _setting(
        "KHABAR_LOG_LEVEL",
        "INFO",
        "Log level: DEBUG adds one line per article with its stage timings.",
        choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
    )
    state_dir: str = _setting(
        "KHABAR_STATE_DIR",
        str(Path(tempfile.gettempdir()) / "khabar"),
        "Directory for the workers' local state (Faust's data directory, one per stage); "
        "never the working directory.",
    )
    shutdown_timeout: float = _setting(
        "KHABAR_SHUTDOWN_TIMEOUT",
        30.0,
        "Seconds a worker has, after SIGTERM or SIGINT, to finish its in-flight messages, flush, "
        "commit and leave its groups; past it, it exits with code 1 (`shutdown_timed_out`).",
        bounds=(0.5, None),
    )
    stage_timeout: float = _setting(
        "KHABAR_STAGE_TIMEOUT",
        5.0,
        "Seconds a stage may spend on one message. The stage runs in a child process of the "
        "worker; past the deadline the child is killed and replaced and the message is "
        "dead-lettered with reason `timeout` (`stage_timed_out`), so one pathological article "
        "holds the others up no longer than this. `0` runs stages in the worker's own process, "
        "with no deadline.",
        bounds=(0.0, 3600.0),
    )
    stage_max_messages: int = _setting(
        "KHABAR_STAGE_MAX_MESSAGES",
        20_000,
        "Messages a stage's child process serves before a new one replaces it (about 0.3 s), "
        "as gunicorn's `max_requests`: its caches and allocator fragments start afresh, so its "
        "memory stays flat over a long run (`stage_process_recycled`). `0`: never replaced.",
        bounds=(0, None),
    )
    processing_guarantee: str = _setting(
        "KHABAR_PROCESSING_GUARANTEE",
        "at_least_once",
        "`at_least_once`: a message is committed after its output is sent, so a crash can "
        "repeat a few (with the idempotent producer where the broker has one). `exactly_once`: "
        "each batch's outputs and its offsets commit in one Kafka transaction, so `read_committed` "
        "consumers see every article once (Apache Kafka; refused at start on the embedded broker).",
        choices=("at_least_once", "exactly_once"),
    )
    broker_wait: float = _setting(
        "KHABAR_BROKER_WAIT",
        60.0,
        "Seconds a worker waits at start for the broker to answer, logging `broker_unreachable` "
        "at each attempt; then it exits with code 1 (`broker_wait_exceeded`). 0: wait forever.",
        bounds=(0.0, None),
    )
    session_timeout: float = _setting(
        "KHABAR_SESSION_TIMEOUT",
        10.0,
        "Consumer-group session timeout in seconds: how soon a dead worker's partitions move. "
        "Within what Kafka brokers accept by default (`group.min.session.timeout.ms` 6 s, "
        "`group.max.session.timeout.ms` 30 min); a broker refuses a consumer outside its range.",
        bounds=(6.0, 1800.0),
    )
    security_protocol: str = _setting(
        "KHABAR_SECURITY_PROTOCOL",
        "PLAINTEXT",
        "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.",
        choices=("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
    )
    sasl_mechanism: str = _setting(
        "KHABAR_SASL_MECHANISM",
        "PLAIN",
        "SASL mechanism when the protocol is SASL_*: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.",
        choices=("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
    )
    sasl_username: str = _setting("KHABAR_SASL_USERNAME", "", "SASL user name.")
    sasl_password: str = _setting(
        "KHABAR_SASL_PASSWORD", "", "SASL password (never logged).", secret=True
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every field from its variable; a bad value raises ValueError naming it."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.metadata["env"], raw, type(f.default))
            if choices := f.metadata["choices"]:
                values[f.name] = _choose(f.metadata["env"], raw, choices)
        return cls(**values)

    def __post_init__(self) -> None:
        """Every value in its range, the broker list well formed: a bad one raises ValueError
        naming its variable (the CLI prints it and exits with code 2)."""
        for f in dataclasses.fields(self):
            value, env = getattr(self, f.name), f.metadata["env"]
            if f.metadata["choices"] and value not in f.metadata["choices"]:
                raise ValueError(
                    f"{env}={value!r} is not one of {', '.join(f.metadata['choices'])}"
                )
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"{env}={value!r} is not a finite number")
            if bounds := f.metadata["bounds"]:
                low, high = bounds
                if value < low or (high is not None and value > high):
                    raise ValueError(f"{env}={value!r} is out of range: {_range(bounds)}")
        for server in self.bootstrap_servers.split(","):
            host, _, port = server.rpartition(":")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(
                    f"KHABAR_BROKER={self.broker!r}: {server!r} is not host:port "
                    "(e.g. kafka-1:9092,kafka-2:9092)"
                )

    def to_env(self) -> dict[str, str]:
        """The environment that gives a child process these settings."""
        env = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            env[f.metadata["env"]] = str(value).lower() if isinstance(value, bool) else str(value)
        return env

    @property
    def bootstrap_servers(self) -> str:
        """Broker list without the `kafka://` scheme, as aiokafka wants it."""
        return ",".join(
            s.strip().removeprefix("kafka://") for s in self.broker.split(",") if s.strip()
        )

    @property
    def isolated(self) -> bool:
        """Whether a worker runs its stages in child processes (under a deadline)."""
        return self.stage_timeout > 0

    def topic(self, topic: Topic) -> str:
        """A topic's full name: the prefix and its base name."""
        return f"{self.topic_prefix}{topic.base}"

    def group(self, stage: Stage) -> str:
        """A stage's consumer group."""
        return f"{self.app_id}-{stage.value}"

    def state_path(self, stage: Stage) -> Path:
        """A stage's local state directory."""
        return Path(self.state_dir) / self.group(stage)

    def public(self) -> dict[str, Any]:
        """The settings as logged at start-up: secrets masked."""
        return {
            f.name: (
                "***" if f.metadata["secret"] and getattr(self, f.name) else getattr(self, f.name)
            )
            for f in dataclasses.fields(self)
        }

    def kafka_security(self) -> dict[str, Any]:
        """aiokafka client arguments for the configured security protocol."""
        if self.security_protocol == "PLAINTEXT":
            return {}
        args: dict[str, Any] = {"security_protocol": self.security_protocol}
        if self.security_protocol.startswith("SASL"):
            args |= {
                "sasl_mechanism": self.sasl_mechanism,
                "sasl_plain_username": self.sasl_username,
                "sasl_plain_password": self.sasl_password,
            }
        if self.security_protocol.endswith("SSL"):
            from aiokafka.helpers import create_ssl_context

            args["ssl_context"] = create_ssl_context()
        return args


def _parse(env: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            lowered = raw.strip().lower()
            if lowered not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(raw)
            return lowered in {"1", "true", "yes", "on"}
        return kind(raw)
    except ValueError:
        raise ValueError(f"{env}={raw!r} is not a valid {kind.__name__}") from None


def _choose(env: str, raw: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, matched without regard to case or surrounding spaces."""
    by_case = {choice.casefold(): choice for choice in choices}
    choice = by_case.get(raw.strip().casefold())
    if choice is None:
        raise ValueError(f"{env}={raw!r} is not one of {', '.join(choices)}")
    return choice


def _range(bounds: tuple[float, float | None]) -> str:
    low, high = bounds
    return f"at least {low:,}" if high is None else f"{low:,} to {high:,}"


def markdown_table() -> str:
    """The configuration reference table, generated from the fields above."""
    rows = ["| Variable | Default | Meaning |", "| --- | --- | --- |"]
    for f in dataclasses.fields(Settings):
        default = f.default if f.default != "" else "(empty)"
        if isinstance(default, bool):
            default = str(default).lower()
        doc = f.metadata["doc"]
        if bounds := f.metadata["bounds"]:
            doc += f" Range: {_range(bounds)}."
        rows.append(f"| `{f.metadata['env']}` | `{default}` | {doc} |")
    return "\n".join(rows)
