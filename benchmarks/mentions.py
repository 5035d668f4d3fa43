"""Mention recall of the candidates stage: of the people and organisations the golden records name, how
many the candidates stage tags at all (a candidate span, an alias pair, a titled person, a Latin name).
A record whose people the candidates miss can only come from a rule that finds names itself, so this
bounds what the engine after it can do.

    python benchmarks/mentions.py [--show-missed]

Per folder (seed, tune/, check/): golden people (speakers, presenters, credited persons, every name
form) and organisations (affiliations, makers, credited organisations), and the share tagged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.candidates import Candidates, tag_candidates  # noqa: E402
from extract.evaluate import RECORD_TYPES, load_golden  # noqa: E402
from extract.ingest import read_document  # noqa: E402
from extract.resolve import key  # noqa: E402
from extract.segment import segment  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
FOLDERS = {"seed": GOLDEN, "tune": GOLDEN / "tune", "check": GOLDEN / "check"}


def golden_names(golden: dict[str, Any]) -> tuple[list[list[str]], list[str]]:
    """(each person's name forms, each organisation) the golden records name, optional ones included."""
    people: list[list[str]] = []
    organizations: list[str] = []
    for record_type in RECORD_TYPES:
        for record in golden.get(record_type, []):
            person = record.get("person")
            for p in [*record.get("speakers", []), *record.get("presenters", []), *([person] if person else [])]:
                forms = [p] if isinstance(p, str) else [p[k] for k in ("name", "name_ko", "name_en") if p.get(k)]
                people.append(forms)
                if isinstance(p, dict) and p.get("affiliation"):
                    organizations.append(p["affiliation"])
            if record.get("organization"):
                organizations.append(record["organization"])
    return people, organizations


def tagged(candidates: Candidates) -> set[str]:
    """Comparison keys of every form the candidates stage tags."""
    forms = [c.text for c in candidates.mentions] + [c.text for c in candidates.latin_people]
    forms += [form for alias in candidates.aliases for form in (alias.hangul, alias.latin)]
    forms += [form for person in candidates.people for form in (person.name, person.affiliation) if form]
    return {key(form) for form in forms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--show-missed", action="store_true", help="list the names no candidate tags")
    args = parser.parse_args()
    for name, folder in FOLDERS.items():
        counts = {"people": [0, 0], "organisations": [0, 0]}
        missed: list[str] = []
        for path in sorted(folder.glob("*.json")):
            golden = load_golden(path)
            text = read_document(ROOT / golden["source"]).text
            keys = tagged(tag_candidates(segment(text)))
            people, organizations = golden_names(golden)
            for forms in people:
                hit = any(key(form) in keys for form in forms)
                counts["people"][0] += hit
                counts["people"][1] += 1
                missed += [] if hit else [f"{golden['document']}: person {forms[0]}"]
            for organization in organizations:
                hit = key(organization) in keys
                counts["organisations"][0] += hit
                counts["organisations"][1] += 1
                missed += [] if hit else [f"{golden['document']}: organisation {organization}"]
        figures = ", ".join(f"{kind} {found}/{total} ({found / total:.0%})" for kind, (found, total) in counts.items())
        print(f"{name}: {figures}")
        if args.show_missed:
            print("\n".join(f"  missed {line}" for line in missed))


if __name__ == "__main__":
    main()
