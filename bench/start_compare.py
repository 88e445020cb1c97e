"""Cold start to first paint only: the app's `--self-test` against the floor, alternating.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/start_compare.py [--runs 11]
        [--baseline SRC]     # also an older checkout's src/ folder, in the same rotation
        [--no-bytecode]      # compile every module on every run (PYTHONDONTWRITEBYTECODE)

The same figure as bench/run.py's "cold start" row (same commands, same method: programs
by turns, medians), without the other benchmarks, so start-up work can be tried quickly.
Bytecode is cached in a temporary folder (PYTHONPYCACHEPREFIX) and written by warm-up runs,
as an installed app has it; `--no-bytecode` shows what a shell with
PYTHONDONTWRITEBYTECODE=1 would measure instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BENCH, ROOT, Run, median, rendered_html, run_child  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--baseline", type=Path, help="another src/ folder to time as well")
    parser.add_argument("--no-bytecode", action="store_true")
    args = parser.parse_args(argv)
    from qa_reader.resources import sample_document_path

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="qa-reader-start-") as temp:
        work = Path(temp)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
        sample = sample_document_path()
        html = work / "sample.html"
        html.write_text(rendered_html(sample), encoding="utf-8")
        python = sys.executable
        programs: dict[str, tuple[list[str], dict[str, str]]] = {}
        sources = {"app": ROOT / "src"}
        if args.baseline:
            sources["baseline"] = args.baseline.resolve()
        for name, src in sources.items():
            app_env = dict(env, PYTHONPATH=os.pathsep.join([str(BENCH), str(src)]))
            programs[name] = ([python, "-m", "qa_reader", "--self-test", "--config-dir",
                               str(work / f"config-{name}"), str(sample)], app_env)
        programs["floor"] = ([python, str(BENCH / "floor.py"), str(html)], env)
        for command, program_env in programs.values():
            run_child(command, program_env)  # warm the caches, write the first settings
        runs: dict[str, list[Run]] = {name: [] for name in programs}
        for _ in range(max(7, args.runs)):
            for name, (command, program_env) in programs.items():
                runs[name].append(partial(run_child, command, program_env)())
    floor_s = median([r[0] for r in runs["floor"]])
    for name, results in runs.items():
        seconds = median([r[0] for r in results])
        print(f"{name:8} {seconds * 1000:4.0f} ms  {seconds / floor_s:.2f}× floor  "
              f"peak RSS {median([r[1] for r in results]):.1f} MiB  (runs: "
              + " ".join(f"{r[0] * 1000:.0f}" for r in results) + ")")
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}; "
          f"bytecode {'not cached' if args.no_bytecode else 'cached'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
