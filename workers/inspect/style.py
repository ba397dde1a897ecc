"""The inspect pages' colours and CSS: one table per kind of mark, and the style sheet and the
legend both made from it, so a colour is written once.

The page is static and self-contained (no font, script or image fetched): the text is scraped
and untrusted, and a reviewer may open the file anywhere. The font stack is the system's, with
the Indic faces the common systems ship, so Devanagari and other Indic scripts render.
"""

from __future__ import annotations

import html

# Background of each removal kind the cleanup records (`cleanup.removed[].kind`); a kind not
# listed here (a rule file may name a new one) is drawn in OTHER_KIND's colour, labelled.
REMOVAL_COLOURS: dict[str, str] = {
    "markup_residue": "#f4a6b8",
    "embed": "#9ccbf5",
    "duplicate_embed": "#c3b1f0",
    "duplicate": "#f7c873",
    "separator": "#c6ced6",
    "read_also": "#9fe0ae",
    "related": "#5fc98f",
    "call_to_action": "#ffae80",
    "advertisement": "#ff8f8f",
    "credit": "#e9dcb5",
    "caption": "#d4a373",
    "title": "#8fdcdc",
    "date_stamp": "#ece27a",
    "dateline": "#cdee8e",
    "reading_time": "#e5b3e5",
}
OTHER_KIND = "other"
OTHER_COLOUR = "#b0b0b0"

# What the cleanup repaired in place (`cleanup.repaired`): an outline, not a fill, so a line
# both repaired and partly removed shows both.
REPAIR_COLOUR = "#1f5fd6"

# Entity types in the cleaned paragraphs, and dates found there.
ENTITY_COLOURS: dict[str, str] = {"PERSON": "#ffe9a8", "ORG": "#bfe6ff", "LOC": "#c9f5c0"}
DATE_COLOUR = "#7a3fb0"  # an underline

FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Devanagari", '
    '"Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Telugu", "Noto Sans Gujarati", '
    '"Noto Sans Gurmukhi", "Noto Sans Kannada", "Noto Sans Malayalam", "Noto Sans Oriya", '
    '"Noto Nastaliq Urdu", "Nirmala UI", Mangal, "Kohinoor Devanagari", sans-serif'
)


def kind_class(kind: str) -> str:
    """The CSS class of a removal kind: its own when the table knows it, else the other kinds'
    (a kind is data, never pasted into the style sheet)."""
    return f"k-{kind}" if kind in REMOVAL_COLOURS else f"k-{OTHER_KIND}"


def entity_class(kind: str) -> str:
    return f"e-{kind}" if kind in ENTITY_COLOURS else "e-other"


def colour_rules() -> str:
    """The CSS rules of every colour in the tables above."""
    kinds = {**REMOVAL_COLOURS, OTHER_KIND: OTHER_COLOUR}
    rules = [f".k-{kind}{{background:{colour}}}" for kind, colour in kinds.items()]
    rules += [f".e-{kind}{{background:{colour}}}" for kind, colour in ENTITY_COLOURS.items()]
    rules.append(".e-other{background:#eee}")
    return "\n".join(rules)


CSS = """
:root{color-scheme:light}
body{font-family:%(fonts)s;margin:0 auto;padding:1rem 1.5rem;max-width:110rem;
 line-height:1.55;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0 .8rem}
h2{font-size:1.25rem;margin:0 0 .2rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
a{color:#0b57b0}
.meta{color:#555;font-size:.85rem;margin:0 0 .6rem;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .5rem;align-items:center;font-size:.8rem;
 border:1px solid #ddd;border-radius:6px;padding:.5rem .7rem;margin:0 0 1rem}
.legend b{margin-right:.3rem}
.chip{display:inline-block;padding:0 .35rem;border-radius:3px;font-size:.75rem;
 line-height:1.4;white-space:nowrap;color:#1b1b1b}
.repair-chip{outline:2px dashed %(repair)s;outline-offset:-2px;background:#fff}
.date-chip{border-bottom:2px solid %(date)s}
table{border-collapse:collapse}
.index td,.index th{border-bottom:1px solid #e3e3e3;padding:.25rem .5rem;text-align:left;
 vertical-align:top;font-size:.9rem}
.article{border-top:3px solid #333;padding:1rem 0 1.5rem;margin-top:1rem}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}
.lines{width:100%%;font-size:.95rem}
.lines td{vertical-align:top;padding:.15rem .4rem;border-bottom:1px solid #f0f0f0}
.lines .no{color:#888;text-align:right;font-size:.8rem;width:2.5rem;user-select:none}
.lines .text{white-space:pre-wrap;overflow-wrap:anywhere}
.lines .kinds{width:1%%;white-space:nowrap}
.lines .kinds .chip{display:block;margin:.1rem 0}
tr.repaired td.text{outline:2px dashed %(repair)s;outline-offset:-2px}
mark{color:inherit;border-radius:2px;padding:0 .1rem}
mark.rm::after{content:attr(data-kind);font-size:.62rem;vertical-align:super;
 margin-left:.2rem;padding:0 .2rem;border-radius:2px;background:#333;color:#fff}
mark.date{background:none;border-bottom:2px solid %(date)s;border-radius:0;padding:0}
.problem{border-left:5px solid #c62828;background:#fdecea;padding:.5rem .8rem;
 margin:.5rem 0;overflow-wrap:anywhere}
.problem b{color:#c62828}
dl.fields{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem .8rem;
 margin:0;font-size:.9rem}
dl.fields dt{color:#555;font-weight:600}
dl.fields dd{margin:0;overflow-wrap:anywhere}
dd ul,.loose{margin:0;padding-left:1.1rem}
pre.raw{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem;
 font-size:.8rem}
.para{margin:0 0 .7rem;overflow-wrap:anywhere}
.none{color:#888;font-style:italic}
.ok{color:#1b7a2b}.bad{color:#c62828}
"""


def stylesheet() -> str:
    """The page's whole style sheet, inlined in its head."""
    layout = CSS % {"fonts": FONTS, "repair": REPAIR_COLOUR, "date": DATE_COLOUR}
    return layout + colour_rules()


def legend() -> str:
    """The key to the colours: every removal kind, a repair, the entity types, a date."""
    removals = [*REMOVAL_COLOURS, OTHER_KIND]
    chips = [f'<span class="chip {kind_class(k)}">{html.escape(k)}</span>' for k in removals]
    entities = [f'<span class="chip {entity_class(t)}">{t}</span>' for t in ENTITY_COLOURS]
    return (
        '<div class="legend"><b>Removed:</b>'
        + "".join(chips)
        + '<b>Repaired:</b><span class="chip repair-chip">repaired line</span>'
        + "<b>Entities:</b>"
        + "".join(entities)
        + '<span class="chip date-chip">date</span></div>'
    )
