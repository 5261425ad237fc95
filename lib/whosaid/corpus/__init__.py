"""What spans articles: one person across articles (persons), with the user's aliases file to override merges."""
from whosaid.corpus.persons import UNATTRIBUTED, apply_aliases, name_index, read_aliases

__all__ = ["UNATTRIBUTED", "apply_aliases", "name_index", "read_aliases"]
