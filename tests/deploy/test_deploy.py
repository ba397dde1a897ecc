"""The deployment files and the docs agree with the code: settings, topics, groups, log events.

Fast and offline: no Docker, no cluster. The schema checks of the same files (compose spec,
hadolint, Kubernetes schemas, AsyncAPI schema) run in .ci/run.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from workers.config import Settings, markdown_table
from workers.kafka.admin import topic_configs
from workers.kafka.apache import kafka_version
from workers.ops.metrics import StageStats
from workers.pipeline.table import STAGES, Topic

yaml = pytest.importorskip("yaml")

DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
DOCS = ROOT / "docs"
SETTINGS_ENV = {f.metadata["env"] for f in dataclasses.fields(Settings)}
_INTERPOLATION = re.compile(r"\$\{(\w+)(?::?-([^}]*))?\}")


def _interpolate(value: Any) -> str:
    """A compose value with every `${VAR:-default}` replaced by its default (as compose would
    with an empty environment)."""
    return _INTERPOLATION.sub(lambda m: m.group(2) or "", str(value))


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def k8s() -> list[tuple[Path, dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text("utf-8")):
            if doc:
                docs.append((path, doc))
    return docs


def _k8s_kind(k8s: list[tuple[Path, dict[str, Any]]], kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for _, doc in k8s if doc["kind"] == kind}


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: _interpolate(value) for key, value in env.items()}


# --- every KHABAR_* variable in the deployment files is a setting ---------------------------


@pytest.mark.parametrize(
    "path",
    [
        "docker-compose.yml",
        "deploy/Dockerfile",
        "deploy/k8s/create-topics.sh",
        *sorted(str(p.relative_to(ROOT)) for p in K8S.glob("*.yaml")),
    ],
)
def test_khabar_variables_exist_in_settings(path):
    used = set(re.findall(r"\bKHABAR_[A-Z0-9_]+", (ROOT / path).read_text("utf-8")))
    assert used <= SETTINGS_ENV, (
        f"{path} uses variables Settings does not have: {used - SETTINGS_ENV}"
    )


# --- docker-compose.yml ------------------------------------------------------------------------


def test_compose_services(compose):
    services = compose["services"]
    assert {"kafka", "topics", *STAGES, "produce", "tail", "kafka-ui"} <= set(services)
    assert services["kafka-ui"]["profiles"] == ["ui"]
    assert services["kafka"]["image"] == f"apache/kafka:{kafka_version()}", "the tests' Kafka"
    assert services["topics"]["image"] == services["kafka"]["image"]


def test_compose_kafka_is_kraft_with_production_settings(compose):
    kafka = compose["services"]["kafka"]
    env = _environment(kafka)
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert "CONTROLLER" in env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert int(env["KAFKA_MESSAGE_MAX_BYTES"]) > Settings().max_message_bytes
    for key in (
        "KAFKA_DEFAULT_REPLICATION_FACTOR",
        "KAFKA_MIN_INSYNC_REPLICAS",
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
    ):
        assert int(env[key]) == 1, key  # one broker
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"]


def test_compose_workers_match_the_settings(compose):
    services = compose["services"]
    defaults = Settings()
    for stage in STAGES:
        service = services[stage]
        assert service["command"] == ["worker", "--stage", stage]
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert service["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert int(_interpolate(service["deploy"]["replicas"])) >= 1
        assert "${" in str(service["deploy"]["replicas"]), "replicas come from the environment"
        env = _environment(service)
        settings = Settings.from_env(env)
        assert settings.bootstrap_servers == "kafka:9092"
        assert settings.create_topics is False, "the topics service creates the topics"
        # Everything else keeps the code's defaults unless the environment says otherwise.
        for f in dataclasses.fields(Settings):
            if f.name not in ("broker", "create_topics"):
                assert getattr(settings, f.name) == getattr(defaults, f.name), f.name
    topics_env = _environment(services["topics"])
    worker_env = _environment(services["cleanup"])
    for key in (
        "KHABAR_BROKER",
        "KHABAR_TOPIC_PREFIX",
        "KHABAR_PARTITIONS",
        "KHABAR_REPLICATION",
        "KHABAR_MAX_MESSAGE_BYTES",
    ):
        assert topics_env[key] == worker_env[key], key
    assert services["topics"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert "./deploy/k8s/create-topics.sh:/create-topics.sh:ro" in services["topics"]["volumes"]


def test_compose_tools(compose):
    produce = compose["services"]["produce"]
    assert produce["entrypoint"] == ["khabar", "produce"] and produce["command"] == ["/seeds"]
    assert "./seeds:/seeds:ro" in produce["volumes"]
    tail = compose["services"]["tail"]
    assert tail["entrypoint"] == ["khabar", "tail"] and Topic.parse(tail["command"][0])
    for one_shot in (produce, tail):
        assert one_shot["healthcheck"] == {"disable": True}


# --- the topic-creation script -----------------------------------------------------------------


def _run_create_topics(tmp_path: Path, env: dict[str, str]) -> list[str]:
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    log = tmp_path / "calls.log"
    for tool in ("kafka-topics.sh", "kafka-configs.sh"):
        stub = tmp_path / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n')
        stub.chmod(0o755)
    subprocess.run(
        ["sh", str(K8S / "create-topics.sh")],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "KAFKA_BIN": str(tmp_path), **env},
        check=True,
        capture_output=True,
        timeout=30,
    )
    return log.read_text().splitlines()


def _arg(call: str, flag: str) -> list[str]:
    words = call.split()
    return [words[i + 1] for i, word in enumerate(words) if word == flag]


@pytest.mark.parametrize("prefix", ["", "staging."])
def test_create_topics_script(tmp_path, prefix):
    env = {
        "KHABAR_BROKER": "kafka://k1:9092,k2:9092",
        "KHABAR_TOPIC_PREFIX": prefix,
        "KHABAR_PARTITIONS": "12",
        "KHABAR_REPLICATION": "3",
        "KHABAR_MAX_MESSAGE_BYTES": "1000000",
        "KHABAR_DUPLICATE_WINDOW": "50000",
    }
    settings = Settings.from_env(env)
    calls = _run_create_topics(tmp_path, env)
    creates = [c for c in calls if "--create" in c]
    names = [_arg(c, "--topic")[0] for c in creates]
    assert names == [settings.topic(topic) for topic in Topic]
    for call, topic in zip(creates, Topic, strict=True):
        assert _arg(call, "--bootstrap-server") == [settings.bootstrap_servers]
        assert _arg(call, "--partitions") == [str(settings.partitions)]
        assert _arg(call, "--replication-factor") == [str(settings.replication)]
        assert "--if-not-exists" in call
        configs = dict(c.split("=", 1) for c in _arg(call, "--config"))
        limit = int(configs["max.message.bytes"])
        if topic is Topic.DEADLETTER:  # holds the original base64-encoded: 4/3 of it, plus fields
            assert limit >= 2 * settings.max_message_bytes
        else:
            assert settings.max_message_bytes < limit < 2 * settings.max_message_bytes
        assert configs["min.insync.replicas"] == "2"
        if topic.compacted:  # the same settings as a worker creates it with
            assert topic_configs(settings, topic).items() <= configs.items()
        else:
            assert int(configs["retention.ms"]) > 0 and configs["cleanup.policy"] == "delete"
    alters = [c for c in calls if "--alter" in c]
    assert [_arg(c, "--entity-name")[0] for c in alters] == names, "existing topics updated too"
    for create, alter in zip(creates, alters, strict=True):
        (listed,) = _arg(alter, "--add-config")
        # kafka-configs reads a list value in brackets: cleanup.policy=[compact,delete]
        altered = dict(re.findall(r"([\w.]+)=(\[[^]]*\]|[^,]+)", listed))
        created = dict(c.split("=", 1) for c in _arg(create, "--config"))
        assert {k: v.strip("[]") for k, v in altered.items()} == created


# --- deploy/Dockerfile ---------------------------------------------------------------------------


def test_dockerfile():
    text = (DEPLOY / "Dockerfile").read_text("utf-8")
    stages = re.split(r"^FROM ", text, flags=re.M)[1:]
    assert len(stages) == 2, "builder + runtime"
    builder, final = stages
    assert " AS builder" in builder.splitlines()[0] and "pip wheel" in builder
    assert "HATCH_BUILD_HOOK_ENABLE_CUSTOM=true" in builder  # the compiled build, hatch_build.py
    assert final.splitlines()[0].strip() == "python:3.11-slim"
    for tool in ("apt-get", "build-essential", "gcc"):
        assert tool not in final, f"no build tools in the final image: {tool}"
    user = re.search(r"^USER (\S+)", final, flags=re.M)
    assert user and user.group(1).split(":")[0] not in ("root", "0")
    assert re.search(r'HEALTHCHECK .*\n?\s*CMD \["khabar", "health"\]', final)
    assert 'ENTRYPOINT ["khabar"]' in final
    assert 'CMD ["worker", "--stage", "all"]' in final
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", builder, flags=re.M):
        for name in source.split():
            assert (ROOT / name).exists(), name


def test_dockerignore_keeps_what_the_build_reads():
    lines = (ROOT / ".dockerignore").read_text("utf-8").splitlines()
    assert "*" in lines
    for needed in ("pyproject.toml", "hatch_build.py", "README.md", "schemas/", "workers/"):
        assert f"!{needed}" in lines, needed


# --- deploy/k8s ------------------------------------------------------------------------------


def test_kustomization_lists_every_manifest(k8s):
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text("utf-8"))
    manifests = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == manifests
    for generator in kustomization.get("configMapGenerator", []):
        for name in generator["files"]:
            assert (K8S / name).is_file(), name
    for _, doc in k8s:
        if doc["kind"] not in ("Kustomization", "Namespace"):
            assert doc["metadata"].get("namespace") == "khabar", doc["metadata"]["name"]


def test_core_manifests_validate_against_the_kubernetes_schemas(k8s):
    kv = pytest.importorskip("kubernetes_validate")
    checked = 0
    for _, doc in k8s:
        if doc["kind"] in ("Kustomization", "ScaledObject"):
            continue  # not core kinds: checked field by field below
        kv.validate(doc, kv.latest_version(), strict=True)  # raises on error or unknown kind
        checked += 1
    assert checked >= 7


def _k8s_settings(k8s: list[tuple[Path, dict[str, Any]]]) -> Settings:
    config = _k8s_kind(k8s, "ConfigMap")["khabar-config"]["data"]
    secret = _k8s_kind(k8s, "Secret")["khabar-secrets"]["stringData"]
    assert {k for k in config if k.startswith("KHABAR_")} <= SETTINGS_ENV
    assert set(secret) <= SETTINGS_ENV
    secret_env = {f.metadata["env"] for f in dataclasses.fields(Settings) if f.metadata["secret"]}
    assert secret_env <= set(secret), "secret settings belong in the Secret"
    assert not secret_env & set(config)
    return Settings.from_env({**config, **secret})


def test_k8s_deployments(k8s):
    settings = _k8s_settings(k8s)
    assert settings.create_topics is False, "the khabar-topics Job creates the topics"
    deployments = _k8s_kind(k8s, "Deployment")
    pdbs = _k8s_kind(k8s, "PodDisruptionBudget")
    dockerfile_uid = re.search(r"^USER (\d+)", (DEPLOY / "Dockerfile").read_text(), flags=re.M)
    assert dockerfile_uid
    for stage in STAGES:
        deployment = deployments[f"khabar-{stage}"]
        pod = deployment["spec"]["template"]["spec"]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
        (container,) = pod["containers"]
        assert container["args"] == ["worker", "--stage", stage]
        refs = {next(iter(e.values()))["name"] for e in container["envFrom"]}
        assert refs == {"khabar-config", "khabar-secrets"}
        (port,) = container["ports"]
        assert port == {"name": "metrics", "containerPort": settings.metrics_port}
        paths = {
            "startupProbe": "/healthz",
            "livenessProbe": "/healthz",
            "readinessProbe": "/readyz",
        }
        for probe, path in paths.items():
            assert container[probe]["httpGet"] == {"path": path, "port": "metrics"}, probe
        # Liveness must not fail before the worker's own stall verdict could have turned.
        assert (
            container["livenessProbe"]["periodSeconds"]
            * container["livenessProbe"]["failureThreshold"]
            >= settings.stats_interval
        )
        assert {"cpu", "memory"} <= set(container["resources"]["requests"])
        assert "memory" in container["resources"]["limits"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert str(pod["securityContext"]["runAsUser"]) == dockerfile_uid.group(1)
        mounts = {m["mountPath"] for m in container["volumeMounts"]}
        assert str(Path(settings.health_file).parent) in mounts, "the health file is writable"
        image_state = re.search(r"KHABAR_STATE_DIR=(\S+)", (DEPLOY / "Dockerfile").read_text())
        assert image_state and str(Path(image_state.group(1)).parent) in mounts, "state is writable"
        pdb = pdbs[f"khabar-{stage}"]
        assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()


def test_keda_scaled_objects_match_the_settings(k8s):
    settings = _k8s_settings(k8s)
    scaled = _k8s_kind(k8s, "ScaledObject")
    assert set(scaled) == {f"khabar-{stage}" for stage in STAGES}
    for stage in STAGES:
        spec = scaled[f"khabar-{stage}"]["spec"]
        assert spec["scaleTargetRef"]["name"] == f"khabar-{stage}"
        assert spec["maxReplicaCount"] == settings.partitions, "no more consumers than partitions"
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        (trigger,) = spec["triggers"]
        assert trigger["type"] == "kafka"
        meta = trigger["metadata"]
        assert meta["consumerGroup"] == settings.group(stage)
        assert meta["topic"] == settings.topic(STAGES[stage].source)
        assert meta["bootstrapServers"] == settings.bootstrap_servers
        assert int(meta["lagThreshold"]) > 0
        assert all(isinstance(v, str) for v in meta.values()), "KEDA metadata values are strings"


def test_k8s_topics_job(k8s):
    job = _k8s_kind(k8s, "Job")["khabar-topics"]
    pod = job["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"] == f"apache/kafka:{kafka_version()}"
    assert container["command"][-1] == "/scripts/create-topics.sh"
    assert container["envFrom"] == [{"configMapRef": {"name": "khabar-config"}}]
    (volume,) = pod["volumes"]
    assert volume["configMap"]["name"] == "khabar-topics-script"


# --- docs ----------------------------------------------------------------------------------------


def test_configuration_doc_is_the_generated_table():
    text = (DOCS / "configuration.md").read_text("utf-8")
    assert markdown_table() in text, "regenerate the table in docs/configuration.md: khabar config"


def _log_events() -> dict[str, set[str]]:
    """Every `log.<level>("event", field=...)` call in workers/: event name -> field names."""
    events: dict[str, set[str]] = {}
    for path in (ROOT / "workers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "log"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                fields = {kw.arg for kw in node.keywords if kw.arg is not None}
                events.setdefault(node.args[0].value, set()).update(fields)
    events["stage_stats"] = set(StageStats("cleanup").report(None))
    return events


def test_operations_doc_covers_every_log_event_and_field():
    text = (DOCS / "operations.md").read_text("utf-8")
    rows: dict[str, str] = {}
    for m in re.finditer(r"^\| `(\w+)` \|.*$", text, flags=re.M):
        rows.setdefault(m.group(1), m.group(0))  # the events table comes first
    events = _log_events()
    assert {"worker_starting", "partitions_assigned", "stage_stats", "dead_lettered"} <= set(events)
    for event, fields in events.items():
        if event in ("broker_started", "broker_stopped"):
            continue  # a local broker's own lifecycle (`khabar broker`), not a worker's event
        assert event in rows, f"docs/operations.md has no row for log event {event}"
        for field in fields:
            assert f"`{field}`" in rows[event], f"{event}.{field} is not documented"


def test_readme_deploy_section_has_the_three_commands():
    text = (DOCS.parent / "README.md").read_text("utf-8")
    for command in (
        "docker compose up -d --build",
        "docker compose logs -f cleanup extract",
        "docker compose run --rm tail",
    ):
        assert command in text
