"""Builds Q&A Reader's frozen bundle and installers; with --smoke, checks them.

    .venv/bin/python packaging/build.py            bundle (+ on Linux: .tar.gz and .deb)
    .venv/bin/python packaging/build.py --smoke    the same, then the checks below
    .venv/bin/python packaging/build.py --floor    also build the size floor and compare
    python3 packaging/build.py --deb-depends       print the .deb's Debian dependencies

Everything goes to build/ (ignored by git); installers land in build/installers/.
On Windows and macOS this builds the bundle (and the .app); the Inno Setup installer and
the .dmg are made by the CI workflow (.github/workflows/release.yml) from that bundle.

The smoke checks (Linux unless noted):
1. the frozen app's --self-test passes (all OSes) and finds the sample and as many
   bundled fonts as the checkout has; the Qt plugins the app needs are in the bundle;
2. the wheel, installed into a temporary folder, finds its resources there and passes
   its own --self-test;
3. the desktop entry and AppStream metainfo validate with desktop-file-validate and
   appstreamcli;
4. `dpkg -i` installs the .deb; `qa-reader --self-test` on PATH passes; the desktop
   entry, metainfo and icons are where desktop environments look; `dpkg -r` removes it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
INSTALLERS = BUILD / "installers"
LINUX_FILES = ROOT / "resources" / "linux"
PACKAGE = "qa-reader"

# What the .deb needs from the system (everything else is inside /opt/qa-reader): the C
# library, OpenGL/EGL and xcb (Qt never bundles these), the sound library the read-aloud
# engine links to (see bundle_options.SYSTEM_LIBRARIES).
DEB_DEPENDS = ["libc6", "libgl1", "libegl1", "libxcb1", "libpulse0"]
# Read aloud speaks through speech-dispatcher; Wayland sessions use the wayland plugin;
# Qt draws text with the system's fonts when no bundled font is chosen.
DEB_RECOMMENDS = [
    "speech-dispatcher",
    "libspeechd2",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "fonts-dejavu-core",
]

# Qt plugins a working bundle must hold, per OS (file-name fragments under plugins/).
REQUIRED_PLUGINS = {
    "linux": [
        "platforms/libqxcb",
        "platforms/libqoffscreen",
        "imageformats/libqsvg",
        "iconengines/libqsvgicon",
        "printsupport/libcupsprintersupport",
        "texttospeech/libqtexttospeech_speechd",
    ],
    "win32": [
        "platforms/qwindows",
        "imageformats/qsvg",
        "iconengines/qsvgicon",
        "texttospeech/qtexttospeech_sapi",
    ],
    "darwin": [
        "platforms/libqcocoa",
        "imageformats/libqsvg",
        "iconengines/libqsvgicon",
        "texttospeech/libqtexttospeech_darwin",
    ],
}


def log(message: str) -> None:
    print(f"build: {message}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        raise SystemExit(
            f"build: command failed ({result.returncode}): {' '.join(map(str, command))}\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def tree_size(path: Path) -> int:
    """Bytes in the files under path (symlinks not followed: they cost nothing)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def version() -> str:
    text = (ROOT / "src" / "qa_reader" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("build: no __version__ in src/qa_reader/__init__.py")
    return match[1]


def app_id() -> str:
    from qa_reader import APP_ID

    return APP_ID


# -- building -------------------------------------------------------------------------


def build_icons() -> Path:
    out = BUILD / "icons"
    shutil.rmtree(out, ignore_errors=True)
    run(sys.executable, ROOT / "packaging" / "icons.py", out)
    return out


def pyinstaller(spec: Path, name: str) -> Path:
    work = BUILD / "pyinstaller"  # PyInstaller adds a folder named after the spec
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        work,
        spec,
    )
    bundle = DIST / name
    if not bundle.is_dir():
        raise SystemExit(f"build: PyInstaller made no {bundle}")
    return bundle


def make_tarball(bundle: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name)
    return target


def deb_architecture() -> str:
    return run("dpkg", "--print-architecture").strip()


def glibc_version() -> str:
    """The build machine's C library: the bundle's binaries need at least this one."""
    found = os.confstr("CS_GNU_LIBC_VERSION") or "glibc 2.31"
    return found.split()[-1]


