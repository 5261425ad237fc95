"""Calendar dates written as ISO 8601 days (YYYY-MM-DD): the one parser every part of whosaid uses."""
from __future__ import annotations

import re
from datetime import date

ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def parse_day(value: object) -> date | None:
    """The date of a string that starts with YYYY-MM-DD and names a real day, else None."""
    text = str(value or "").strip()[:10]
    if not ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def is_day(value: object) -> bool:
    """Whether a value is exactly a real calendar day like 2017-08-16."""
    return ISO_DAY.fullmatch(str(value or "")) is not None and parse_day(value) is not None
