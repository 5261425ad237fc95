"""whosaid: who said what and when, from news articles."""

__version__ = "0.1.0"
