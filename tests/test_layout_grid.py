"""The layout grid (benchmarks/layouts.py) holds its committed figure: a change that reads fewer of the
invented layouts than benchmarks/layouts.json says fails here."""

from __future__ import annotations

import json

from conftest import ROOT, benchmark


def test_the_local_engine_reads_at_least_the_committed_share_of_the_layout_grid() -> None:
    committed = json.loads((ROOT / "benchmarks" / "layouts.json").read_text(encoding="utf-8"))
    measured = benchmark("layouts").measure()
    assert measured["cases"] == committed["cases"]
    assert measured["read"] >= committed["read"], measured["by_axis"]
