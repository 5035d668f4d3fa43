"""The published JSON Schema files, one per contract model, generated from the Pydantic models."""

from __future__ import annotations

import json

from extract.models import PUBLISHED_MODELS, SCHEMA_VERSION


def schema_files() -> dict[str, str]:
    """File name -> file content for every published model."""
    files = {}
    for name, model in PUBLISHED_MODELS.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{name}.schema.json",
            "x-schema-version": SCHEMA_VERSION,
            **schema,
        }
        files[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return files
