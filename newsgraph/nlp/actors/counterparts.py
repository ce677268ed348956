"""The counterparts someone meets (actors.affiliation.counterpart).

"X met his Chinese counterpart, Wang Yi": the people named as X's counterparts are of the country the
cue names, and only they are. Issue 14 replaced a rule written for one sentence of the founding article,
which gave every titled name in the two sentences after "their South Korean counterparts" that country
(so after "Blinken met his Chinese counterparts", Lloyd Austin became Chinese). Now a person takes a
cue's country only when they are the counterparts themselves:

- named right after the cue word: "his Chinese counterpart Wang Yi", "her Indonesian counterpart,
  Foreign Minister Retno Marsudi"; with several countries, in their order: "his Greek, Cypriot and French
  counterparts, Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian";
- or titled, and coordinated in the sentences that follow with one of the people whose counterparts they
  are (the persons named before the cue in its sentence), holding an office with a portfolio in common
  with that person's (portfolios.tsv): "Austin and Blinken will meet their South Korean counterparts ...
  Austin and Defense Minister Kim will discuss": Kim holds defense, as Austin does.

The people named before the cue, and their colleagues ("Blinken met his Chinese counterparts ... Blinken
and Defense Secretary Lloyd Austin flew home": Austin's office is not Blinken's) never take its country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from newsgraph.nlp.actors.candidates import Cand, Context, PersonIndex, TitleInfo
from newsgraph.nlp.words import POSSESSIVE

Found = tuple[str, tuple[int, int]]  # a code and its evidence


@dataclass(frozen=True)
class Cue:
    """"their South Korean counterparts": the countries of the counterparts (in the order written, each with
    its span), the cue word, the names listed right after it (token -> their place in the list), the first
    token of the countries and the first token of the sentence."""

    countries: tuple[Found, ...]
    token: int
    named: dict[int, int]
    first: int
    sent_start: int


class Counterparts:
    """The "counterpart(s)" cues of one document, and whom each names."""

    def __init__(self, ctx: Context, persons: PersonIndex) -> None:
        self.ctx = ctx
        self.persons = persons
        self.cues = self._cues() if ctx.on("actors.affiliation.counterpart") else []
        self.by_name_token = {i: cue for cue in self.cues for i in cue.named}
        self._sent_number: dict[int, int] = {}

    def _cues(self) -> list[Cue]:
        out: list[Cue] = []
        if "counterpart" not in self.ctx.text.lower():
            return out  # (most articles: no token to look at)
        for tok in self.ctx.doc:
            if tok.lemma_.lower() == "counterpart":
                countries = self._countries_before(tok.i)
                if not countries:
                    continue
                # the evidence: "South Korean counterparts"; with several countries, each its own ("French")
                found = tuple((c.code or "", (c.start, c.end)) for c in countries) if len(countries) > 1 \
                    else ((countries[0].code or "", (countries[0].start, tok.idx + len(tok.text))),)
                out.append(Cue(found, tok.i, self._names_after(tok.i), countries[0].tokens[0], tok.sent.start))
        return out

    def _countries_before(self, i: int) -> list[Cand]:
        """The states written before the cue word, in order: "South Korean", "Greek, Cypriot and French"
        (two lower-case words may stand between: "Chinese defence counterpart")."""
        doc, by_tok = self.ctx.doc, self.ctx.by_tok
        sent_start = doc[i].sent.start
        j = i - 1
        while j >= sent_start and i - j <= 2 and j not in by_tok and doc[j].is_alpha and doc[j].is_lower:
            j -= 1
        found: list[Cand] = []
        while j >= sent_start:
            c = by_tok.get(j)
            if c is not None and c.kind == "state" and c.code:
                found.insert(0, c)
                j = c.tokens[0] - 1
            elif found and doc[j].lower_ in (",", "and"):
                j -= 1
            else:
                break
        return found

    def _names_after(self, i: int) -> dict[int, int]:
        """The names listed right after the cue word, a title before each allowed ("counterpart, Foreign
        Minister Wang Yi"): every token of the k-th name -> k."""
        doc, ent_at, title_words = self.ctx.doc, self.ctx.ent_at, self.ctx.lex.title_words
        out: dict[int, int] = {}
        k, j = 0, i + 1
        while j < len(doc):
            while j < len(doc) and doc[j].lower_ in (",", "and"):
                j += 1
            while j < len(doc) and doc[j].lower_ in title_words and doc[j].ent_type_ != "PERSON":
                j += 1
            ent = ent_at.get(j)
            if j >= len(doc) or ent is None or ent.label_ != "PERSON":
                break
            out.update({t: k for t in range(ent.start, ent.end)})
            k, j = k + 1, ent.end
        return out

    def of(self, span: Span, info: TitleInfo) -> Found | None:
        """The country of the counterparts ``span`` names, with the cue as evidence."""
        if not self.cues:
            return None
        cue = self.by_name_token.get(span.start)
        if cue is not None:
            k, n = cue.named[span.start], len(set(cue.named.values()))
            if len(cue.countries) == 1:
                return cue.countries[0]
            return cue.countries[k] if len(cue.countries) == n else None
        if info.role_text is None:
            return None
        return self._colleague_of_holder(span, info)

    def _colleague_of_holder(self, span: Span, info: TitleInfo) -> Found | None:
        first = info.start_tok if info.start_tok is not None else span.start
        partner = self._coordinated_name(span, first)
        if partner is None:
            return None
        mine = self._portfolios(info.words)
        for cue in reversed(self.cues):
            if cue.token >= span.start or len(cue.countries) != 1:
                continue
            if self._distance(cue, span) > self.ctx.settings.counterpart_sentences:
                break
            holders = self._holders(cue)
            if self.ctx.surname_key(span[-1].text) not in holders and mine & holders.get(partner, set()):
                return cue.countries[0]
        return None

    def _holders(self, cue: Cue) -> dict[str, set[str]]:
        """The people named before the cue in its sentence, by surname: the portfolios of their offices."""
        out: dict[str, set[str]] = {}
        for c in self.persons.in_sentence(cue.sent_start):
            if c.kind == "person" and c.tokens[1] <= cue.first:
                words = c.role_text.lower().split() if c.role_text else []
                out.setdefault(self.ctx.surname_key(c.name.split()[-1]), set()).update(self._portfolios(words))
        return out

    def _portfolios(self, words: list[str]) -> set[str]:
        return {self.ctx.words.portfolios[w] for w in words if w in self.ctx.words.portfolios}

    def _distance(self, cue: Cue, span: Span) -> int:
        """How many sentences after the cue's the name's is."""
        if not self._sent_number:
            self._sent_number = {s.start: n for n, s in enumerate(self.ctx.doc.sents)}
        return self._sent_number[span.sent.start] - self._sent_number[cue.sent_start]

    def _coordinated_name(self, span: Span, first: int) -> str | None:
        """The surname of a name joined to this titled name by "and", before or after it ("Austin and
        Defense Minister Kim", "Defense Minister Kim and Austin")."""
        doc = self.ctx.doc
        if first >= 2 and doc[first - 1].lower_ == "and" and doc[first - 2].text[:1].isupper():
            return self.ctx.surname_key(doc[first - 2].text)
        end = span.end + (span.end < len(doc) and doc[span.end].text in POSSESSIVE)
        if end < len(doc) and doc[end].lower_ == "and":
            i = end + 1
            while i < len(doc) and i - end <= 4 and doc[i].is_alpha and doc[i].text[:1].isupper():
                i += 1
            if i - 1 > end:
                return self.ctx.surname_key(doc[i - 1].text)
        return None
