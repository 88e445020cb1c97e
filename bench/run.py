"""Runs every benchmark against the bare-Qt floor, prints a table, writes
docs/performance.md and exits non-zero when a budget is missed.

    bash scripts/bench.sh            # the one command (sets up .venv, runs this)
    bash scripts/bench.sh --quick    # fewer runs and sizes, for trying things out

Method: every figure of the app is measured next to the floor program (bench/floor.py)
in the same run, alternating app and floor runs (A B A B …), median of at least five
runs, so that the noise of a shared machine falls on both alike. Each run is a fresh
process; peak memory is that process's own maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "src"))

from generate import SIZES, write_all  # noqa: E402  (after the path set-up above)

REPORT = ROOT / "docs" / "performance.md"
BEGIN_MARK = "<!-- bench:begin (written by bench/run.py; edit outside these marks) -->"
END_MARK = "<!-- bench:end -->"

FORMAT_NAMES = {
    "txt": ("text", "page text"),
    "json": ("json", "JSON (qa-reader/1)"),
    "html": ("html", "saved web page"),
    "medquad.xml": ("medquad", "MedQuAD XML"),
    "liveqa.xml": ("liveqa", "TREC LiveQA XML"),
}
"""Generated file suffix → (DocumentSource.format the importer reports, what to call it)."""


@dataclass
class Budget:
    what: str
    limit: str
    measured: str
    met: bool


@dataclass
class Results:
    rows: list[tuple[str, ...]] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


Run = tuple[float, float, str]
"""One child process: wall seconds, peak RSS in MiB, what it printed."""


def run_child(command: list[str], env: dict[str, str]) -> Run:
    """(wall seconds, peak RSS MiB, stdout) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with {process.returncode}: {output}")
    return elapsed, usage.ru_maxrss / 1024, output


def alternate(count: int, first: Callable[[], Run], second: Callable[[], Run]) -> tuple[
    list[Run], list[Run]
]:
    """Runs `first` and `second` by turns (A B A B …), `count` times each."""
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(count):
        a.append(first())
        b.append(second())
    return a, b


def rendered_html(page: Path) -> str:
    """What the app's renderer makes of `page` with the default reading style."""
    from qa_reader.importers import load
    from qa_reader.render import RenderLabels, render_html
    from qa_reader.style import ReadingStyle

    return render_html(load(str(page)), ReadingStyle(), RenderLabels())


# -- the figures --------------------------------------------------------------------------------


def cold_start(results: Results, env: dict[str, str], work: Path, runs: int) -> None:
    from qa_reader.resources import sample_document_path

    sample = sample_document_path()
    html = work / "sample.html"
    html.write_text(rendered_html(sample), encoding="utf-8")
    config = work / "config-start"
    python = sys.executable
    app_cmd = [python, "-m", "qa_reader", "--self-test", "--config-dir", str(config), str(sample)]
    floor_cmd = [python, str(BENCH / "floor.py"), str(html)]
    run_child(app_cmd, env)  # warm the file cache and write the first settings
    run_child(floor_cmd, env)
    app_runs, floor_runs = alternate(
        runs, partial(run_child, app_cmd, env), partial(run_child, floor_cmd, env)
    )
    app_s = median([r[0] for r in app_runs])
    floor_s = median([r[0] for r in floor_runs])
    ratio = app_s / floor_s
    results.rows.append(
        ("cold start to first paint (sample)", f"{app_s * 1000:.0f} ms",
         f"{floor_s * 1000:.0f} ms", f"{ratio:.2f}×")
    )
    results.budgets.append(
        Budget("cold start vs floor", "≤ 1.20×", f"{ratio:.2f}×", ratio <= 1.2)
    )


