"""Export: outputs as JSON Lines for other systems, one record a line, streamed output by output.

Each line is a talk, launch or credit with `type`, `document` (the document id) and an `id` unique
across documents (`<document>#talk-3`), then the record's own fields as the contract has them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from extract.evaluate import RECORD_TYPES, SINGULAR
from extract.models import Extraction


def record_lines(extraction: Extraction) -> Iterator[str]:
    """The document's records, one JSON object a line (no newline at the end of each)."""
    document = extraction.document.id
    dumped = extraction.model_dump(mode="json", include=set(RECORD_TYPES))
    for record_type in RECORD_TYPES:
        for record in dumped[record_type]:
            row: dict[str, Any] = {"id": f"{document}#{record.pop('id')}", "type": SINGULAR[record_type]}
            yield json.dumps({**row, "document": document, **record}, ensure_ascii=False)
