from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.models import SCHEMA_VERSION, Extraction
from extract.write import output_path, read_extraction, write_extraction


def test_output_names_mirror_the_recaps_folders_and_cannot_leave_the_output_folder(tmp_path: Path) -> None:
    for climbing in ("../../etc/passwd", "/etc/passwd", "a/../../b", ".."):
        assert output_path(tmp_path, climbing).resolve().is_relative_to(tmp_path.resolve()), climbing
    assert output_path(tmp_path, "행사 후기 (1)").name == "행사 후기 (1).json"
    assert output_path(tmp_path, "2024/busan/recap") == tmp_path / "2024" / "busan" / "recap.json"


def test_a_failed_write_leaves_the_previous_file_whole(
    tmp_path: Path, seed_extraction: Extraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "seed.json"
    write_extraction(seed_extraction, target)
    before = target.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", explode)
    with pytest.raises(OSError):
        write_extraction(seed_extraction, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["seed.json"]


def test_written_json_reads_back_as_the_same_extraction(tmp_path: Path, seed_extraction: Extraction) -> None:
    target = tmp_path / "seed.json"
    write_extraction(seed_extraction, target)
    assert read_extraction(target) == seed_extraction
    assert "사이먼 윌리슨" in target.read_text(encoding="utf-8")  # Hangul is written as text, not \\u escapes
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_written_files_get_the_permissions_of_any_new_file_not_owner_only(
    tmp_path: Path, seed_extraction: Extraction
) -> None:
    target = tmp_path / "seed.json"
    write_extraction(seed_extraction, target)
    probe = tmp_path / "probe"
    probe.touch()
    assert target.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
