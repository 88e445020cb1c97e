from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import qa_reader.resources
from qa_reader.resources import (
    SAMPLE_DOCUMENT,
    ResourceNotFoundError,
    resource_path,
    sample_document_path,
)


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


# The one lookup function must find the same tree in all three layouts the app runs from.
# The checkout is the layout of this test run; the wheel and bundle layouts are built in
# tmp_path here, and for real by packaging/build.py --smoke (installed wheel, frozen app).


def test_checkout_layout_finds_the_repository_resources() -> None:
    from qa_reader.resources import resources_root

    repo = Path(__file__).resolve().parent.parent
    assert resources_root() == repo / "resources"


def _load_resources_module_from(package_dir: Path) -> ModuleType:
    """A private copy of qa_reader/resources.py placed in package_dir, imported from there."""
    package_dir.mkdir(parents=True)
    source = Path(qa_reader.resources.__file__)
    shutil.copyfile(source, package_dir / "resources.py")
    spec = importlib.util.spec_from_file_location("resources_copy", package_dir / "resources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _make_tree(root: Path) -> Path:
    sample = root / SAMPLE_DOCUMENT
    sample.parent.mkdir(parents=True)
    sample.write_text("Question\n", encoding="utf-8")
    return sample


def test_wheel_layout_finds_resources_inside_the_package(tmp_path: Path) -> None:
    # An installed wheel has site-packages/qa_reader/resources/ beside resources.py.
    package_dir = tmp_path / "site-packages" / "qa_reader"
    module = _load_resources_module_from(package_dir)
    sample = _make_tree(package_dir / "resources")
    assert module.sample_document_path() == sample


def test_bundle_layout_prefers_the_unpacked_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PyInstaller sets sys._MEIPASS to the folder holding the collected data files.
    bundle = tmp_path / "_internal"
    sample = _make_tree(bundle / "resources")
    module = _load_resources_module_from(tmp_path / "pyz" / "qa_reader")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    module.resources_root.cache_clear()
    assert module.sample_document_path() == sample
    assert module.resource_path("samples") == sample.parent


def test_a_layout_without_resources_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _load_resources_module_from(tmp_path / "deep" / "er" / "qa_reader")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    with pytest.raises(module.ResourceNotFoundError, match="looked in"):
        module.resources_root()


def test_bundled_fonts_are_found_at_any_depth_and_licences_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _load_resources_module_from(tmp_path / "site-packages" / "qa_reader")
    root = tmp_path / "site-packages" / "qa_reader" / "resources"
    _make_tree(root)
    assert module.bundled_font_files() == []
    family = root / "fonts" / "family"
    family.mkdir(parents=True)
    for name in ("B-Bold.OTF", "A-Regular.ttf", "OFL.txt"):
        (family / name).write_bytes(b"")
    (root / "fonts" / "README.md").write_text("fonts", encoding="utf-8")
    assert [p.name for p in module.bundled_font_files()] == ["A-Regular.ttf", "B-Bold.OTF"]
