"""HTML for the review pages: pure functions from typed views to self-contained page text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from html import escape
from importlib.resources import files
from typing import Any

from extract.evaluate import RECORD_TYPES, Matching, label
from extract.models import Extraction, Person
from extract.report.highlights import KINDS, Fragment, Highlight, collect, nest, record_key

# No network: the page may use only what it carries.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_KIND_OF = {"talks": "talk", "launches": "launch", "credits": "credit", "entities": "entity"}
_HEADERS = {
    "talks": ("title", "speakers", "kind", "track"),
    "launches": ("name", "organisation", "presenters", "date"),
    "credits": ("who", "role", "track", "organisation"),
    "entities": ("name", "type", "aliases"),
}


@dataclass
class DocumentView:
    """Everything one page shows: the output, its source text (when it still matches) and the golden check."""

    extraction: Extraction
    page: str  # file name of the page, relative to the index
    text: str | None
    problem: str | None = None  # why the text is not shown
    golden: dict[str, Any] | None = None
    matchings: dict[str, Matching] | None = None

    @cached_property
    def highlights(self) -> list[Highlight]:
        return collect(self.extraction)

    @cached_property
    def spans_of(self) -> dict[str, list[int]]:
        """Highlight numbers by record key, in document order of the record's evidence."""
        spans: dict[str, list[int]] = {}
        for highlight in self.highlights:
            spans.setdefault(highlight.record, []).append(highlight.number)
        return spans


@dataclass
class Row:
    kind: str
    key: str
    label: str
    cells: tuple[str, ...]
    spans: list[int]
    status: str  # "", "matched", "extra" or "missing"


def _asset(name: str) -> str:
    return files("extract.report").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON that cannot end the <script> element holding it."""
    text = json.dumps(value, ensure_ascii=False)
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _person(value: Person | dict[str, Any] | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    person = value.model_dump() if isinstance(value, Person) else value
    other = person.get("name_ko") if person.get("name_ko") != person.get("name") else None
    name = f"{person['name']} ({other})" if other else str(person["name"])
    details = ", ".join(str(person[k]) for k in ("title", "affiliation") if person.get(k))
    return f"{name} — {details}" if details else name


def _cells(record_type: str, record: dict[str, Any]) -> tuple[str, ...]:
    if record_type == "talks":
        title = record.get("title") or "(untitled)"
        speakers = "; ".join(_person(p) for p in record.get("speakers", []))
        return title, speakers, record.get("kind") or "", record.get("track") or ""
    if record_type == "launches":
        date = record.get("date")
        when = (date.get("text") if isinstance(date, dict) else date) or ""
        presenters = "; ".join(_person(p) for p in record.get("presenters", []))
        return record["name"], record.get("organization") or "", presenters, when
    role = record["role"] + (f" ({record['role_text']})" if record.get("role_text") else "")
    return _person(record.get("person")), role, record.get("track") or "", record.get("organization") or ""


def rows(view: DocumentView) -> list[Row]:
    """Table rows: the output's records (marked against the golden file, if any), then golden ones missed."""
    dumped = view.extraction.model_dump(mode="json")
    result: list[Row] = []
    for record_type in RECORD_TYPES:
        kind, matching = _KIND_OF[record_type], (view.matchings or {}).get(record_type)
        extra = set(matching.extra) if matching else set()
        for index, record in enumerate(dumped[record_type]):
            key = record_key(kind, record["id"])
            status = ("extra" if index in extra else "matched") if matching else ""
            cells = _cells(record_type, record)
            result.append(Row(kind, key, label(record_type, record), cells, view.spans_of.get(key, []), status))
        expected = (view.golden or {}).get(record_type, [])
        for index in matching.missing if matching else []:
            record = expected[index]
            key = f"missing/{record_type}/{index}"
            result.append(Row(kind, key, label(record_type, record), _golden_cells(record_type, record), [], "missing"))
    return result


def _golden_cells(record_type: str, record: dict[str, Any]) -> tuple[str, ...]:
    """Golden records are terse (people as plain names, no ids): fill what the table needs."""
    filled = {"name": "", "role": "", **record}
    for people in ("speakers", "presenters"):
        filled[people] = record.get(people, [])
    return _cells(record_type, filled)


def _mark(fragment: Fragment, text: str, titles: dict[str, str], extra: set[str]) -> str:
    highlight = fragment.highlight
    classes = ["ev", f"ev-{highlight.kind}"]
    classes += ["cont"] if not fragment.first else []
    classes += ["extra"] if highlight.record in extra else []
    anchor = f' id="h{highlight.number}"' if fragment.first else ""
    inner, position = [], fragment.start
    for child in fragment.children:
        inner += [escape(text[position : child.start]), _mark(child, text, titles, extra)]
        position = child.end
    inner.append(escape(text[position : fragment.end]))
    return (
        f'<mark class="{" ".join(classes)}"{anchor} data-ev="{highlight.number}" '
        f'data-record="{escape(highlight.record)}" style="--lift:{fragment.height}" '
        f'title="{escape(titles.get(highlight.record, highlight.record))}">{"".join(inner)}</mark>'
    )


