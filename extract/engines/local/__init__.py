"""The local engine: deterministic rules for the recap genre, offline and with no model."""

from __future__ import annotations

from extract.candidates import Candidates
from extract.engines import Records
from extract.engines.local.announcers import presented_by_announcers
from extract.engines.local.cards import extract_card_talks
from extract.engines.local.credits import extract_credits
from extract.engines.local.english_prose import extract_english_prose
from extract.engines.local.flat_tables import extract_flat_table_talks
from extract.engines.local.launch_headings import extract_heading_launches
from extract.engines.local.launches import extract_launches
from extract.engines.local.listed_credits import extract_listed_credits
from extract.engines.local.prose_credits import extract_prose_credits
from extract.engines.local.prose_talks import extract_prose_talks
from extract.engines.local.tables import extract_tables
from extract.engines.local.talks import extract_talks
from extract.score import Source, scored
from extract.segment import Segmentation


class LocalEngine:
    name = "local"
    model: str | None = None
    fingerprint: str | None = None  # the rules are versioned with the package
    forkable = True  # pure rules over Kiwi (spaCy for English) and lexicons loaded once per process

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records:
        english_talks, english_credits, english_launches = extract_english_prose(segmentation, candidates)
        table_talks, table_credits = extract_tables(segmentation, candidates)
        records = Records(
            talks=extract_talks(segmentation, candidates)
            + table_talks
            + extract_flat_table_talks(segmentation, candidates)
            + extract_card_talks(segmentation, candidates)
            + extract_prose_talks(segmentation, candidates)
            + english_talks,
            launches=presented_by_announcers(
                segmentation,
                candidates,
                extract_launches(segmentation, candidates) + extract_heading_launches(segmentation) + english_launches,
            ),
            credits=extract_credits(segmentation, candidates)
            + extract_prose_credits(segmentation, candidates)
            + extract_listed_credits(segmentation)
            + table_credits
            + english_credits,
        )
        return scored(records, Source(segmentation.text, self.name))
