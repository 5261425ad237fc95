"""Time: the publication date, temporal expressions valued in TimeML, and dated events."""
from whosaid.temporal.events import extract_events
from whosaid.temporal.pubdate import infer_pubdate
from whosaid.temporal.timeml import value_interval
from whosaid.temporal.timexes import find_timexes

__all__ = ["extract_events", "find_timexes", "infer_pubdate", "value_interval"]
