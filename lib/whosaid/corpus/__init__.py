"""What spans articles: one person across articles (persons), typed names (nametypes), the aliases file to override."""
from whosaid.corpus.nametypes import TYPES, name_type, parse_name
from whosaid.corpus.persons import (
    UNATTRIBUTED,
    apply_aliases,
    build_persons,
    name_index,
    person_map,
    read_aliases,
)

__all__ = ["TYPES", "UNATTRIBUTED", "apply_aliases", "build_persons", "name_index", "name_type", "parse_name",
           "person_map", "read_aliases"]
