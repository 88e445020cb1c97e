"""Telling screen readers about changes they would not notice on their own."""

from __future__ import annotations

import logging

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def announce(widget: QWidget, message: str, assertive: bool = False) -> None:
    """Asks the screen reader to speak `message` (Qt's announcement event, Qt 6.8 and later).

    Nothing happens when no assistive technology is listening.
    """
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    log.debug("announced: %s", message)


def name_changed(widget: QWidget) -> None:
    """Tells assistive technology that a widget's text (its accessible name) changed."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
