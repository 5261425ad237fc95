"""What spans articles: one person across articles (persons), typed names (nametypes), the aliases file to override
merges; one happening reported by several articles (stories)."""
from whosaid.corpus.nametypes import TYPES, name_type, parse_name
from whosaid.corpus.persons import (
    UNATTRIBUTED,
    apply_aliases,
    build_persons,
    name_index,
    person_map,
    read_aliases,
)
from whosaid.corpus.stories import MEMBER_COLUMNS, STORY_COLUMNS, build_stories

__all__ = ["MEMBER_COLUMNS", "STORY_COLUMNS", "TYPES", "UNATTRIBUTED", "apply_aliases", "build_persons",
           "build_stories", "name_index", "name_type", "parse_name", "person_map", "read_aliases"]
