"""The Faust transport with the idempotent producer: registered for its scheme, chosen by the
app where the broker has the idempotent producer (the broker check is in tests/integration)."""

from __future__ import annotations

from faust.transport.drivers import by_url

from workers.config import Settings
from workers.kafka.app import build_app
from workers.kafka.transport import SCHEME, IdempotentProducer, Transport
from workers.pipeline.table import Stage


def test_the_scheme_names_the_transport_through_its_entry_point():
    assert by_url(f"{SCHEME}://localhost:9092") is Transport
    assert Transport.Producer is IdempotentProducer


def test_the_app_uses_it_only_where_the_broker_has_the_idempotent_producer(tmp_path):
    settings = Settings(state_dir=str(tmp_path), broker="a:1,b:2")
    plain = build_app(settings, Stage.CLEANUP).app
    idempotent = build_app(settings, Stage.CLEANUP, idempotent=True).app
    assert [url.scheme for url in plain.conf.broker] == ["kafka", "kafka"]
    assert [url.scheme for url in idempotent.conf.broker] == [SCHEME, SCHEME]
    assert type(idempotent.transport) is Transport
    assert idempotent.producer._settings_extra()["enable_idempotence"] is True
    assert "enable_idempotence" not in plain.producer._settings_extra()
