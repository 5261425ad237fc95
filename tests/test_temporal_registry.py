"""The valuer registry: every timex rule has a valuer, every valuer values a rule, and no rule has two."""
from __future__ import annotations

import pytest
from whosaid.temporal.rules import RULES
from whosaid.temporal.values import VALUERS, valuer

RULE_NAMES = [name for name, _ in RULES]


def test_rule_names_are_unique():
    assert len(RULE_NAMES) == len(set(RULE_NAMES))


def test_every_rule_has_a_valuer():
    assert [name for name in RULE_NAMES if name not in VALUERS] == []


def test_every_valuer_values_a_rule():
    assert sorted(set(VALUERS) - set(RULE_NAMES)) == []


def test_a_rule_cannot_get_a_second_valuer():
    before = dict(VALUERS)
    with pytest.raises(ValueError, match="already have a valuer"):
        valuer("not-a-rule", "iso")(lambda g, text, a: None)
    assert VALUERS == before  # nothing registered by the refused call
