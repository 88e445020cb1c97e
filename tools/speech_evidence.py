"""Runs the real app's read aloud on the bundled sample with a real speech engine and
writes what happened to docs/read-aloud-evidence.md.

Run it through tools/speech_evidence.sh, which installs speech-dispatcher with espeak-ng
and starts a PulseAudio server with a null sink. This script

1. starts the real main window (offscreen, throwaway settings folder, disclaimer accepted),
   with QA_READER_TTS_ENGINE=speechd unless another engine is given;
2. records what PulseAudio plays on the null sink (`parec` on its monitor) meanwhile;
3. chooses "Read the question", then, once it is done, "Read this answer" on answer 1,
   pressing the app's own actions, and logs every state change, sentence and word with
   its time;
4. measures the recording with `sox` (length, RMS and peak level) to show sound was made;
5. writes the report, including the last lines of speech-dispatcher's log on failure.

Nothing here is faked: when the engine cannot speak, the report says so, with the logs.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 180.0


@dataclass
class Run:
    engine: str = ""
    engines: list[str] = field(default_factory=list)
    capabilities: str = ""
    voices: int = 0
    locales: int = 0
    voice: str = ""
    locale: str = ""
    engine_ms: float = 0.0
    events: list[tuple[float, str]] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    states: list[str] = field(default_factory=list)
    problem: str | None = None
    finished: int = 0
    seconds: float = 0.0


def run_app(engine_name: str) -> Run:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QA_READER_TTS_ENGINE"] = engine_name
    sys.path.insert(0, str(ROOT / "src"))
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTextToSpeech import QTextToSpeech
    from PySide6.QtWidgets import QApplication

    from qa_reader.app import configure_application, launch
    from qa_reader.cli import LaunchOptions
    from qa_reader.resources import sample_document_path
    from qa_reader.ui.actions import ActionId

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application()
    result = Run(engines=list(QTextToSpeech.availableEngines()))
    config = tempfile.mkdtemp(prefix="qa-reader-evidence-")
    window = launch(LaunchOptions(file=str(sample_document_path()), config_dir=config),
                    ask_disclaimer=False)
    window.show()
    clock = QElapsedTimer()
    clock.start()

    def note(text: str) -> None:
        result.events.append((clock.elapsed() / 1000, text))

    read_aloud = window.read_aloud
    controller = read_aloud.controller()
    started = time.perf_counter()
    ok = controller.ensure_engine()
    result.engine_ms = (time.perf_counter() - started) * 1000
    if not ok or controller.engine is None:
        result.problem = controller.problem() or "the engine could not be created"
        window.close()
        return result
    engine = controller.engine
    result.engine = engine.engine()
    result.capabilities = str(engine.engineCapabilities())
    result.voices = len(controller.voices())
    result.locales = len(engine.availableLocales())
    def on_state(state: QTextToSpeech.State) -> None:
        result.states.append(state.name)
        note(f"engine state → {state.name}")

    def on_sentence(index: int) -> None:
        result.sentences += 1
        note(f"sentence {index}: “{controller.script[index].spoken}”")

    engine.stateChanged.connect(on_state)
    controller.utterance_started.connect(on_sentence)

    def on_word(index: int, start: int, length: int) -> None:
        result.words += 1
        note(f"word: {controller.script[index].spoken[start:start + length]}")

    controller.word_reached.connect(on_word)

    def on_problem(message: str) -> None:
        result.problem = message
        note(f"stopped: {message}")
        app.quit()

    controller.stopped_by_problem.connect(on_problem)
    steps = ["question", "answer"]

    def next_step() -> None:
        if not steps:
            app.quit()
            return
        step = steps.pop(0)
        if step == "question":
            note("action: Read the question")
            window.reader_actions[ActionId.READ_QUESTION].trigger()
        else:
            text = window.view.document().toRawText()
            cursor = window.view.textCursor()
            cursor.setPosition(text.index("For most healthy adults"))
            window.view.setTextCursor(cursor)
            note("action: Read this answer (answer 1)")
            window.reader_actions[ActionId.READ_THIS_ANSWER].trigger()
        if engine.voice().name():
            result.voice = engine.voice().name()
            result.locale = engine.locale().bcp47Name()

    def on_finished() -> None:
        result.finished += 1
        note("finished reading the part")
        QTimer.singleShot(300, next_step)

    controller.finished.connect(on_finished)
    QTimer.singleShot(200, next_step)
    QTimer.singleShot(int(TIMEOUT_S * 1000), lambda: on_problem("evidence run timed out"))
    began = time.perf_counter()
    app.exec()
    result.seconds = time.perf_counter() - began
    controller.stop()
    window.close()
    return result


def sound_stats(wav: Path) -> dict[str, str]:
    if not wav.exists() or wav.stat().st_size < 100 or not shutil.which("sox"):
        return {}
    completed = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True,
                               check=False)
    stats: dict[str, str] = {}
    for line in completed.stderr.splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            stats[key.strip()] = value.strip()
    return stats


def log_tail(lines: int = 30) -> str:
    found: list[str] = []
    for folder in (Path.home() / ".cache/speech-dispatcher/log",
                   Path.home() / ".local/share/speech-dispatcher/log"):
        for log in sorted(folder.glob("*.log")):
            content = log.read_text(errors="replace").splitlines()[-lines:]
            found.append(f"--- {log}\n" + "\n".join(content))
    return "\n".join(found) or "(no speech-dispatcher log found)"


def write_report(run: Run, stats: dict[str, str], output: Path, sink: str) -> None:
    spoke = run.problem is None and "Speaking" in run.states and "Ready" in run.states
    rms = float(stats.get("RMS     amplitude", "0") or 0)
    audible = rms > 0.001
    lines = [
        "# Read aloud with a real speech engine: evidence",
        "",
        f"Written by `tools/speech_evidence.sh` on {datetime.date.today().isoformat()} "
        f"({platform.platform()}, Python {platform.python_version()}).",
        "It starts the real main window on the bundled sample (offscreen, throwaway "
        "settings), presses **Read aloud → Read the question**, then **Read this answer** on "
        "answer 1, and records the engine's signals and, through PulseAudio's null sink "
        f"`{sink}`, the sound it played.",
        "",
        "## Result",
        "",
        f"- Speech produced: **{'yes' if spoke and audible else 'no'}**"
        + ("" if spoke and audible else f" — {run.problem or 'no sound recorded'}"),
        f"- Engines Qt offers: {', '.join(run.engines) or 'none'}; used: `{run.engine}`",
        f"- Engine capabilities: `{run.capabilities}`",
        f"- Creating the engine took {run.engine_ms:.0f} ms (lazily, at the first Read aloud)",
        f"- Voices listed: {run.voices} in {run.locales} languages; voice used: "
        f"`{run.voice}` ({run.locale})",
        f"- Sentences said: {run.sentences}; parts read to their end: {run.finished}",
        f"- Engine state changes: {len(run.states)} "
        f"(Speaking: {run.states.count('Speaking')}, Ready: {run.states.count('Ready')}, "
        f"Error: {run.states.count('Error')})",
        f"- Words reported by `sayingWord`: {run.words}"
        + ("" if run.words else " — this engine does not report word progress "
           "(no `WordByWordProgress` capability), so only the sentence is highlighted"),
        f"- Reading took {run.seconds:.1f} s",
    ]
    if stats:
        lines += [
            f"- Recorded sound: {stats.get('Length (seconds)', '?')} s, RMS amplitude "
            f"{stats.get('RMS     amplitude', '?')}, maximum amplitude "
            f"{stats.get('Maximum amplitude', '?')} (silence is 0)",
        ]
    else:
        lines += ["- Recorded sound: none (no recording was made)"]
    lines += ["", "## Timeline", "", "| time (s) | event |", "|---:|---|"]
    lines += [f"| {at:.2f} | {text.replace('|', '/')} |" for at, text in run.events]
    if not (spoke and audible):
        lines += ["", "## speech-dispatcher log", "", "```", log_tail(), "```"]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="speechd")
    parser.add_argument("--output", type=Path, default=ROOT / "docs/read-aloud-evidence.md")
    parser.add_argument("--sink", default="qa_reader_evidence")
    args = parser.parse_args()
    wav = Path(tempfile.mkdtemp(prefix="qa-reader-sound-")) / "speech.wav"
    recorder = None
    if shutil.which("parec"):
        recorder = subprocess.Popen(
            ["parec", "-d", f"{args.sink}.monitor", "--file-format=wav", str(wav)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        run = run_app(args.engine)
    finally:
        if recorder is not None:
            time.sleep(0.5)
            recorder.terminate()
            recorder.wait(timeout=10)
    stats = sound_stats(wav)
    write_report(run, stats, args.output, args.sink)
    sys.stdout.write(args.output.read_text(encoding="utf-8"))
    return 0 if run.problem is None else 1


if __name__ == "__main__":
    sys.exit(main())
