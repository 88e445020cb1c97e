"""The sections of the Preferences dialog, one widget per module.

A section is a `PreferencesSection`: a titled group of labelled fields that can show a
`Preferences` (`load`) and say which fields the reader set (`changes`). The dialog knows
nothing else about a section, so adding one (read-aloud settings, say) is one line in
`PreferencesDialog._build_sections`.
"""

from __future__ import annotations

from .base import PreferencesSection

__all__ = ["PreferencesSection"]
