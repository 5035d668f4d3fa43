"""The layout perturbations of the real recaps (benchmarks/perturb.py) hold their committed figures: a
change after which a recap written with star bullets, pipes or curly quotes scores more than 0.02
below `benchmarks/perturb.json` fails here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_DROP = 0.02


def test_every_perturbation_keeps_its_committed_f1() -> None:
    spec = importlib.util.spec_from_file_location("perturb", ROOT / "benchmarks" / "perturb.py")
    assert spec and spec.loader
    perturb = importlib.util.module_from_spec(spec)
    sys.modules["perturb"] = perturb
    spec.loader.exec_module(perturb)
    committed = json.loads((ROOT / "benchmarks" / "perturb.json").read_text(encoding="utf-8"))
    measured = perturb.measure(["tune", "check"])
    for name, row in committed.items():
        for folder, f1 in row.items():
            assert measured[name][folder] >= f1 - ALLOWED_DROP, (name, folder, measured[name][folder])
