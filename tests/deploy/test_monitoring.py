"""The monitoring that ships in deploy/: every PromQL expression of the alert rules and the
dashboard parses (promql-parser, Prometheus' grammar) and names only series a worker serves; each
alert says how bad it is and what to look at; the PodMonitor scrapes the port the pods name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import promql_parser
import yaml
from prometheus_client import CollectorRegistry

from tests.conftest import ROOT
from workers.ops.metrics import Metrics

DEPLOY = ROOT / "deploy"
MONITORING = DEPLOY / "k8s" / "monitoring"
PROCESS = {"process_resident_memory_bytes"}  # prometheus_client's own, in every worker


def served() -> set[str]:
    """Every series name a worker's registry exposes (counters with _total, histograms' parts)."""
    names = set(PROCESS)
    for family in Metrics(CollectorRegistry()).registry.collect():
        kind = family.type
        names |= {family.name}
        if kind == "counter":
            names |= {f"{family.name}_total"}
        if kind == "histogram":
            names |= {f"{family.name}_{part}" for part in ("bucket", "sum", "count")}
    return names


def used(expr: str) -> set[str]:
    promql_parser.parse(expr)  # raises on a syntax error
    return set(re.findall(r"\b(khabar_\w+|process_\w+)", expr))


def test_the_alert_rules_parse_use_served_series_and_say_what_to_do():
    rule = yaml.safe_load((MONITORING / "prometheusrule.yaml").read_text())
    assert rule["kind"] == "PrometheusRule"
    alerts = [r for group in rule["spec"]["groups"] for r in group["rules"]]
    assert {a["alert"] for a in alerts} >= {
        "KhabarNoProgress",
        "KhabarLagGrowing",
        "KhabarDeadLettersSpiking",
        "KhabarWorkerNotLive",
        "KhabarBrokerUnreachable",
    }
    names = served()
    for alert in alerts:
        assert used(alert["expr"]) <= names, alert["alert"]
        assert alert["labels"]["severity"] in {"warning", "critical"}
        assert alert["annotations"]["summary"] and alert["annotations"]["description"]
        assert re.fullmatch(r"\d+[smh]", alert["for"])


def test_the_dashboard_queries_parse_and_use_served_series():
    dashboard = json.loads((DEPLOY / "grafana" / "khabar.json").read_text())
    assert dashboard["uid"] and dashboard["title"]
    names = served()
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    assert len(exprs) >= 8
    for expr in exprs:  # Grafana's interval variable stands for a duration
        assert used(expr.replace("$__rate_interval", "5m")) <= names, expr


def test_the_pod_monitor_scrapes_the_port_the_worker_pods_name():
    monitor = yaml.safe_load((MONITORING / "podmonitor.yaml").read_text())
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    assert endpoint == {"port": "metrics", "path": "/metrics", "interval": "30s"}
    for stage in ("cleanup", "extract"):
        deployment = yaml.safe_load(Path(DEPLOY / "k8s" / f"deployment-{stage}.yaml").read_text())
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert monitor["spec"]["selector"]["matchLabels"].items() <= labels.items()
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        assert [p["name"] for p in container["ports"]] == ["metrics"]
    kustomization = yaml.safe_load((MONITORING / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == ["podmonitor.yaml", "prometheusrule.yaml"]
