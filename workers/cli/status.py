"""`khabar status`: each stage's consumer group as the broker has it, in Khabar's terms (what
`kafka-consumer-groups --describe` gives): members and their partitions, the committed offset,
end and lag per partition, the rate at which the stage commits, and the dead letters held."""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import TYPE_CHECKING, Any

import orjson

from workers.config import Settings

if TYPE_CHECKING:  # the Kafka client loads only when the command runs
    from workers.kafka.groups import StageStatus


def register(commands: Any) -> None:
    status = commands.add_parser(
        "status",
        help="each stage's consumer group: members, lag per partition, rate, dead letters",
        description="Read the stage groups from the broker in KHABAR_BROKER (no worker needed): "
        "per stage its group state, members with their partitions, the dead letters it made, "
        "and per partition the committed offset, the end and the lag; the dead letters held. "
        "--watch repeats it and adds each stage's rate (committed messages per second).",
    )
    status.add_argument("--json", action="store_true", help="one JSON object per refresh")
    status.add_argument(
        "--watch",
        type=float,
        nargs="?",
        const=5.0,
        default=None,
        metavar="SECONDS",
        help="refresh every SECONDS (default 5) until Ctrl-C",
    )
    status.set_defaults(run=_status)


def _status(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(_report(args, settings))


async def _report(args: argparse.Namespace, settings: Settings) -> int:
    from workers.kafka.clients import require_topics
    from workers.kafka.groups import stage_status
    from workers.pipeline.table import STAGES

    await require_topics(settings, [settings.topic(spec.source) for spec in STAGES.values()])
    before: dict[str, tuple[float, int]] = {}
    while True:
        stages, dead = await stage_status(settings)
        now = time.monotonic()
        rates = {}
        for stage in stages:
            done = sum(p.committed or 0 for p in stage.partitions)
            if stage.stage in before:
                then, was = before[stage.stage]
                rates[stage.stage] = round((done - was) / max(now - then, 1e-9), 1)
            before[stage.stage] = (now, done)
        print(_as_json(stages, dead, rates) if args.json else _as_table(stages, dead, rates))
        if args.watch is None:
            return 0
        await asyncio.sleep(args.watch)


def _as_json(stages: list[StageStatus], dead: int | None, rates: dict[str, float]) -> str:
    shown = [
        {
            "stage": s.stage,
            "group": s.group,
            "topic": s.topic,
            "state": s.state,
            "members": s.members,
            "lag": s.lag,
            "rate_per_s": rates.get(s.stage),
            "dead_letters": s.dead_letters,
            "partitions": [
                {"partition": p.partition, "committed": p.committed, "end": p.end, "lag": p.lag}
                for p in s.partitions
            ],
        }
        for s in stages
    ]
    return orjson.dumps({"stages": shown, "dead_letters": dead}).decode()


def _as_table(stages: list[StageStatus], dead: int | None, rates: dict[str, float]) -> str:
    lines = [time.strftime("%Y-%m-%d %H:%M:%S")]
    for s in stages:
        rate = f", {rates[s.stage]} /s" if s.stage in rates else ""
        made = "?" if s.dead_letters is None else s.dead_letters
        lines.append(
            f"{s.stage}: group {s.group} ({s.state}), {len(s.members)} member(s), "
            f"lag {s.lag}{rate}, dead letters {made}, reading {s.topic}"
        )
        owner = {p: m for m in s.members for p in m["partitions"]}
        lines.append(f"  {'partition':>9} {'committed':>10} {'end':>10} {'lag':>8}  member")
        for p in s.partitions:
            member = owner.get(p.partition)
            who = f"{member['client_id']} {member['host']}" if member else "-"
            committed = "-" if p.committed is None else str(p.committed)
            end = "?" if p.end is None else str(p.end)
            lag = "?" if p.lag is None else str(p.lag)
            lines.append(f"  {p.partition:>9} {committed:>10} {end:>10} {lag:>8}  {who}")
    lines.append(f"dead letters held: {'?' if dead is None else dead}")
    return "\n".join(lines)
