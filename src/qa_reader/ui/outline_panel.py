"""The side panel: the page's question(s) and answers as a list to jump to.

A dock widget, so the window's saved state keeps whether it is shown. Clicking an
entry or pressing Enter on it goes there; moving through the list with the arrow keys
does not move the page, so a keyboard user can look before jumping.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from ..outline import OutlineLabels, Stop, StopKind, item_text, position_text

STOP_ROLE = Qt.ItemDataRole.UserRole


class OutlinePanel(QDockWidget):
    stop_chosen = Signal(int)
    """The index of the stop the reader picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contents"), parent)
        self.setObjectName("outline_panel")
        # Floating panels get lost behind other windows; docked left or right only.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outline_list")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("Contents of the page"))
        self.tree.setAccessibleDescription(
            self.tr("The question and the answers. Press Enter or click to go to one.")
        )
        self.tree.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.setWidget(self.tree)
        self.tree.itemActivated.connect(self._on_item_chosen)
        self.tree.itemClicked.connect(self._on_item_chosen)
        self._items: list[QTreeWidgetItem] = []
        self._waiting: tuple[tuple[Stop, ...], OutlineLabels] | None = None
        self._current = -1

    def set_stops(self, stops: tuple[Stop, ...], labels: OutlineLabels) -> None:
        """Lists the stops now if the panel is shown, else when it is next shown (a page
        with thousands of answers takes a fifth of a second to list)."""
        self._waiting = (stops, labels)
        self._current = -1
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        if self._waiting is not None:
            self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        if self._waiting is None:
            return
        stops, labels = self._waiting
        self._waiting = None
        self.tree.clear()
        self._items = []
        top_level: list[QTreeWidgetItem] = []
        children: dict[int, list[QTreeWidgetItem]] = {}  # question item's index → answers
        parent_index: int | None = None
        for index, stop in enumerate(stops):
            text = item_text(stop, labels)
            item = QTreeWidgetItem([text])
            item.setData(0, STOP_ROLE, index)
            item.setToolTip(0, text)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole,
                         position_text(stop, labels))
            if stop.kind is StopKind.ANSWER and parent_index is not None:
                children.setdefault(parent_index, []).append(item)
            else:
                top_level.append(item)
                parent_index = index if stop.kind is StopKind.QUESTION else None
            self._items.append(item)
        # Added in bulk, once each parent has all its children: a page with thousands of
        # answers fills the panel in one layout instead of one per item.
        for index, answers in children.items():
            self._items[index].addChildren(answers)
        self.tree.addTopLevelItems(top_level)
        self.tree.expandAll()
        self.tree.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        if self._current >= 0:
            self.show_current(self._current)

    def show_current(self, index: int) -> None:
        """Marks the reader's current stop without taking the focus or moving the page."""
        self._current = index
        if self._waiting is not None:
            return  # marked when the list is filled
        if not 0 <= index < len(self._items):
            self.tree.clearSelection()
            return
        item = self._items[index]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, STOP_ROLE)
        if isinstance(index, int):
            self.stop_chosen.emit(index)
