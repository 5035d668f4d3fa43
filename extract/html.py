"""HTML recaps: the page's main text, as lines a recap would have (headings `#`, list items `- `).

trafilatura finds the main content (no navigation, footers or comments) and writes it as Markdown,
so the layout stage reads its headings and list items as it reads a Markdown recap's; entities are
decoded. Imported only for an HTML page.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    """An HTML page saved under another name (`page.txt`): it starts like one."""
    return _HTML_START.match(text[:200]) is not None


def main_text(html: str) -> str:
    """The page's main text as Markdown lines; all its text when no main content stands out."""
    import trafilatura

    text = trafilatura.extract(
        html, output_format="markdown", include_comments=False, include_tables=True, favor_recall=True
    )
    return text or trafilatura.html2txt(html) or ""
