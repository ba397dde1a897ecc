"""`khabar inspect`: articles through the stages in this process, written as static HTML pages
that show what the cleanup removed and what the extraction found."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workers.config import Settings


def register(commands: Any) -> None:
    inspect = commands.add_parser(
        "inspect",
        help="run the stages on inputs without a broker and write static HTML pages to look at",
        description="The same inputs and stage code as `khabar process`, no broker, written as "
        "static HTML (one file, no external assets, no script): an index of the articles, "
        "then per article its input lines (for an HTML page, the text read from it) with "
        "every removal coloured by its kind (legend at the top; the kind as a label and on "
        "hover), repaired lines outlined, and beside them the enriched fields (title, "
        "dateline, published_at, language, category, near-duplicate, keywords, dates, "
        "embeds, related links) and the cleaned paragraphs with their entities and dates "
        "marked. An article a stage refused (no article left, bad input) is shown with its "
        "error. Exit code 0 once the page is written, whatever the articles' outcomes.",
        epilog="examples: khabar inspect seeds/ --html /tmp/seeds.html; "
        "khabar inspect articles.jsonl --html /tmp/review --split",
    )
    inspect.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or -")
    inspect.add_argument(
        "--html",
        required=True,
        type=Path,
        metavar="OUT",
        help="the HTML file to write (with --split: the folder, created if missing)",
    )
    inspect.add_argument(
        "--split",
        action="store_true",
        help="one page per article in the folder OUT, and OUT/index.html linking them",
    )
    inspect.set_defaults(run=_inspect)


def _inspect(args: argparse.Namespace, settings: Settings) -> int:
    from workers.inputs import read_inputs
    from workers.inspect.collect import inspect_items
    from workers.inspect.render import INDEX, render_page, render_split
    from workers.ops.progress import progress
    from workers.pipeline.build import build_stages

    stages = build_stages(threshold=settings.duplicate_threshold, min_words=settings.min_words)
    with progress("inspect", "article", summary=False) as done:
        articles = list(
            inspect_items(read_inputs(args.paths), stages, settings.max_input_bytes, done)
        )
    out: Path = args.html
    if args.split:
        out.mkdir(parents=True, exist_ok=True)
        for name, page in render_split(articles).items():
            (out / name).write_text(page, "utf-8")
        written = out / INDEX
    else:
        out.write_text(render_page(articles), "utf-8")
        written = out
    refused = sum(article.problem is not None for article in articles)
    print(
        f"khabar inspect: {len(articles)} article(s), {refused} refused: {written}",
        file=sys.stderr,
    )
    return 0
