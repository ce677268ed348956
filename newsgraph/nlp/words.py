"""Word lists more than one stage uses, defined once. A stage's own lists live in its lexicon files."""

from __future__ import annotations

# Possessive endings as spaCy splits them off a name ("Russia's", "Reuters'").
POSSESSIVE = ("'s", "’s", "'", "’")
# Auxiliaries of the future ("wo" is the first half of "won't").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# The dashes that end a dateline: "SEOUL (Reuters) -", "KABUL —", "GLASGOW, Ky. (WBKO) --".
DATELINE_DASHES = frozenset({"—", "–", "-", "--", "_"})
# PLOVER types whose two sides do the same to each other: a meeting, an agreement, cooperation.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