def per_size(
    results: Results, env: dict[str, str], work: Path, files: dict[str, dict[str, Path]],
    runs: int, steps: int,
) -> None:
    python = sys.executable
    for label, formats in files.items():
        page = formats["txt"]
        html = work / f"{label}.html"
        html.write_text(rendered_html(page), encoding="utf-8")
        size_runs = runs if label != "10MB" else max(3, runs // 2)
        config = work / f"config-{label}"
        app_cmd = [python, str(BENCH / "app_probe.py"), str(page), "--steps", str(steps),
                   "--config-dir", str(config)]
        floor_cmd = [python, str(BENCH / "floor.py"), str(html), "--steps", str(steps)]
        app_runs, floor_runs = alternate(
            size_runs, partial(run_child, app_cmd, env), partial(run_child, floor_cmd, env)
        )
        app = [json.loads(r[2]) for r in app_runs]
        floor = [json.loads(r[2]) for r in floor_runs]

        def pooled(data: list[dict[str, Any]], key: str) -> list[float]:
            return [float(v) for d in data for v in d[key]]

        open_app = median([float(d["open_ms"]) for d in app])
        open_floor = median([float(d["open_ms"]) for d in floor])
        open_block = max(float(d["open_block_ms"]) for d in app)
        steps_app = pooled(app, "step_ms")
        steps_floor = pooled(floor, "step_ms")
        block_app = max(pooled(app, "block_ms"))
        rss_app = median([float(d["peak_rss_mib"]) for d in app])
        rss_floor = median([float(d["peak_rss_mib"]) for d in floor])
        results.rows += [
            (f"open + render {label}", f"{open_app:.0f} ms", f"{open_floor:.0f} ms",
             f"{open_app / open_floor:.2f}×"),
            (f"longest UI block while opening {label}", f"{open_block:.0f} ms", "", ""),
            (f"size step {label}, median", f"{median(steps_app):.1f} ms",
             f"{median(steps_floor):.1f} ms", f"{median(steps_app) / median(steps_floor):.2f}×"),
            (f"size step {label}, p95", f"{p95(steps_app):.1f} ms", f"{p95(steps_floor):.1f} ms",
             f"{p95(steps_app) / p95(steps_floor):.2f}×"),
            (f"longest UI block around a step {label}", f"{block_app:.0f} ms", "", ""),
            (f"peak memory with {label} open", f"{rss_app:.1f} MiB", f"{rss_floor:.1f} MiB",
             f"+{rss_app - rss_floor:.1f} MiB"),
        ]
        if label == "100KB":
            m = median(steps_app)
            results.budgets.append(Budget("size step 100 KB, median", "≤ 16 ms", f"{m:.1f} ms",
                                          m <= 16))
        if label == "1MB":
            m = median(steps_app)
            results.budgets += [
                Budget("size step 1 MB, median", "≤ 100 ms", f"{m:.1f} ms", m <= 100),
                Budget("open + render 1 MB", "≤ 1000 ms", f"{open_app:.0f} ms", open_app <= 1000),
                Budget("peak memory with 1 MB open", "≤ floor + 40 MiB",
                       f"floor + {rss_app - rss_floor:.1f} MiB", rss_app - rss_floor <= 40),
            ]
        if label == "10MB":
            results.budgets += [
                Budget("longest UI block around a size step, 10 MB", "≤ 250 ms",
                       f"{block_app:.0f} ms", block_app <= 250),
                Budget("open + render 10 MB", "≤ 8000 ms", f"{open_app:.0f} ms",
                       open_app <= 8000),
                Budget("window answers while opening 10 MB (longest UI block)", "≤ 250 ms",
                       f"{open_block:.0f} ms", open_block <= 250),
            ]


def import_speed(results: Results, files: dict[str, dict[str, Path]], runs: int) -> None:
    from qa_reader.importers import load

    lines = ["| format | " + " | ".join(files) + " |", "|---|" + "---|" * len(files)]
    for suffix, (source_format, name) in FORMAT_NAMES.items():
        cells: list[str] = []
        for formats in files.values():
            path = formats[suffix]
            times: list[float] = []
            found = ""
            for _ in range(runs):
                started = time.perf_counter()
                document = load(str(path))
                times.append(time.perf_counter() - started)
                found = document.source.format
            if found != source_format:
                cells.append(f"read as {found}")
                continue
            megabytes = path.stat().st_size / 1_000_000
            cells.append(f"{median(times) / megabytes * 1000:.0f} ms/MB")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    results.sections.append(
        "### Import time per format (median of "
        f"{runs} runs, milliseconds per MB of file)\n\n" + "\n".join(lines)
    )


# -- output ------------------------------------------------------------------------------------


def table(results: Results) -> str:
    header = ("figure", "app", "floor", "app / floor")
    widths = [max(len(r[i]) for r in [header, *results.rows]) for i in range(4)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
              for row in results.rows]
    return "\n".join(lines)


def budget_table(results: Results) -> str:
    lines = ["| budget | limit | measured | met |", "|---|---|---|---|"]
    lines += [f"| {b.what} | {b.limit} | {b.measured} | {'yes' if b.met else '**NO**'} |"
              for b in results.budgets]
    return "\n".join(lines)


def machine() -> str:
    from PySide6 import __version__ as pyside_version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, PySide6 {pyside_version}, "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}")


def write_report(results: Results, runs: int, steps: int, elapsed: float) -> None:
    block = "\n".join([
        BEGIN_MARK,
        "## Benchmarks against the floor",
        "",
        f"Measured {date.today().isoformat()} on {machine()}, in {elapsed:.0f} s, "
        f"with `bash scripts/bench.sh`: {runs} alternating app/floor runs per figure "
        f"(fewer for 10 MB), {steps} alternating size steps per run, medians.",
        "",
        table(results),
        "",
        "### Budgets",
        "",
        budget_table(results),
        "",
        *[s + "\n" for s in results.sections],
        END_MARK,
    ])
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n\n"
    if BEGIN_MARK in text and END_MARK in text:
        before, rest = text.split(BEGIN_MARK, 1)
        after = rest.split(END_MARK, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, no 10 MB, no report")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args(argv)
    runs = 3 if args.quick else max(5, args.runs)
    sizes = {k: v for k, v in SIZES.items() if not (args.quick and k == "10MB")}

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(BENCH), str(ROOT / "src")])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    results = Results()
    with tempfile.TemporaryDirectory(prefix="qa-reader-bench-") as temp:
        work = Path(temp)
        # Bytecode cached as an installed app has it (pip, the .deb and PyInstaller all ship
        # it): a shell with PYTHONDONTWRITEBYTECODE=1 would make every app run compile its
        # ~100 modules again, ~0.2 s the floor (one small file) never pays.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
        files = write_all(work / "documents", sizes)
        cold_start(results, env, work, runs)
        per_size(results, env, work, files, runs, args.steps)
        import_speed(results, files, runs)
    elapsed = time.perf_counter() - started

    print(table(results))
    print()
    print(budget_table(results))
    for section in results.sections:
        print()
        print(section)
    if not args.quick:
        write_report(results, runs, args.steps, elapsed)
        print(f"\nwritten: {REPORT.relative_to(ROOT)}")
    missed = [b for b in results.budgets if not b.met]
    if missed:
        print(f"\n{len(missed)} budget(s) missed: " + "; ".join(b.what for b in missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
