"""The event contract as an AsyncAPI 3.0 document, generated from `schemas/` and the settings.

    python -m workers.contract.asyncapi > docs/asyncapi.yaml     # the committed reference
    python -m workers.contract.asyncapi --from-env               # topic names of this deployment

The payloads are the JSON Schemas themselves (draft-07), the channel addresses come from
`Settings.topic`, the consumer groups from `Settings.group`, the stages' inputs and outputs from
the stage table (`workers.pipeline.table.STAGES`); a test keeps docs/asyncapi.yaml equal to the
output. YAML output needs PyYAML (in the `dev` extra); `--json` needs nothing more.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

import orjson

from workers import __version__
from workers.config import Settings
from workers.contract.events import SCHEMA_VERSION, load_schema
from workers.pipeline.table import STAGES, Topic

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
SCHEMA_FORMAT = "application/schema+json;version=draft-07"

# Per topic: the message name, and what its key is.
_CHANNELS: dict[Topic, tuple[str, str]] = {
    Topic.RAW: (
        "articleRaw",
        "The article id, UTF-8 (`khabar produce` sets it). Any key is accepted: the cleanup "
        "stage derives the id from `id`, else the canonical URL, else the content.",
    ),
    Topic.CLEANED: (
        "articleCleaned",
        "The article id, UTF-8: every event of one article lands in the same partition.",
    ),
    Topic.ENRICHED: (
        "articleEnriched",
        "The article id, UTF-8: every event of one article lands in the same partition.",
    ),
    Topic.DEADLETTER: (
        "deadLetter",
        "The original message's key when it had one, else the dead letter's `id`.",
    ),
    Topic.FINGERPRINTS: (
        "fingerprint",
        "The article id, UTF-8; the topic is compacted, so it keeps the latest record per id.",
    ),
}
_WRITERS = {
    Topic.RAW: "your producers and `khabar produce`",
    Topic.CLEANED: "the cleanup stage",
    Topic.ENRICHED: "the extract stage",
    Topic.DEADLETTER: "either stage, for a message it could not handle",
    Topic.FINGERPRINTS: "the extract stage; every extract worker reads it back into its index",
}
_HEADERS = (
    "Kafka headers are passed through unchanged from the input message to the stage's output "
    "and to dead letters (where they are also kept base64-encoded in `original.headers`)."
)


def asyncapi(settings: Settings | None = None) -> dict[str, Any]:
    """The AsyncAPI 3.0 document of the topics for these settings (default: the defaults)."""
    settings = settings or Settings()
    channels: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic in Topic:
        alias, schema_name = topic.value, topic.schema
        message_name, key_doc = _CHANNELS[topic]
        schema = load_schema(schema_name)
        messages[message_name] = {
            "name": f"{schema_name}.v{SCHEMA_VERSION}",
            "title": schema.get("title", schema_name),
            "summary": schema.get("description", ""),
            "contentType": "application/json",
            "description": _HEADERS,
            "payload": {"schemaFormat": SCHEMA_FORMAT, "schema": schema},
            "bindings": {
                "kafka": {
                    "key": {"type": "string", "description": key_doc},
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            },
        }
        channels[alias] = {
            "address": settings.topic(topic),
            "title": settings.topic(topic),
            "description": f"Written by {_WRITERS[topic]}. Events are JSON objects validated "
            f"against `schemas/{schema_name}.v{SCHEMA_VERSION}.json`; each carries `schema` "
            "(name and version) and `id`.",
            "messages": {message_name: {"$ref": f"#/components/messages/{message_name}"}},
            "bindings": {
                "kafka": {
                    "topic": settings.topic(topic),
                    "partitions": settings.partitions,
                    "replicas": settings.replication,
                    "topicConfiguration": {"cleanup.policy": ["delete"]},
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            },
        }
    operations: dict[str, Any] = {}
    for spec in STAGES.values():
        stage, source, target = spec.stage, spec.source, spec.target
        consumer_group = {
            "kafka": {
                "groupId": {"type": "string", "enum": [settings.group(stage)]},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        }
        for action, alias, summary in (
            ("receive", source, f"The {stage} stage consumes {settings.topic(source)}."),
            ("send", target, f"The {stage} stage writes its output to {settings.topic(target)}."),
            (
                "send",
                Topic.DEADLETTER,
                f"The {stage} stage dead-letters a message it cannot decode, validate or "
                "process, or whose output is too large.",
            ),
        ):
            message_name = _CHANNELS[alias][0]
            name = f"{stage}{action.capitalize()}{message_name[0].upper()}{message_name[1:]}"
            operations[name] = {
                "action": action,
                "channel": {"$ref": f"#/channels/{alias.value}"},
                "summary": summary,
                "messages": [{"$ref": f"#/channels/{alias.value}/messages/{message_name}"}],
            }
            if action == "receive":
                operations[name]["bindings"] = consumer_group
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "id": "urn:khabar:worker",
        "info": {
            "title": "Khabar",
            "version": __version__,
            "description": "Streaming cleanup and enrichment of scraped news articles on Kafka. "
            "Each stage is its own consumer group (`<KHABAR_APP_ID>-<stage>`); topic names "
            "take the prefix `KHABAR_TOPIC_PREFIX`. Generated by `python -m workers.contract."
            "asyncapi` from `schemas/`, `workers/pipeline/table.py` and `workers/config.py`: "
            "do not edit by hand.",
            "license": {"name": "Apache-2.0"},
        },
        "defaultContentType": "application/json",
        "servers": {
            "kafka": {
                "host": settings.bootstrap_servers.split(",")[0],
                "protocol": "kafka",
                "description": "The cluster named by KHABAR_BROKER.",
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


def to_yaml(document: dict[str, Any]) -> str:
    import yaml  # the dev extra; `--json` works without it

    class _Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # repeated bindings stay inline
            return True

    text: str = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "# Generated by `python -m workers.contract.asyncapi`: do not edit.\n" + text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workers.contract.asyncapi",
        description="Generate the AsyncAPI document of the event contract.",
    )
    parser.add_argument("--json", action="store_true", help="JSON instead of YAML")
    parser.add_argument(
        "--from-env",
        action="store_true",
        help="topic names, groups and partitions from the KHABAR_* environment "
        "(default: the built-in defaults, as committed in docs/asyncapi.yaml)",
    )
    args = parser.parse_args(argv)
    settings = Settings.from_env() if args.from_env else Settings()
    document = asyncapi(settings)
    if args.json:
        sys.stdout.write(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write(to_yaml(document))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
