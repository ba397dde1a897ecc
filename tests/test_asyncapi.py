"""The AsyncAPI document: generated from the schemas, the stage table and the settings, and the
committed copy in docs/ is the generated one."""

from __future__ import annotations

import orjson

from tests.conftest import ROOT
from workers import asyncapi as contract
from workers.config import Settings
from workers.contract.events import load_schema
from workers.pipeline.table import STAGES, Topic

DOCS = ROOT / "docs"


def test_asyncapi_doc_is_generated():
    committed = (DOCS / "asyncapi.yaml").read_text("utf-8")
    assert committed == contract.to_yaml(contract.asyncapi()), (
        "docs/asyncapi.yaml is stale: python -m workers.asyncapi > docs/asyncapi.yaml"
    )


def test_asyncapi_matches_schemas_and_settings():
    settings = Settings(topic_prefix="prod.", app_id="news", partitions=24)
    document = contract.asyncapi(settings)
    assert document["asyncapi"].startswith("3.")
    channels = document["channels"]
    assert {c["address"] for c in channels.values()} == {settings.topic(t) for t in Topic}
    for alias, channel in channels.items():
        assert channel["bindings"]["kafka"]["partitions"] == 24
        ((_, ref),) = channel["messages"].items()
        message = document["components"]["messages"][ref["$ref"].rsplit("/", 1)[1]]
        assert message["payload"]["schema"] == load_schema(Topic(alias).schema)
        assert message["payload"]["schemaFormat"].startswith("application/schema+json")
    received = {}
    for operation in document["operations"].values():
        alias = operation["channel"]["$ref"].rsplit("/", 1)[1]
        assert alias in channels
        if operation["action"] == "receive":
            (group,) = operation["bindings"]["kafka"]["groupId"]["enum"]
            received[alias] = group
    assert received == {spec.source: settings.group(stage) for stage, spec in STAGES.items()}


def test_contract_cli_json(capsys):
    assert contract.main(["--json"]) == 0
    assert orjson.loads(capsys.readouterr().out)["channels"]["raw"]["address"] == "articles.raw"
