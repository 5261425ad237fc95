"""What spans articles: one person across articles (persons), typed names (nametypes), the aliases file to override
merges; one happening reported by several articles (stories); one quotation carried by several articles (paths)."""
from whosaid.corpus.nametypes import TYPES, name_type, parse_name
from whosaid.corpus.paths import PATH_COLUMNS, QUOTE_PATH_COLUMNS, build_paths
from whosaid.corpus.persons import (
    UNATTRIBUTED,
    apply_aliases,
    build_persons,
    name_index,
    person_map,
    read_aliases,
)
from whosaid.corpus.stories import MEMBER_COLUMNS, STORY_COLUMNS, build_stories

__all__ = ["MEMBER_COLUMNS", "PATH_COLUMNS", "QUOTE_PATH_COLUMNS", "STORY_COLUMNS", "TYPES", "UNATTRIBUTED",
           "apply_aliases", "build_paths", "build_persons", "build_stories", "name_index", "name_type", "parse_name", "person_map", "read_aliases"]
