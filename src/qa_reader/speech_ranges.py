"""The ranges of the stored voice settings (no Qt, no imports).

Apart from `speech_text` so that reading the preferences at start-up does not load the
script maker, which only read aloud needs.
"""

from __future__ import annotations

RATE_RANGE = (-1.0, 1.0)
"""The engine's rate: −1 slowest, 0 normal, 1 fastest (QTextToSpeech's scale)."""
PITCH_RANGE = (-1.0, 1.0)
VOLUME_RANGE = (0.0, 1.0)
"""A share of the engine's own normal volume: engines differ (speech-dispatcher's normal is
half its range, louder clips), so 1.0 means "as loud as this engine normally speaks"."""
DEFAULT_VOLUME = 1.0