def make_deb(bundle: Path, icons: Path, target: Path) -> Path:
    identifier = app_id()
    stage = BUILD / "deb" / "root"
    shutil.rmtree(stage.parent, ignore_errors=True)
    opt = stage / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    share = stage / "usr" / "share"
    (stage / "usr" / "bin").mkdir(parents=True)
    # The bootloader finds its files through /proc/self/exe, so a symlink is enough.
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    for source, folder, name in (
        (f"{identifier}.desktop", "applications", f"{identifier}.desktop"),
        (f"{identifier}.metainfo.xml", "metainfo", f"{identifier}.metainfo.xml"),
        (f"{identifier}.mime.xml", "mime/packages", f"{identifier}.xml"),
    ):
        (share / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LINUX_FILES / source, share / folder / name)
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(ROOT / "LICENSE", doc / "copyright")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)

    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    installed_kb = (tree_size(stage) + 1023) // 1024
    depends = ", ".join(
        f"libc6 (>= {glibc_version()})" if name == "libc6" else name for name in DEB_DEPENDS
    )
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        f"Architecture: {deb_architecture()}\n"
        "Maintainer: The Q&A Reader developers <maintainers@qareader.org>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Section: text\n"
        "Priority: optional\n"
        "Description: read medical Q&A pages in large, calm, high-contrast text\n"
        " Q&A Reader shows medical question-and-answer pages (a patient's question,\n"
        " the doctors' answers and the site's disclaimer) in large, calm,\n"
        " high-contrast text, for people with low vision, dyslexia or tired eyes.\n"
        " .\n"
        f" The app is installed as one folder under /opt/{PACKAGE}.\n",
        encoding="utf-8",
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    # xz with threads: a third smaller than gzip for Qt's libraries, and fast on 2 cores.
    run(
        "dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--threads-max=2", "--build", stage, target
    )
    return target


# -- checking -------------------------------------------------------------------------


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        if ok:
            self.passed += 1
            log(f"PASS {name}")
        else:
            self.failed.append(name)
            log(f"FAIL {name}\n{detail}")


def checkout_font_count() -> int:
    fonts = ROOT / "resources" / "fonts"
    if not fonts.is_dir():
        return 0
    return sum(
        1 for p in fonts.rglob("*") if p.is_file() and p.suffix.lower() in (".ttf", ".otf", ".ttc")
    )


def self_test(
    checks: Checks, name: str, command: list[str], env_extra: dict[str, str] | None = None
) -> str:
    """Runs `command --self-test` offscreen with a throwaway profile; any stderr fails."""
    with tempfile.TemporaryDirectory(prefix="qa-reader-smoke-") as profile:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=profile, **(env_extra or {}))
        result = subprocess.run(
            [*command, "--self-test", "--config-dir", str(Path(profile) / "config")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    output = result.stdout
    fonts = checkout_font_count()
    wanted_fonts = "fonts: none bundled" if fonts == 0 else f"fonts: {fonts} of {fonts} loaded"
    ok = (
        result.returncode == 0
        and output.startswith("ok: ")
        and "\nsample: samples/" in output
        and wanted_fonts in output
        and "icon: drawn from SVG" in output
        and result.stderr == ""
    )
    checks.check(f"{name}: --self-test", ok, output + result.stderr)
    for line in output.splitlines():
        log(f"  {line}")
    return output


def resources_folder(self_test_output: str) -> Path:
    """The folder the app said it found its resources in (resolved, for Windows' short names)."""
    for line in self_test_output.splitlines():
        if line.startswith("resources: "):
            return Path(line.removeprefix("resources: ")).resolve()
    return Path()


def check_bundle(checks: Checks, bundle: Path) -> None:
    executable = bundle / ("qa-reader-cli.exe" if sys.platform == "win32" else PACKAGE)
    if sys.platform == "darwin":
        executable = bundle / PACKAGE
    output = self_test(checks, "frozen bundle", [str(executable)])
    checks.check(
        "frozen bundle: resources inside the bundle",
        bundle.resolve() in resources_folder(output).parents,
        output,
    )
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")}
    platform_key = "linux" if sys.platform.startswith("linux") else sys.platform
    missing = [
        fragment
        for fragment in REQUIRED_PLUGINS.get(platform_key, [])
        if not any(f"plugins/{fragment}" in path for path in files)
    ]
    checks.check("frozen bundle: Qt plugins present", not missing, f"missing: {missing}")


def check_wheel(checks: Checks) -> None:
    with tempfile.TemporaryDirectory(prefix="qa-reader-wheel-") as temp:
        wheels = Path(temp) / "wheels"
        target = Path(temp) / "site"
        run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, ROOT)
        wheel = next(wheels.glob("qa_reader-*.whl"))
        run(
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            target,
            wheel,
        )
        # PYTHONPATH puts the installed wheel before the checkout's editable install.
        output = self_test(
            checks,
            "installed wheel",
            [sys.executable, "-m", "qa_reader"],
            {"PYTHONPATH": str(target)},
        )
        inside = f"resources: {target / 'qa_reader' / 'resources'}"
        checks.check("installed wheel: resources inside the package", inside in output, output)


def check_desktop_files(checks: Checks) -> None:
    identifier = app_id()
    desktop = LINUX_FILES / f"{identifier}.desktop"
    metainfo = LINUX_FILES / f"{identifier}.metainfo.xml"
    for name, command in (
        ("desktop-file-validate", ["desktop-file-validate", str(desktop)]),
        ("appstreamcli validate", ["appstreamcli", "validate", "--no-net", str(metainfo)]),
    ):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        checks.check(name, result.returncode == 0, result.stdout + result.stderr)
        for line in (result.stdout + result.stderr).strip().splitlines():
            log(f"  {line}")


def check_deb(checks: Checks, deb: Path) -> None:
    if os.geteuid() != 0:
        checks.check("dpkg -i (needs root)", False, "run the smoke test as root (CI does)")
        return
    identifier = app_id()
    install = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, check=False)
    checks.check("dpkg -i", install.returncode == 0, install.stdout + install.stderr)
    if install.returncode != 0:
        return
    try:
        launcher = shutil.which(PACKAGE, path="/usr/local/bin:/usr/bin:/bin")
        checks.check("qa-reader on PATH", launcher == f"/usr/bin/{PACKAGE}", str(launcher))
        output = self_test(checks, "installed .deb", [f"/usr/bin/{PACKAGE}"])
        checks.check(
            "installed .deb: resources under /opt",
            f"resources: /opt/{PACKAGE}/_internal/resources" in output,
            output,
        )
        expected = [
            f"/usr/share/applications/{identifier}.desktop",
            f"/usr/share/metainfo/{identifier}.metainfo.xml",
            f"/usr/share/mime/packages/{identifier}.xml",
            f"/usr/share/icons/hicolor/48x48/apps/{identifier}.png",
            f"/usr/share/icons/hicolor/scalable/apps/{identifier}.svg",
        ]
        missing = [path for path in expected if not Path(path).is_file()]
        checks.check(
            "installed .deb: desktop entry, metainfo, MIME type, icons",
            not missing,
            f"missing: {missing}",
        )
    finally:
        remove = subprocess.run(
            ["dpkg", "-r", PACKAGE], capture_output=True, text=True, check=False
        )
        checks.check(
            "dpkg -r",
            remove.returncode == 0 and not Path(f"/opt/{PACKAGE}").exists(),
            remove.stdout + remove.stderr,
        )


