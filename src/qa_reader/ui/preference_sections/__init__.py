"""The sections of the Preferences dialog, one widget per module.

A section is a `PreferencesSection`: a titled group of labelled fields that can show a
`Preferences` (`load`) and say which fields the reader set (`changes`). The dialog knows
nothing else about a section, so adding one is one line in
`PreferencesDialog._build_sections`. A page made elsewhere with `load(preferences)` and
`changes()` (such as the read-aloud settings page) goes in through `PageSection`, e.g.
``PageSection(self.tr("Read aloud"), SpeechSettingsPage(controller))``.
"""

from __future__ import annotations

from .base import PreferencesSection
from .page import PageSection, SettingsPage

__all__ = ["PageSection", "PreferencesSection", "SettingsPage"]
