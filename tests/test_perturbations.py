"""The layout perturbations of the real recaps (benchmarks/perturb.py) hold their committed figures: a
change after which a recap written with star bullets, pipes or curly quotes scores more than 0.02
below `benchmarks/perturb.json` fails here."""

from __future__ import annotations

import json

from conftest import ROOT, benchmark

ALLOWED_DROP = 0.02


def test_every_perturbation_keeps_its_committed_f1() -> None:
    committed = json.loads((ROOT / "benchmarks" / "perturb.json").read_text(encoding="utf-8"))
    measured = benchmark("perturb").measure(["tune", "check"])
    for name, row in committed.items():
        for folder, f1 in row.items():
            assert measured[name][folder] >= f1 - ALLOWED_DROP, (name, folder, measured[name][folder])
