"""The word lists the quotes stage reads, loaded once from newsgraph/resources/lexicons/quotes/.

- reporting_verbs.tsv: the cue verbs, what each says of its content, and how it takes it (flags);
- hedges.tsv: words and two-word phrases that hedge a content (modality);
- attribution_cues.tsv: other words in classes (documents, persons, institutions, noun cues, ...);
- function_words.tsv: subordinators, pronouns and prepositions read as signs of structure, in classes;
- phrasal_cues.tsv: cue verbs whose preposition belongs to them ('called for', 'warned of');
- reporting_nouns.tsv: what a reporting noun says of its content ('the claim that': hedged).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.nlp import lexicon


def _rows(name: str, columns: int | tuple[int, int]) -> list[list[str]]:
    return lexicon.rows(f"lexicons/quotes/{name}", columns=columns)


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
    asks: bool = False  # 'asked whom they would support': its clause may be an open question


@dataclass
class QuoteLexicon:
    verbs: dict[str, VerbCue] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)  # one word -> modality
    hedge_phrases: dict[tuple[str, str], str] = field(default_factory=dict)  # two words -> modality
    classes: dict[str, set[str]] = field(default_factory=dict)  # word -> {document, person, ...}
    phrasal: frozenset[tuple[str, str]] = frozenset()  # (verb lemma, preposition): 'called for'
    noun_modality: dict[str, str] = field(default_factory=dict)  # reporting noun lemma -> modality

    def is_class(self, word: str, cls: str) -> bool:
        """The word, in lower case, is in the class."""
        return cls in self.classes.get(word.lower(), ())

    def listed(self, word: str, cls: str) -> bool:
        """The word exactly as given (a lemma, a ``lower_``) is in the class: the lists are lower case, so
        a capitalised lemma ('Post', a name) is not."""
        return cls in self.classes.get(word, ())

    def classes_of(self, cls: str) -> list[str]:
        """The words of one class."""
        return [w for w, classes in self.classes.items() if cls in classes]


@functools.cache
def load_lexicon() -> QuoteLexicon:
    lex = QuoteLexicon()
    for row in _rows("reporting_verbs.tsv", (2, 3)):
        lemma, modality = row[0], row[1]
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        lex.verbs[lemma] = VerbCue(
            lemma, modality, "that" in flags, "xcomp" in flags, "frag" in flags, "direct" in flags, "obj" in flags,
            "nobj" in flags, "question" in flags,
        )
    for phrase, modality in _rows("hedges.tsv", 2):
        words = phrase.split()
        if len(words) == 1:
            lex.hedges[words[0]] = modality
        elif len(words) == 2:
            lex.hedge_phrases[(words[0], words[1])] = modality
    for name in ("attribution_cues.tsv", "function_words.tsv"):
        for word, cls in _rows(name, 2):
            lex.classes.setdefault(word.lower(), set()).add(cls)
    lex.phrasal = frozenset((verb, prep) for verb, prep in _rows("phrasal_cues.tsv", 2))
    lex.noun_modality = {noun: modality for noun, modality in _rows("reporting_nouns.tsv", 2)}
    return lex
