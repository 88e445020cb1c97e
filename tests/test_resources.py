from __future__ import annotations

import pytest

from qa_reader.resources import ResourceNotFoundError, resource_path, sample_document_path


def test_sample_and_icons_are_found() -> None:
    assert sample_document_path().read_text(encoding="utf-8").strip()
    for icon in ("zoom-in", "zoom-out", "zoom-original", "document-open", "qa-reader"):
        assert resource_path(f"icons/{icon}.svg").is_file()


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../pyproject.toml", "samples/../../x", "", "a\\b"]
)
def test_names_outside_the_bundle_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        resource_path(name)


def test_missing_resource_is_reported() -> None:
    with pytest.raises(ResourceNotFoundError):
        resource_path("samples/does-not-exist.txt")
