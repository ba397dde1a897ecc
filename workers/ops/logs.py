"""Structured logs: JSON lines on stdout via structlog, Faust and aiokafka records included."""

from __future__ import annotations

import logging
import logging.config
import os
import sys
from typing import Any

import structlog


def add_pid(logger: Any, method: str, event: dict[str, Any]) -> dict[str, Any]:
    """Which process logged: workers of a pool, and their stages' child processes, share one
    output."""
    event.setdefault("pid", os.getpid())
    return event


_SHARED: list[Any] = [
    structlog.contextvars.merge_contextvars,
    add_pid,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


class Throttle(logging.Filter):
    """At most one record per message template and `period` seconds from the libraries' loggers
    (Khabar's own events pass untouched): with a broker down, each aiokafka client logs
    "Unable connect to node" hundreds of times a second. The next record let through says how
    many like it were dropped; `broker_unreachable` and `broker_back` tell the outage itself."""

    def __init__(self, period: float = 30.0) -> None:
        super().__init__()
        self.period = period
        self.last: dict[tuple[str, object], float] = {}
        self.dropped: dict[tuple[str, object], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("khabar") or record.levelno < logging.WARNING:
            return True
        key = (record.name, record.msg)
        if len(self.last) > 1000:  # messages formatted before logging make a key each: forget
            self.last.clear()
        if record.created - self.last.get(key, -self.period) < self.period:
            self.dropped[key] = self.dropped.get(key, 0) + 1
            return False
        self.last[key] = record.created
        if dropped := self.dropped.pop(key, 0):
            record.msg = f"{record.msg} ({dropped} more like this in the last {self.period:g} s)"
        return True


def logging_config(level: str = "INFO", stream: Any = None) -> dict[str, Any]:
    """A dictConfig that renders every stdlib record (Faust, aiokafka) as one JSON line."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    structlog.processors.JSONRenderer(),
                ],
                "foreign_pre_chain": _SHARED,
            }
        },
        "filters": {"throttle": {"()": Throttle}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": stream or sys.stdout,
                "formatter": "json",
                "filters": ["throttle"],
            }
        },
        "root": {"handlers": ["stdout"], "level": level.upper()},
        # Faust and aiokafka are chatty at INFO about every rebalance step.
        "loggers": {
            "aiokafka": {"level": "WARNING"},
            "faust": {"level": "WARNING"},
            "mode": {"level": "WARNING"},
        },
    }


def configure(level: str = "INFO", stream: Any = None) -> None:
    """Route structlog and stdlib logging to JSON lines on `stream` (stdout) at `level`."""
    logging.config.dictConfig(logging_config(level, stream))
    structlog.configure(
        processors=[
            *_SHARED,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def get_logger(name: str = "khabar") -> Any:
    return structlog.get_logger(name)
