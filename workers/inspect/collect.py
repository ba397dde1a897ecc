"""Articles through the stages in this process, as `khabar process` runs them (the same inputs,
built stages and runner), kept with what an inspect page needs beside the enriched event.

The events record what the cleanup removed by text and input line, but not the text those
lines were (for a page: the text read from it), nor, for an article refused as empty, what was
removed before it was. So the cleanup's own steps run once more here over a draft that is kept:
a second pass of the same code, never a copy of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import orjson

from workers.contract.events import Event, encode
from workers.inputs import Item
from workers.inspect.view import Inspected, Problem
from workers.pipeline.batch import process_one
from workers.pipeline.processor import Processor
from workers.pipeline.table import Stage
from workers.stages.cleanup.draft import Draft
from workers.stages.cleanup.lines import split_lines
from workers.stages.cleanup.stage import Cleanup
from workers.stages.steps import run_steps


def inspect_items(
    items: Iterable[Item],
    stages: dict[Stage, Processor],
    max_input: int | None = None,
    on_done: Callable[[int], object] = lambda _: None,
) -> Iterator[Inspected]:
    """Each input, in order, through every stage: the enriched event or the dead letter's
    problem, with the input's lines and the cleanup's records. Near-duplicates are marked
    within the run (the `stages` hold its index); a bad input is shown, never raised."""
    for offset, item in enumerate(items):
        on_done(1)
        if item.event is None:
            yield Inspected(item.origin, None, problem=Problem(None, "input", str(item.error)))
            continue
        enriched, dead = process_one(encode(item.event), stages, offset, max_input)
        yield inspected(item.origin, item.event, enriched, dead, trace(stages, item.event))


def trace(stages: Mapping[Stage, Processor], raw: Event) -> Draft | None:
    """The cleanup's steps over a draft of `raw`, the draft kept (None when they raise: the
    pipeline's dead letter then says why)."""
    function = stages[Stage.CLEANUP].function
    if not isinstance(function, Cleanup):
        return None
    try:
        return run_steps(function.steps, Draft.of(raw))
    except Exception:  # the same failure is the article's dead letter
        return None


def inspected(
    origin: str, raw: Event, enriched: Event | None, dead: Event | None, draft: Draft | None
) -> Inspected:
    """What the page shows of one article: the records of the enriched event when there is
    one, else those of the kept draft (what the cleanup removed before the article was
    refused), and the dead letter's error."""
    lines = _numbered(draft.text) if draft is not None else []
    cleanup: dict[str, Any] = (enriched or {}).get("cleanup") or {}
    if enriched is None and draft is not None:
        cleanup = {"removed": draft.removed, "repaired": draft.repaired, "page": draft.page}
    problem = None
    if dead is not None:
        error = dead["error"]
        message = f"{error['type']}: {error['message']}"
        problem = Problem(str(dead["stage"]), str(error["reason"]), message)
    language = (enriched or {}).get("language") or raw.get("language")
    return Inspected(
        origin=origin,
        article_id=(enriched or dead or raw).get("id"),
        lines=lines,
        from_page=bool(raw.get("html")) and not raw.get("text"),
        removed=cleanup.get("removed") or [],
        repaired=cleanup.get("repaired") or [],
        page=cleanup.get("page") or {},
        enriched=enriched,
        problem=problem,
        language=language if isinstance(language, str) else None,
        raw_json="" if lines else _shown(raw),
    )


def _shown(raw: Event, limit: int = 4000) -> str:
    """The raw event as indented JSON, cut to `limit` characters (its schema tag left out)."""
    fields = {key: value for key, value in raw.items() if key != "schema"}
    text = orjson.dumps(fields, option=orjson.OPT_INDENT_2).decode()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _numbered(text: str) -> list[tuple[int, str]]:
    """The text's non-blank lines with their input line numbers, as the line steps read them
    (`split_lines` itself, over a fresh draft)."""
    draft = Draft(text=text)
    split_lines(draft)
    return [(line.no, line.text) for line in draft.lines]