def highlighted_text(text: str, highlights: list[Highlight], titles: dict[str, str], extra: set[str]) -> str:
    """The source text, escaped, with one <mark> per highlight fragment."""
    parts, position = [], 0
    for fragment in nest(highlights):
        parts += [escape(text[position : fragment.start]), _mark(fragment, text, titles, extra)]
        position = fragment.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _entity_rows(view: DocumentView) -> list[Row]:
    result = []
    for entity in view.extraction.entities:
        key = record_key("entity", entity.id)
        cells = (entity.name, entity.type, ", ".join(entity.aliases))
        result.append(Row("entity", key, entity.name, cells, view.spans_of.get(key, []), ""))
    return result


def _table(kind: str, headers: tuple[str, ...], table_rows: list[Row]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in (*headers, "spans"))
    body = []
    for row in table_rows:
        badge = f'<span class="badge {row.status}">{row.status}</span> ' if row.status else ""
        cells = "".join(f"<td>{badge if i == 0 else ''}{escape(cell)}</td>" for i, cell in enumerate(row.cells))
        links = " ".join(f'<a href="#h{n}" data-record="{escape(row.key)}">{i}</a>' for i, n in enumerate(row.spans, 1))
        body.append(
            f'<tr class="row {row.status}" data-record="{escape(row.key)}">{cells}<td class="links">{links}</td></tr>'
        )
    empty = f'<tr><td colspan="{len(headers) + 1}" class="empty">none</td></tr>'
    return (
        f'<table class="records {kind}"><thead><tr>{head}</tr></thead><tbody>{"".join(body) or empty}</tbody></table>'
    )


def _golden_summary(view: DocumentView) -> str:
    if not view.matchings:
        return ""
    parts = []
    for record_type, matching in view.matchings.items():
        parts.append(
            f"{record_type}: {len(matching.pairs)} matched, "
            f"{len(matching.missing)} missing, {len(matching.extra)} extra"
        )
    return f'<p class="golden">against the golden file — {escape("; ".join(parts))}</p>'


def document_page(view: DocumentView) -> str:
    document, run = view.extraction.document, view.extraction.run
    table_rows = rows(view)
    entity_rows = _entity_rows(view)
    everything = table_rows + entity_rows
    titles = {row.key: f"{row.kind}: {row.label}" for row in everything}
    extra = {row.key for row in table_rows if row.status == "extra"}
    headers = {_KIND_OF[t]: h for t, h in _HEADERS.items()}
    records = {
        row.key: {
            "kind": row.kind,
            "label": row.label,
            "status": row.status,
            "fields": list(zip(headers[row.kind], row.cells, strict=True)),
        }
        for row in everything
    }
    if view.text is not None:
        source = f'<div id="source" class="source">{highlighted_text(view.text, view.highlights, titles, extra)}</div>'
    else:
        source = f'<p class="problem">{escape(view.problem or "source text unavailable")}</p>'
    legend = "".join(
        f'<label class="key ev-{kind}"><input type="checkbox" checked data-kind="{kind}"> {kind}</label>'
        for kind in KINDS
    )
    sections = []
    for record_type in RECORD_TYPES:
        kind = _KIND_OF[record_type]
        mine = [row for row in table_rows if row.kind == kind]
        sections.append(f"<h2>{record_type} ({len(mine)})</h2>{_table(kind, _HEADERS[record_type], mine)}")
    sections.append(
        f"<details><summary>entities ({len(entity_rows)})</summary>"
        f"{_table('entity', _HEADERS['entities'], entity_rows)}</details>"
    )
    model = f" ({run.model})" if run.model else ""
    meta = (
        f"{document.path} · {document.language} · {document.chars:,} characters · "
        f"engine {run.engine}{model} · {run.duration_s:.2f} s"
    )
    return _page(
        title=f"{document.id} — recap review",
        body=(
            f'<header><p><a href="{"../" * view.page.count("/")}index.html">all documents</a></p>'
            f"<h1>{escape(document.id)}</h1>"
            f'<p class="meta">{escape(meta)}</p>{_golden_summary(view)}<p class="legend">{legend}</p></header>'
            f'<main><section class="text">{source}</section><aside>'
            f'<div id="details" class="details" aria-live="polite">Click a highlight to see its records.</div>'
            f"{''.join(sections)}</aside></main>"
            f'<script type="application/json" id="records">{_script_json(records)}</script>'
            f"<script>{_asset('report.js')}</script>"
        ),
    )


def index_page(views: list[DocumentView]) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("document", "language", "engine", "run time", "talks", "launches", "credits", "entities", "spans")
    )
    golden = any(view.matchings for view in views)
    head += "<th>golden: missing / extra</th>" if golden else ""
    lines = []
    for view in views:
        extraction = view.extraction
        run = extraction.run
        counts = (extraction.talks, extraction.launches, extraction.credits, extraction.entities)
        cells = [
            f'<a href="{escape(view.page)}">{escape(extraction.document.id)}</a>'
            + (f' <span class="badge missing">{escape(view.problem)}</span>' if view.problem else ""),
            escape(extraction.document.language),
            escape(run.engine + (f" ({run.model})" if run.model else "")),
            f"{run.duration_s:.2f} s",
            *(str(len(c)) for c in counts),
            str(len(view.highlights)),
        ]
        if golden:
            missing = sum(len(m.missing) for m in (view.matchings or {}).values())
            extra = sum(len(m.extra) for m in (view.matchings or {}).values())
            cells.append(f"{missing} / {extra}" if view.matchings else "no golden file")
        lines.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return _page(
        title="recap review",
        body=(
            f'<header><h1>recap review</h1><p class="meta">{len(views)} documents</p></header>'
            f'<table class="records index"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
        ),
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head>"
        f"<body>{body}</body></html>\n"
    )