# -- size floor -----------------------------------------------------------------------


def build_floor() -> dict[str, int]:
    bundle = pyinstaller(ROOT / "packaging" / "floor" / "floor.spec", "floor")
    tarball = make_tarball(bundle, BUILD / "floor" / "floor.tar.gz")
    # The .deb's payload is an xz -6 tarball; the floor packed the same way stands for
    # "the floor as a .deb" (a few kB of control files and icons aside).
    xz = BUILD / "floor" / "floor.tar.xz"
    with xz.open("wb") as out:
        tar = subprocess.Popen(
            ["tar", "-C", str(DIST), "-cf", "-", "floor"], stdout=subprocess.PIPE
        )
        subprocess.run(["xz", "-6", "-T2", "-c"], stdin=tar.stdout, stdout=out, check=True)
        tar.wait()
    return {
        "bundle": tree_size(bundle),
        "tar.gz": tarball.stat().st_size,
        "tar.xz": xz.stat().st_size,
    }


# -- main -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="check the results after building")
    parser.add_argument("--floor", action="store_true", help="also build the size floor")
    parser.add_argument(
        "--deb-depends",
        action="store_true",
        help="print the .deb's Depends and Recommends, one a line, and exit",
    )
    args = parser.parse_args(argv)
    if args.deb_depends:
        print("\n".join(DEB_DEPENDS + DEB_RECOMMENDS))
        return 0

    started = time.perf_counter()
    linux = sys.platform.startswith("linux")
    icons = build_icons()
    log("icons rendered")
    bundle = pyinstaller(ROOT / "packaging" / "qa-reader.spec", PACKAGE)
    log(f"bundle {bundle.relative_to(ROOT)}: {mb(tree_size(bundle))}")
    sizes = {"bundle": tree_size(bundle)}
    deb = None
    if linux:
        machine = platform.machine()
        tarball = make_tarball(bundle, INSTALLERS / f"{PACKAGE}-{version()}-linux-{machine}.tar.gz")
        sizes["tar.gz"] = tarball.stat().st_size
        log(f"tarball {tarball.relative_to(ROOT)}: {mb(sizes['tar.gz'])}")
        deb = make_deb(
            bundle, icons, INSTALLERS / f"{PACKAGE}_{version()}_{deb_architecture()}.deb"
        )
        sizes[".deb"] = deb.stat().st_size
        log(f"package {deb.relative_to(ROOT)}: {mb(sizes['.deb'])}")
    log(f"built in {time.perf_counter() - started:.0f} s")

    if args.floor:
        floor = build_floor()
        log(f"floor bundle: {mb(floor['bundle'])}, tar.gz {mb(floor['tar.gz'])}")
        ratio = sizes["bundle"] / floor["bundle"]
        log(f"bundle / floor = {ratio:.2f}")
        if "tar.gz" in sizes:
            log(f"tar.gz / floor tar.gz = {sizes['tar.gz'] / floor['tar.gz']:.2f}")
            log(
                f"floor tar.xz (as in a .deb): {mb(floor['tar.xz'])}; "
                f".deb / floor tar.xz = {sizes['.deb'] / floor['tar.xz']:.2f}"
            )

    if not args.smoke:
        return 0
    checks = Checks()
    check_bundle(checks, bundle)
    if linux:
        check_wheel(checks)
        check_desktop_files(checks)
        if deb is not None:
            check_deb(checks, deb)
    log(f"build and smoke test took {time.perf_counter() - started:.0f} s")
    # A closing line CI can read, whatever ran before it.
    print(f"smoke: {checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
