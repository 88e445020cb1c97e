#!/usr/bin/python3
"""Reads Q&A Reader's accessible tree over AT-SPI, the way a Linux screen reader does.

Run it through tools/accessibility_check.sh, which provides what it needs: a private
D-Bus session, an accessibility bus, an X server (Xvfb) and the system Python with
pyatspi (Debian's python3-pyatspi; it is not installable into a virtualenv).

It starts the app with a throwaway settings folder and Qt's accessibility bridge
switched on, then, only through AT-SPI:
  1. finds the disclaimer dialog, lists its buttons and presses "I understand";
  2. lists the menu bar, every menu's items and the toolbar buttons (role and name);
  3. finds the document and reads the first characters of its text;
  4. opens the side panel and the find bar through their menu items and lists them;
  5. presses Go > Next answer and listens for the "Answer 1 of 4" announcement;
  6. flags every control without a name.
Prints a plain-text report; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi  # type: ignore[import-not-found]  # system package, see the module docstring
from gi.repository import GLib  # type: ignore[import-not-found]  # ships with pyatspi

Accessible = Any
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item",
    "check menu item", "text", "entry", "tree", "tree table", "list", "combo box",
    "spin button", "slider", "page tab", "tree item", "list item",
}

failures: list[str] = []
lines: list[str] = []


def say(text: str = "") -> None:
    lines.append(text)
    print(text, flush=True)


def check(ok: bool, what: str) -> None:
    say(f"  [{'ok' if ok else 'FAIL'}] {what}")
    if not ok:
        failures.append(what)


def children(node: Accessible) -> Iterator[Accessible]:
    for index in range(node.childCount):
        try:
            child = node.getChildAtIndex(index)
        except Exception:  # a child that vanished while we looked  # noqa: BLE001
            continue
        if child is not None:
            yield child


def walk(node: Accessible, depth: int = 0, limit: int = 14) -> Iterator[tuple[Accessible, int]]:
    yield node, depth
    if depth < limit:
        for child in children(node):
            yield from walk(child, depth + 1, limit)


def find_all(root: Accessible, test: Callable[[Accessible], bool]) -> list[Accessible]:
    return [node for node, _ in walk(root) if safe(lambda n=node: test(n), False)]


def safe(call: Callable[[], Any], default: Any) -> Any:
    try:
        return call()
    except Exception:  # AT-SPI calls fail on objects that just went away  # noqa: BLE001
        return default


def role(node: Accessible) -> str:
    return str(safe(node.getRoleName, "?"))


def showing(node: Accessible) -> bool:
    return bool(safe(lambda: node.getState().contains(pyatspi.STATE_SHOWING), False))


def wait_for(what: str, probe: Callable[[], Any], seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = safe(probe, None)
        if found:
            return found
        pump(0.2)
    raise SystemExit(f"gave up waiting for {what}")


def pump(seconds: float) -> None:
    """Lets pyatspi deliver events for a while."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        context.iteration(False)
        time.sleep(0.02)


def press(node: Accessible) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("press", "click", "activate", "toggle"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    action.doAction(0)


def find_app(names: set[str]) -> Accessible | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if safe(lambda a=app: a.name, "") in names:
            return app
    return None


def menu_entries(top: Accessible) -> list[Accessible]:
    """The items of a menu bar entry (Qt puts the popup menu between the two)."""
    entries: list[Accessible] = []
    for child in children(top):
        if role(child) in ("menu", "popup menu"):
            entries.extend(children(child))
        else:
            entries.append(child)
    return entries


def menu_item(app: Accessible, menu: str, item: str) -> Accessible:
    bar = find_all(app, lambda n: role(n) == "menu bar")[0]
    for top in children(bar):
        if top.name.replace("&", "") == menu:
            for entry in menu_entries(top):
                if entry.name.replace("&", "").rstrip("…") == item:
                    return entry
    raise SystemExit(f"menu item {menu} > {item} not found")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="the Python that has Q&A Reader")
    parser.add_argument("--file", help="the page to open (default: the bundled sample)")
    args = parser.parse_args()

    config = tempfile.mkdtemp(prefix="qa-reader-a11y-")
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
               QT_ACCESSIBILITY="1")
    command = [args.python, "-m", "qa_reader", "--config-dir", config]
    if args.file:
        command.append(args.file)
    app_process = subprocess.Popen(command, env=env)
    try:
        return inspect()
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()


