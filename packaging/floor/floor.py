"""The size floor: the least PySide6 program like ours, a QTextBrowser window.

Built by packaging/floor/floor.spec with the app's own bundle options, so the
difference between the two bundles is what the app itself adds (see docs/performance.md).
With --self-test it shows the window, waits for the first paint and prints "ok".
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

app = QApplication(sys.argv)
browser = QTextBrowser()
browser.setHtml("<h1>Question</h1><p>Answer.</p>")
browser.show()
if "--self-test" in sys.argv:
    QTimer.singleShot(0, app.quit)
    app.exec()
    print("ok")
    sys.exit(0)
sys.exit(app.exec())
