"""The layout grid (benchmarks/layouts.py) holds its committed figure: a change that reads fewer of the
invented session-line layouts than benchmarks/layouts.json says fails here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_local_engine_reads_at_least_the_committed_share_of_the_layout_grid() -> None:
    spec = importlib.util.spec_from_file_location("layouts", ROOT / "benchmarks" / "layouts.py")
    assert spec and spec.loader
    layouts = importlib.util.module_from_spec(spec)
    sys.modules["layouts"] = layouts  # dataclasses look their module up by name
    spec.loader.exec_module(layouts)
    committed = json.loads((ROOT / "benchmarks" / "layouts.json").read_text(encoding="utf-8"))
    measured = layouts.measure()
    assert measured["cases"] == committed["cases"]
    assert measured["read"] >= committed["read"], measured["by_axis"]
