"""The quotes stage: attributions (source, cue, content) and the claims they carry.

Attributions found, each as content + cue + source (the finders of attributions.find_attributions, each
a group of named rules in rules.py):
- direct quotes: a quoted passage with a cue next to it ("...," Singh said / He said: "..."), carried over
  sentences and paragraphs, and "A," he said, "B." (both parts); a quoted sentence right after an
  attributed one continues it (direct.py, cues.py);
- mixed quotes: quoted fragments inside what a cue verb governs (called the move a "significant escalation");
- indirect speech: a reporting verb's clausal complement (said that ..., warned ..., vowed to ...) or its
  object (accused X of Y, called for X, expressed concern about X) (clauses.py, content.py, objects.py);
- "according to X": the clause it attaches to (according.py);
- parenthetical cues ("The economy, he said, is strong" / "X was planned, officials said");
- reporting nouns with a named holder ("Trump's claim that ...", "the allegation by X that ...") (nouns.py);
- 'citing X', 'made it clear that', impersonal passives and hearsay adverbs (phrases.py);
- a colon after a clause or a name ('Biden released a statement: "..."'), and block quotes (colon.py).
Only the outermost attribution counts: a cue inside another attribution's content is not one.
Each source phrase is resolved to an actor (speakers.py, pronouns.py) with its source chain (chains.py);
each content becomes a Claim with a modality (modality.py); sentences the outlet states on its own with a
figure or a hedge become claims with an empty chain (claims.py).

Every Quote and Claim records the rule that found it and each rule that shaped its content, kind,
source, speaker, chain, modality and time, with the words each used (``newsgraph explain``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.quotes.attributions import find_attributions, resolve_speaker
from newsgraph.nlp.quotes.claims import build_items
from newsgraph.nlp.quotes.context import QuoteContext, Settings
from newsgraph.nlp.quotes.lexicon import QuoteLexicon, load_lexicon
from newsgraph.nlp.quotes.rules import RULES
from newsgraph.nlp.quotes.speakers import SpeakerResolver


class QuotesComponent:
    def __init__(self, rules_off: Iterable[str] = (), settings: Settings | None = None) -> None:
        self.rules = RULES.switched_off(rules_off)
        self.settings = settings or Settings()
        self.lex: QuoteLexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        ctx = QuoteContext(doc, self.lex, self.rules, self.settings)
        attributions = find_attributions(ctx)
        resolver = SpeakerResolver(ctx)
        for att in attributions:
            resolve_speaker(att, resolver)
        doc._.quotes, doc._.claims = build_items(ctx, attributions)
        return doc


@Language.factory(
    "newsgraph_quotes",
    requires=["token.dep", "doc._.actors", "doc._.places", "doc._.times", "doc._.quantities"],
    assigns=["doc._.quotes", "doc._.claims"],
    default_config={"rules_off": [], **{f.name: f.default for f in fields(Settings)}},
)
def make_quotes(
    nlp: Language,
    name: str,
    rules_off: list[str],
    min_direct_words: int,
    tag_window: int,
    after_window: int,
    before_window: int,
    near_window: int,
    source_window: int,
    colon_name_tokens: int,
    continue_gap_words: int,
    orphan_gap_words: int,
    block_min_words: int,
    mixed_coverage: float,
    mixed_single: float,
    mixed_clause: float,
    pronoun_sentences: int,
    title_window: int,
) -> QuotesComponent:
    settings = Settings(
        min_direct_words=min_direct_words, tag_window=tag_window, after_window=after_window,
        before_window=before_window, near_window=near_window, source_window=source_window,
        colon_name_tokens=colon_name_tokens, continue_gap_words=continue_gap_words,
        orphan_gap_words=orphan_gap_words, block_min_words=block_min_words, mixed_coverage=mixed_coverage,
        mixed_single=mixed_single, mixed_clause=mixed_clause, pronoun_sentences=pronoun_sentences,
        title_window=title_window,
    )
    return QuotesComponent(rules_off, settings)
