"""LLM engine settings: command-line flags, then environment variables, then `[tool.extract]` in
pyproject.toml, then defaults. The API key is read from the environment only and never stored."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

Mode = Literal["tools", "json", "json_schema", "md_json"]
MODES: tuple[Mode, ...] = ("tools", "json", "json_schema", "md_json")
ENVIRONMENT = {"model": "EXTRACT_MODEL", "base_url": "OPENAI_BASE_URL"}


class SettingsError(Exception):
    """A setting the user gave is missing or wrong; the message is one line."""


@dataclass(frozen=True)
class LLMSettings:
    model: str
    base_url: str | None = None
    mode: Mode = "tools"
    max_chunk_tokens: int = 1500
    max_tokens: int = 2048  # of one answer: a chunk's records fit well within it; a looping model stops
    max_retries: int = 2
    concurrency: int = 2
    timeout: float = 120.0
    http_retries: int = 3
    cache_dir: Path = Path(".extract-cache")
    use_cache: bool = True
    hybrid: bool = False
    api_key: str | None = field(default=None, repr=False, compare=False)

    def fingerprint(self) -> str:
        """What changes the records: a re-run with the same fingerprint may reuse outputs."""
        relevant = {
            k: v
            for k, v in asdict(self).items()
            if k in {"model", "base_url", "mode", "max_chunk_tokens", "max_tokens", "hybrid"}
        }
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:12]


def load_settings(
    flags: Mapping[str, Any], environ: Mapping[str, str] | None = None, pyproject: Path = Path("pyproject.toml")
) -> LLMSettings:
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    values.update(_from_pyproject(pyproject))
    values.update({name: environ[var] for name, var in ENVIRONMENT.items() if environ.get(var)})
    values.update({k: v for k, v in flags.items() if v is not None})
    values["api_key"] = environ.get("OPENAI_API_KEY")
    if not values.get("model"):
        raise SettingsError("the llm engine needs a model: --model, EXTRACT_MODEL or [tool.extract] model")
    known = {f.name for f in fields(LLMSettings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(f"unknown [tool.extract] setting: {', '.join(unknown)}")
    if values.get("mode", "tools") not in MODES:
        raise SettingsError(f"unknown mode {values['mode']!r}; choose one of: {', '.join(MODES)}")
    if "cache_dir" in values:
        values["cache_dir"] = Path(values["cache_dir"])
    for name in ("max_chunk_tokens", "max_tokens", "concurrency"):
        if name in values and int(values[name]) < 1:
            raise SettingsError(f"{name.replace('_', '-')} must be at least 1")
    return LLMSettings(**values)


def _from_pyproject(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("extract", {})
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: {error}") from None
    table.pop("engine", None)  # chooses the engine, not an engine setting
    return {key.replace("-", "_"): value for key, value in table.items()}
