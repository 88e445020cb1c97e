#!/usr/bin/env bash
# Evidence that read aloud speaks with a real engine on Linux: installs speech-dispatcher
# with espeak-ng and PulseAudio (Debian/Ubuntu, when missing), starts PulseAudio with a
# null sink to play into, and runs tools/speech_evidence.py, which writes
# docs/read-aloud-evidence.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${QA_READER_VENV:-$root/.venv}"
sink="qa_reader_evidence"
packages=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2
          pulseaudio pulseaudio-utils sox)

# shellcheck source=../scripts/debian-packages.sh
source "$root/scripts/debian-packages.sh"
ensure_debian_packages "speech_evidence" "${packages[@]}"

[ -x "$venv/bin/python" ] || "$root/scripts/bootstrap.sh"

# A sound server with somewhere to play: the null sink's monitor is what gets recorded.
if ! pactl info >/dev/null 2>&1; then
    pulseaudio -D --exit-idle-time=-1 2>/dev/null || pulseaudio -D --exit-idle-time=-1 --system=false
    for _ in 1 2 3 4 5 6 7 8 9 10; do pactl info >/dev/null 2>&1 && break; sleep 0.3; done
fi
if ! pactl list short sinks | grep -q "$sink"; then
    pactl load-module module-null-sink "sink_name=$sink" >/dev/null
fi
pactl set-default-sink "$sink"
# (A speech-dispatcher already running keeps the sound server it started with; the
# app's connection autospawns one when none runs.)

exec "$venv/bin/python" "$root/tools/speech_evidence.py" --sink "$sink" "$@"
