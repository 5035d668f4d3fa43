"""A disk cache of model answers, keyed by everything that decides the answer.

Plain JSON files under one folder: deleting the folder is always safe. No secret goes in a key or a
file: the key hashes model, mode, messages and response schema; the file holds the parsed answer.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from extract.write import atomic_write_text


def cache_key(**parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class ResponseCache:
    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or damaged: ask again
        return value

    def put(self, key: str, value: dict[str, Any]) -> None:
        if self.enabled:
            atomic_write_text(self._path(key), json.dumps(value, ensure_ascii=False))
