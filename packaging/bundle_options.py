"""Bundle options shared by the app's spec and the size-floor spec (packaging/floor/).

Both specs load this file, so the floor is built exactly as lean as the app and the
size comparison in docs/performance.md measures only what the app itself adds.

Plain Python, no PyInstaller imports: the filters work on PyInstaller's TOC tuples
(destination name, source path, type code).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

# Python modules that PyInstaller would otherwise pull in through the standard library or
# the PySide6 package hooks, and that the app never imports.
EXCLUDED_PYTHON_MODULES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pydoc_data",
    "doctest",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pip",
    "curses",
    "sqlite3",
    "xmlrpc",
    # The app never opens a network connection: without these, OpenSSL's libssl and
    # libcrypto (5 MB) stay out. hashlib falls back to its built-in digests.
    "ssl",
    "_ssl",
    "_hashlib",
]

# Every PySide6 module the app does not import. The app uses QtCore, QtGui, QtWidgets,
# QtSvg (through Qt's SVG plugins), QtPrintSupport and QtTextToSpeech; QtNetwork,
# QtMultimedia and QtDBus stay as *libraries* because QtTextToSpeech, QtGui and the
# xcb platform plugin link them, but their Python bindings are left out.
EXCLUDED_QT_MODULES = [
    "PySide6." + name
    for name in (
        "Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtAsyncio "
        "QtAxContainer QtBluetooth QtCanvasPainter QtCharts QtConcurrent QtDBus "
        "QtDataVisualization QtDesigner QtGraphs QtGraphsWidgets QtHelp QtHttpServer "
        "QtLocation QtMultimedia QtMultimediaWidgets QtNetwork QtNetworkAuth QtNfc QtOpenGL "
        "QtOpenGLWidgets QtPdf QtPdfWidgets QtPositioning QtQml QtQuick QtQuick3D "
        "QtQuickControls2 QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml QtSensors "
        "QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvgWidgets QtTest "
        "QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick QtWebEngineWidgets "
        "QtWebSockets QtWebView QtXml"
    ).split()
]

EXCLUDES = EXCLUDED_PYTHON_MODULES + EXCLUDED_QT_MODULES

# Qt plugins kept, by plugin folder: a regular expression on the file name (without
# "lib" prefix and suffix). Folders not listed are dropped whole. Why each is kept:
KEPT_QT_PLUGINS: dict[str, str] = {
    # xcb (X11) and wayland for Linux desktops, windows and cocoa for the others,
    # offscreen for --self-test on machines without a display (CI).
    "platforms": r"q(xcb|wayland|windows|cocoa|offscreen)",
    # Desktop portals (file dialogs, colour scheme) on Linux. Not gtk3: PyInstaller would
    # copy the build machine's GTK into the bundle, and a foreign GTK beside the user's
    # breaks more than it helps.
    "platformthemes": r"qxdgdesktopportal",
    # Compose key and input methods (accents, non-Latin scripts) typed into dialogs.
    "platforminputcontexts": r"(compose|ibus)platforminputcontextplugin",
    # Our icons are SVG; PNG is built into QtGui.
    "imageformats": r"qsvg",
    "iconengines": r"qsvgicon",
    # GL integration for the xcb platform (Qt probes it at start-up).
    "xcbglintegrations": r"qxcb-(glx|egl)-integration",
    # Wayland: the standard xdg shell, client-side decorations, shared-memory buffers.
    "wayland-shell-integration": r"xdg-shell",
    "wayland-decoration-client": r"(bradient|adwaita)",
    "wayland-graphics-integration-client": r"qt-plugin-wayland-egl",
    # Native look of widgets on Windows and macOS.
    "styles": r"q(windowsvista|modernwindows|macstyle)",
    # Printing: CUPS on Linux; Windows and macOS print through their platform plugins.
    "printsupport": r"(cups|windows|cocoa)printersupport",
    # Read aloud: every real engine; the "mock" engine exists only for tests.
    "texttospeech": r"qtexttospeech_(speechd|sapi|winrt|darwin)",
}

# The winrt speech engine plays its audio through QtMultimedia, whose Windows backend
# is a plugin; speechd (Linux) and darwin (macOS) play the audio themselves.
if sys.platform == "win32":
    KEPT_QT_PLUGINS["multimedia"] = r"windowsmediaplugin"

_PLUGIN_PATH = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<folder>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION_PATH = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")
_PLUGIN_FILE = re.compile(r"^(?:lib)?(?P<stem>.+?)(?:\.so|\.dll|\.dylib)$")


def keep_qt_plugin(destination: str) -> bool:
    """Whether a bundled file is either no Qt plugin or a Qt plugin we keep."""
    match = _PLUGIN_PATH.search(destination.replace("\\", "/"))
    if match is None:
        return True
    pattern = KEPT_QT_PLUGINS.get(match["folder"])
    file = _PLUGIN_FILE.match(match["file"])
    if pattern is None or file is None:
        return False
    return re.fullmatch(pattern, file["stem"]) is not None


def keep_data_file(destination: str) -> bool:
    """Qt's own translations (60 MB over 40 languages) go until the app has translations
    of its own; then the qtbase_*.qm files of the same languages should be kept."""
    return _TRANSLATION_PATH.search(destination.replace("\\", "/")) is None


# Linux libraries that must come from the user's system, not the build machine: they
# speak to the user's sound server and speech daemon, whose protocol versions must match.
# The .deb depends on them (packaging/build.py, DEB_DEPENDS / DEB_RECOMMENDS).
SYSTEM_LIBRARIES = re.compile(r"^lib(pulse|pulsecommon|speechd)[-.]")


def keep_library(destination: str) -> bool:
    name = destination.replace("\\", "/").rsplit("/", 1)[-1]
    return not (sys.platform.startswith("linux") and SYSTEM_LIBRARIES.match(name))


def filter_toc(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [
        entry
        for entry in entries
        if keep_qt_plugin(entry[0]) and keep_data_file(entry[0]) and keep_library(entry[0])
    ]


_LIBRARY_NAME = re.compile(r"\.(so(\.\d+)*|dylib|dll)$", re.IGNORECASE)


def prune_unreferenced_libraries(
    binaries: list[tuple[str, str, str]],
) -> list[tuple[str, str, str]]:
    """Drops shared libraries that only the dropped Qt plugins needed (QtQuick, QtPdf, ...).

    PyInstaller collects a plugin's libraries before our filter drops the plugin, so they
    stay behind unless removed. Starting from the extension modules, the Python library
    and the kept plugins, this follows the libraries' link-time imports and keeps only
    what is reached. Linux only: there every library is linked by name (ldd); Windows and
    macOS bundles also hold libraries Qt opens at run time by name (opengl32sw.dll ...),
    which no import table lists.
    """
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    def base(name: str) -> str:
        return name.replace("\\", "/").rsplit("/", 1)[-1]

    libraries = [entry for entry in binaries if entry[2] == "BINARY"]
    by_name = {base(entry[0]): entry for entry in libraries}
    roots = [
        entry
        for entry in libraries
        if _PLUGIN_PATH.search(entry[0])
        or base(entry[0]).startswith("libpython")
        or not _LIBRARY_NAME.search(entry[0])
    ] + [entry for entry in binaries if entry[2] not in ("BINARY", "SYMLINK")]
    reached = {base(entry[0]) for entry in roots}
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for name, _path in get_imports(entry[1]):
            key = base(name)
            if key in by_name and key not in reached:
                reached.add(key)
                queue.append(by_name[key])
    # A SYMLINK entry (destination, link target, "SYMLINK") goes with its target.
    return [
        entry
        for entry in binaries
        if base(entry[1] if entry[2] == "SYMLINK" else entry[0]) in reached
        or entry[2] not in ("BINARY", "SYMLINK")
    ]


# Debug symbols are a third of Qt's Linux libraries; `strip` is safe there. On macOS
# stripping invalidates the libraries' signatures, and Windows has no strip.
STRIP = sys.platform.startswith("linux")
# UPX saves space on disk but costs start-up time and trips virus scanners.
UPX = False
