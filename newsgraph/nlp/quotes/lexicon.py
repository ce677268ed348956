"""The word lists the quotes stage reads, loaded once from newsgraph/resources/lexicons/."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.nlp import lexicon


def _rows(name: str) -> list[list[str]]:
    """Rows split on runs of spaces (a phrase's words are joined back by the caller)."""
    return lexicon.rows(f"lexicons/quotes/{name}", sep=None)


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    modality: str
    needs_that: bool = False
    takes_xcomp: bool = False
    takes_fragment: bool = False
    direct_only: bool = False  # a cue only next to a direct quote ('"...," Graham continued')
    takes_object: bool = False  # 'accused X of Y', 'blamed X for Y': the object and its phrase are content
    takes_np: bool = False  # 'announced his resignation': a noun-phrase object alone is content


@dataclass
class QuoteLexicon:
    verbs: dict[str, VerbCue] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)  # one word -> modality
    hedge_phrases: dict[tuple[str, str], str] = field(default_factory=dict)  # two words -> modality
    classes: dict[str, set[str]] = field(default_factory=dict)  # word -> {document, person, ...}

    def is_class(self, word: str, cls: str) -> bool:
        return cls in self.classes.get(word.lower(), ())

    def classes_of(self, cls: str) -> list[str]:
        """The words of one class."""
        return [w for w, classes in self.classes.items() if cls in classes]


@functools.cache
def load_lexicon() -> QuoteLexicon:
    lex = QuoteLexicon()
    for row in _rows("reporting_verbs.tsv"):
        lemma, modality = row[0], row[1]
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        lex.verbs[lemma] = VerbCue(
            lemma, modality, "that" in flags, "xcomp" in flags, "frag" in flags, "direct" in flags, "obj" in flags,
            "nobj" in flags,
        )
    for row in _rows("hedges.tsv"):
        *words, modality = row
        if len(words) == 1:
            lex.hedges[words[0]] = modality
        elif len(words) == 2:
            lex.hedge_phrases[(words[0], words[1])] = modality
    for row in _rows("attribution_cues.tsv"):
        lex.classes.setdefault(row[0].lower(), set()).add(row[1])
    return lex
