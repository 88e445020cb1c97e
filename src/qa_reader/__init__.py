"""Q&A Reader: medical question-and-answer pages in large, calm text."""

__version__ = "0.1.0"

APP_NAME = "Q&A Reader"
APP_ID = "org.qareader.QAReader"
ORGANIZATION_NAME = "QAReader"
ORGANIZATION_DOMAIN = "qareader.org"
SETTINGS_APP_NAME = "qa-reader"
