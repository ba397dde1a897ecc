"""Structured logs: JSON lines on stdout via structlog, Faust and aiokafka records included."""

from __future__ import annotations

import logging
import logging.config
import sys
from typing import Any

import structlog

_SHARED: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


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
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": stream or sys.stdout,
                "formatter": "json",
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