def inspect() -> int:
    app = wait_for("the app on the accessibility bus",
                   lambda: find_app({"qa-reader", "Q&A Reader", "qa_reader"}))
    say(f"application: {app.name!r}, {app.childCount} top-level window(s)")

    say("\n== Disclaimer dialog (first start)")
    dialog = wait_for("the disclaimer dialog", lambda: next(iter(find_all(
        app, lambda n: role(n) == "dialog" and showing(n))), None))
    say(f"  dialog: {dialog.name!r}")
    dialog_buttons = find_all(dialog, lambda n: role(n) == "push button")
    for button in dialog_buttons:
        say(f"  push button: {button.name!r}")
    accept = [b for b in dialog_buttons if b.name.replace("&", "") == "I understand"]
    check(bool(accept), "the dialog has an 'I understand' button")
    texts = find_all(dialog, lambda n: n.name and "disclaimer" in n.name.lower()
                     and role(n) in ("label", "text", "static"))
    check(bool(texts), "the disclaimer text is exposed with a name")
    press(accept[0])
    wait_for("the dialog to close", lambda: not showing(dialog) or dialog.childCount == 0)

    window = wait_for("the main window", lambda: next(iter(find_all(
        app, lambda n: role(n) == "frame" and showing(n))), None))
    say(f"\n== Main window: {window.name!r}")

    say("\n== Menu bar")
    menu_bar = find_all(window, lambda n: role(n) == "menu bar")[0]
    for menu in children(menu_bar):
        popups = [child for child in children(menu) if role(child) in ("menu", "popup menu")]
        for popup in popups:
            check(bool(popup.name), f"the {menu.name!r} menu's popup has a name ({popup.name!r})")
        items = [f"{entry.name}" for entry in menu_entries(menu)
                 if role(entry) != "separator"]
        say(f"  {role(menu)} {menu.name!r}: " + ", ".join(repr(i) for i in items))
        check(all(items), f"every item of the {menu.name!r} menu has a name")

    say("\n== Toolbar")
    toolbars = find_all(window, lambda n: role(n) == "tool bar")
    check(bool(toolbars), "a toolbar is exposed")
    for toolbar in toolbars:
        say(f"  tool bar {toolbar.name!r}")
        for button in children(toolbar):
            if role(button) in ("separator", "filler"):
                continue
            description = safe(lambda b=button: b.description, "")
            state = "" if showing(button) else " (hidden until the toolbar overflows)"
            say(f"    {role(button)}: {button.name!r} — {description!r}{state}")
            check(bool(button.name), f"toolbar {role(button)} {button.name!r} has a name")

    say("\n== Document")
    documents = find_all(window, lambda n: safe(lambda: n.queryText().characterCount, 0) > 200)
    check(bool(documents), "the document's text is exposed through the Text interface")
    if documents:
        doc = documents[0]
        text = doc.queryText()
        first = text.getText(0, 120).replace("\n", " ⏎ ")
        say(f"  {role(doc)} {doc.name!r}, description {safe(lambda: doc.description, '')!r}")
        say(f"  {text.characterCount} characters; begins: {first!r}")
        check(bool(doc.name), "the document has a name")
        caret = text.caretOffset
        say(f"  caret offset: {caret}")

    say("\n== Side panel (View > Side panel, pressed over AT-SPI)")
    press(menu_item(app, "View", "Side panel"))
    tree = wait_for("the side panel", lambda: next(iter(find_all(
        window, lambda n: role(n) in ("tree", "tree table", "list") and showing(n))), None))
    say(f"  {role(tree)} {tree.name!r} — {safe(lambda: tree.description, '')!r}")
    check(bool(tree.name), "the side panel's list has a name")
    for node, depth in walk(tree, 0, 4):
        if role(node) in ("tree item", "list item", "table cell") and node.name:
            say(f"    {'  ' * max(depth - 1, 0)}{role(node)}: {node.name!r}")

    say("\n== Find bar (Edit > Find, pressed over AT-SPI)")
    press(menu_item(app, "Edit", "Find"))
    field = wait_for("the find field", lambda: next(iter(find_all(
        window, lambda n: role(n) in ("text", "entry") and n.name == "Find in page"
        and showing(n))), None))
    bar = field.parent
    for node in children(bar):
        if not showing(node):
            continue
        description = safe(lambda n=node: n.description, "")
        say(f"  {role(node)}: {node.name!r}" + (f" — {description!r}" if description else ""))
        if role(node) in INTERACTIVE_ROLES:
            check(bool(node.name), f"find bar {role(node)} has a name")

    say("\n== Announcement (Go > Next answer, pressed over AT-SPI)")
    heard: list[str] = []

    def on_announcement(event: Any) -> None:
        heard.append(str(event.any_data))

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    press(menu_item(app, "Go", "Next answer"))
    pump(2.0)
    pyatspi.Registry.deregisterEventListener(on_announcement, "object:announcement")
    say(f"  heard: {heard!r}")
    check("Answer 1 of 4" in heard, "moving to an answer is announced as 'Answer 1 of 4'")
    labels = find_all(window, lambda n: role(n) == "label" and n.name == "Answer 1 of 4")
    check(bool(labels), "the status bar shows 'Answer 1 of 4'")

    say("\n== Unnamed controls")
    unnamed = [
        f"{role(node)} under {safe(lambda n=node: n.parent.name, '')!r}"
        for node, _ in walk(window)
        if role(node) in INTERACTIVE_ROLES and showing(node) and not node.name
    ]
    say("  none" if not unnamed else "\n".join(f"  {u}" for u in unnamed))
    check(not unnamed, "every shown control has a name")

    say(f"\n{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
