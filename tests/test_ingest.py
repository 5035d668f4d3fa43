from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extract.ingest import IngestError, decode, discover, normalise, read_document

TEXT = "사이먼 윌리슨(Simon Willison)은 펠리컨벤치를 공개했습니다.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr"])
def test_supported_encodings_decode_to_the_same_text(encoding: str) -> None:
    text, _ = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_binary_data_is_rejected() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_bytes_that_are_no_korean_encoding_are_rejected() -> None:
    with pytest.raises(IngestError):
        decode(bytes([0x80, 0x81, 0xFF, 0xFE, 0xFD]) * 20)


def test_nfd_hangul_and_crlf_are_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "한국어\r\n둘째 줄")
    assert normalise(nfd) == "한국어\n둘째 줄"


def test_full_width_forms_are_folded_to_ascii_one_character_for_one() -> None:
    text = "분산 트랜잭션（사가 패턴） ｜ 김민준：카카오　Ａ１～"
    folded = normalise(text)
    assert folded == "분산 트랜잭션(사가 패턴) | 김민준:카카오 A1~"
    assert len(folded) == len(text)
    assert normalise("「제목」 『책』 《강연》") == "「제목」 『책』 《강연》"  # CJK brackets are no ASCII forms


def test_document_id_is_the_stem_and_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    path = tmp_path / "행사 후기 (2025).txt"
    path.write_bytes(TEXT.encode("cp949"))
    document = read_document(path)
    assert document.id == "행사 후기 (2025)"
    assert document.encoding == "cp949"
    assert len(document.sha256) == 64


def test_discover_finds_recaps_recursively_and_names_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "two.md").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"x")
    found = discover([tmp_path])
    assert [r.path.name for r in found.recaps] == ["one.txt", "two.md"]
    assert [r.id for r in found.recaps] == ["a/one", "two"] and found.unsupported == [tmp_path / "image.png"]


def test_discover_rejects_a_missing_path_and_a_folder_without_recaps(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        discover([tmp_path / "missing"])
    with pytest.raises(IngestError, match="no recap files"):
        discover([tmp_path])


def test_a_file_reached_twice_is_extracted_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    assert len(discover([tmp_path, tmp_path / "a.txt"]).recaps) == 1
