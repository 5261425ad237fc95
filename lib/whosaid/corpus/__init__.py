"""What spans articles: one person across articles (persons), with the user's aliases file to override merges; one
happening reported by several articles (stories)."""
from whosaid.corpus.persons import UNATTRIBUTED, apply_aliases, name_index, normalise, read_aliases
from whosaid.corpus.stories import MEMBER_COLUMNS, STORY_COLUMNS, build_stories

__all__ = ["MEMBER_COLUMNS", "STORY_COLUMNS", "UNATTRIBUTED", "apply_aliases", "build_stories", "name_index",
           "normalise", "read_aliases"]
