"""Structure keys, side panel, focus mode, find bar and full screen, wired into the window.

Kept out of main_window.py so the window stays a list of parts: it builds one
`ReadingTools` after its menus and everything here connects itself. The reading
position is shown in the status bar ("Answer 2 of 6") and announced to screen readers
whenever a structure key moves it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..outline import disclaimer_of, next_answer, previous_answer, question_of
from ..preferences import Preferences, PreferencesModel
from .actions import ActionId, Actions
from .announce import announce, name_changed
from .find_bar import FindBar
from .highlight_colours import highlight_colours
from .navigator import Navigator
from .outline_panel import OutlinePanel
from .reader_view import HighlightLayer, ReaderView

STATUS_MESSAGE_MS = 6000


def find_or_add_menu(window: QMainWindow, name: str, title: str, before: str | None) -> QMenu:
    """The menu called `name` (by object name or title), else a new one before `before`.

    Other parts of the app may add to the same Edit/Go menus; looking them up first keeps
    one menu of each kind.
    """
    menu_bar = window.menuBar()
    for action in menu_bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and (menu.objectName() == name or menu.title() == title):
            return menu
    menu = QMenu(title, menu_bar)
    menu.setObjectName(name)
    anchor = None
    for action in menu_bar.actions():
        menu_of = action.menu()
        if before is not None and isinstance(menu_of, QMenu) and menu_of.title() == before:
            anchor = action
            break
    if anchor is None:
        menu_bar.addMenu(menu)
    else:
        menu_bar.insertMenu(anchor, menu)
    return menu


def _menu_after(window: QMainWindow, menu: QMenu) -> str | None:
    """The title of the menu right after `menu` in the menu bar, or None when it is last."""
    actions = window.menuBar().actions()
    for index, action in enumerate(actions[:-1]):
        if action.menu() is menu:
            following = actions[index + 1].menu()
            return following.title() if isinstance(following, QMenu) else None
    return None


class ReadingTools(QObject):
    def __init__(
        self,
        window: QMainWindow,
        actions: Actions,
        view: ReaderView,
        preferences: PreferencesModel,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._view = view
        self._preferences = preferences
        self._focus_mode = preferences.current.focus_mode

        self.navigator = Navigator(view, self)
        self.panel = OutlinePanel(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel)
        self.panel.hide()
        self.find_bar = FindBar(view, actions[ActionId.FIND_PREVIOUS],
                                actions[ActionId.FIND_NEXT], window)
        self._put_find_bar_under_view()
        self.position_label = QLabel(window)
        self.position_label.setObjectName("position_label")
        window.statusBar().insertPermanentWidget(0, self.position_label)

        self._add_to_menus()
        self._connect()
        actions[ActionId.FOCUS_MODE].setChecked(self._focus_mode)
        self._set_tab_order()
        self._name_unnamed_parts()
        window.installEventFilter(self)
        self._on_html_shown()

    # -- building --------------------------------------------------------------------------

    def _put_find_bar_under_view(self) -> None:
        window = self._window
        central = window.takeCentralWidget()
        if central is None:
            raise RuntimeError("the window must have its reader view before the reading tools")
        page = QWidget(window)
        page.setObjectName("page_area")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(central, stretch=1)
        layout.addWidget(self.find_bar)
        window.setCentralWidget(page)

    def _add_to_menus(self) -> None:
        window, actions = self._window, self._actions
        edit = find_or_add_menu(window, "edit_menu", self.tr("&Edit"), self.tr("&View"))
        # Finding comes first; Preferences, if the menu has it already, stays last.
        finding = [actions[i] for i in (ActionId.FIND, ActionId.FIND_NEXT, ActionId.FIND_PREVIOUS)]
        if edit.actions():
            first = edit.actions()[0]
            edit.insertActions(first, finding)
            edit.insertSeparator(first)
        else:
            edit.addActions(finding)
        view_menu = find_or_add_menu(window, "view_menu", self.tr("&View"), self.tr("&Help"))
        view_menu.addSeparator()
        for action_id in (ActionId.SIDE_PANEL, ActionId.FOCUS_MODE, ActionId.FULL_SCREEN):
            view_menu.addAction(actions[action_id])
        # Go sits next to View, before any menu that follows it (Read aloud, Help).
        go = find_or_add_menu(window, "go_menu", self.tr("&Go"), _menu_after(window, view_menu))
        for action_id in (ActionId.GO_QUESTION, ActionId.GO_PREVIOUS_ANSWER,
                          ActionId.GO_NEXT_ANSWER, ActionId.GO_DISCLAIMER):
            go.addAction(actions[action_id])

    def _connect(self) -> None:
        actions = self._actions
        actions[ActionId.GO_NEXT_ANSWER].triggered.connect(self.go_next_answer)
        actions[ActionId.GO_PREVIOUS_ANSWER].triggered.connect(self.go_previous_answer)
        actions[ActionId.GO_QUESTION].triggered.connect(self.go_question)
        actions[ActionId.GO_DISCLAIMER].triggered.connect(self.go_disclaimer)
        actions[ActionId.SIDE_PANEL].toggled.connect(self._show_panel)
        self.panel.toggleViewAction().toggled.connect(actions[ActionId.SIDE_PANEL].setChecked)
        self.panel.stop_chosen.connect(self._go_and_focus_page)
        actions[ActionId.FOCUS_MODE].toggled.connect(
            lambda on: self._preferences.update(focus_mode=on)
        )
        actions[ActionId.FULL_SCREEN].toggled.connect(self._set_full_screen)
        actions[ActionId.FIND].triggered.connect(self.find_bar.open_bar)
        actions[ActionId.FIND_NEXT].triggered.connect(self.find_bar.find_next)
        actions[ActionId.FIND_PREVIOUS].triggered.connect(self.find_bar.find_previous)
        self.find_bar.wrapped.connect(
            lambda message: self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
        )
        self.navigator.current_changed.connect(self._on_current_changed)
        self._view.html_shown.connect(self._on_html_shown)
        self._preferences.changed.connect(self._on_preferences_changed)

    def _set_tab_order(self) -> None:
        """Page → find bar (when open) → read-aloud bar → toolbar buttons → side panel (when
        shown) → page. The two bars under the page come first: they sit next to it."""
        bar = self.find_bar
        chain: list[QWidget] = [self._view, bar.field, bar.previous_button, bar.next_button,
                                bar.match_case, bar.close_button]
        for name in ("read_aloud_toolbar", "main_toolbar"):
            toolbar = self._window.findChild(QToolBar, name)
            if toolbar is not None:
                chain.extend(
                    widget for widget in toolbar.findChildren(QToolButton)
                    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                )
        chain.extend([self.panel.tree, self._view])
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _name_unnamed_parts(self) -> None:
        """Names two parts Qt leaves unnamed for screen readers (seen over AT-SPI).

        A popup menu is named by its window title, which Qt leaves empty; and the toolbar's
        overflow button (shown when the window is too narrow for all buttons) has no text.
        """
        for action in self._window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and not menu.windowTitle():
                menu.setWindowTitle(Actions.accessible_name(action))
        for toolbar in self._window.findChildren(QToolBar):
            overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
            if overflow is not None:
                overflow.setAccessibleName(self.tr("More toolbar buttons"))
                overflow.setToolTip(self.tr("More toolbar buttons"))

    # -- structure keys --------------------------------------------------------------------

    def go_next_answer(self) -> None:
        self._move(next_answer(self.navigator.stops, self.navigator.current),
                   self.tr("There are no more answers after this one."))

    def go_previous_answer(self) -> None:
        self._move(previous_answer(self.navigator.stops, self.navigator.current),
                   self.tr("There is no answer before this one."))

    def go_question(self) -> None:
        self._move(question_of(self.navigator.stops, self.navigator.current),
                   self.tr("This page has no question."))

    def go_disclaimer(self) -> None:
        self._move(disclaimer_of(self.navigator.stops),
                   self.tr("This page has no disclaimer."))

    def _move(self, index: int | None, nothing_there: str) -> None:
        if index is None:
            self._window.statusBar().showMessage(nothing_there, STATUS_MESSAGE_MS)
            announce(self._view, nothing_there)
            return
        self.navigator.go_to(index)
        announce(self._view, self.navigator.position_text())

    def _go_and_focus_page(self, index: int) -> None:
        self.navigator.go_to(index)
        announce(self._view, self.navigator.position_text())
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- following the document ------------------------------------------------------------

    def _on_html_shown(self) -> None:
        document = getattr(self._window, "document", None)
        self.navigator.set_document(document)
        stops = self.navigator.stops
        self.panel.set_stops(stops, self.navigator.labels)
        has_answers = any(stop.answer for stop in stops)
        for action_id in (ActionId.GO_NEXT_ANSWER, ActionId.GO_PREVIOUS_ANSWER):
            self._actions[action_id].setEnabled(has_answers)
        self._actions[ActionId.GO_QUESTION].setEnabled(any(stop.question for stop in stops))
        self._actions[ActionId.GO_DISCLAIMER].setEnabled(disclaimer_of(stops) is not None)
        self._on_current_changed(self.navigator.current if self.navigator.current is not None
                                 else -1)
        self.find_bar.refresh()

    def _on_current_changed(self, index: int) -> None:
        text = self.navigator.position_text()
        self.position_label.setText(text)
        self.position_label.setAccessibleName(text)
        name_changed(self.position_label)
        self.panel.show_current(index)
        self._apply_focus_mode()

    # -- focus mode ------------------------------------------------------------------------

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if preferences.focus_mode != self._focus_mode:
            self._focus_mode = preferences.focus_mode
            self._actions[ActionId.FOCUS_MODE].setChecked(self._focus_mode)
            self._apply_focus_mode()
            state = self.tr("Focus mode on") if self._focus_mode else self.tr("Focus mode off")
            self._window.statusBar().showMessage(state, STATUS_MESSAGE_MS)
            announce(self._view, state)

    def _apply_focus_mode(self) -> None:
        index = self.navigator.current
        if not self._focus_mode or index is None:
            self._view.set_highlights(HighlightLayer.FOCUS_DIM, [])
            return
        start, end = self.navigator.stop_range(index)
        last = self._view.document().characterCount() - 1
        dimmed = QTextCharFormat()
        dimmed.setForeground(highlight_colours().dimmed_text)
        selections: list[QTextEdit.ExtraSelection] = []
        for span_start, span_end in ((0, start), (end, last)):
            if span_end <= span_start:
                continue
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(span_start)
            cursor.setPosition(span_end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = dimmed
            selections.append(selection)
        self._view.set_highlights(HighlightLayer.FOCUS_DIM, selections)

    # -- side panel and full screen --------------------------------------------------------

    def _show_panel(self, shown: bool) -> None:
        if shown == self.panel.isVisible():
            return
        self.panel.setVisible(shown)
        if shown:
            self.panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._window.focusWidget() is None or not self._window.focusWidget().isVisible():
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_full_screen(self, on: bool) -> None:
        window = self._window
        if on == window.isFullScreen():
            return
        window.setWindowState(window.windowState() ^ Qt.WindowState.WindowFullScreen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._window:
            if event.type() == QEvent.Type.WindowStateChange:
                self._actions[ActionId.FULL_SCREEN].setChecked(self._window.isFullScreen())
            elif event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
                ):
                    # Esc first closes the find bar, and only then leaves full screen.
                    if self.find_bar.isVisible():
                        self.find_bar.close_bar()
                        return True
                    if self._window.isFullScreen():
                        self._actions[ActionId.FULL_SCREEN].setChecked(False)
                        return True
        return False

