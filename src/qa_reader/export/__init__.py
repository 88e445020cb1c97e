"""Writing documents in other formats. Standard library only, no Qt."""

from __future__ import annotations

from .json_export import SCHEMA_ID, document_to_dict, document_to_json

__all__ = ["SCHEMA_ID", "document_to_dict", "document_to_json"]
