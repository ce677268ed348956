"""Figure series: one measured thing followed from report to report ("troops of North Korea in Russia":
1,500 → 3,000 → ~10,000 → 11–12,000).

Each stored figure joins at most one series, found by its key (one indexed lookup, so the cost per
article does not grow with the store):

- what is counted, normalised: a category joins its own synonyms (troops = soldiers = forces; deaths =
  killed; "killed", "wounded" and "killed or wounded" stay apart), otherwise the counted noun's head
  through counted.tsv ("infections" = "cases");
- of what kind: a modifier the text gives ("confirmed", "suspected", "civilian");
- whose: the owner's code (PRK), for what an actor sends or holds (troops, police, weapons, money). For
  other things ("US deaths", "Chinese cases") a state's code says where they are, so it is the place;
- where: the country for a country or a loose region of one ("Russia's Far East"), else the place's name
  (in Russia and in Kursk are two series). A figure whose place and owner are not known joins no other
  report's figures: cases here and cases there must not be drawn as one line;
- the kind of measure: a stock, a flow or a total over a period.

A figure that counts nothing named ("surpassed 19"), a share ("52%") or a measure with a unit of
measure ("12 km") follows no series. Each point keeps who gives it (the claim's speaker, else the
outlet), the origin of its claim, its status (occurred, planned, expected, estimated, denied) and the
date it refers to when the text gives one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from newsgraph.model import Extraction, Quantity
from newsgraph.nlp import lexicon
from newsgraph.nlp.links.wording import words as figure_words
from newsgraph.nlp.quantities.lexicon import load_lexicon as quantity_lexicon
from newsgraph.store.figure_places import Where, main_country, own_place, says_where_unnamed, sentence_of, where_unowned
from newsgraph.store.figure_status import checked_false, status_of
from newsgraph.store.origins import outlet_name
from newsgraph.store.timerange import timex_range
from newsgraph.store.values import sql_number
from newsgraph.store.voices import Voice, figure_voice

# Categories whose owner is the actor that sends or holds them; for the others an owner state is a place.
OWNED = frozenset({"troops", "security", "weapons", "money"})
# Units that are shares or measures, not counts of things that can be followed as a series.
NOT_COUNTS = frozenset({"percent", "percentage", "%", "km", "kilometres", "kilometers", "miles", "metres",
                        "meters", "kg", "tonnes", "tons", "hours", "days", "weeks", "months", "years", "minutes"})
# Reports of one count further apart than this, with none between, are two stories (see ``_episode``).
EPISODE_GAP = dt.timedelta(days=120)
TOPIC_MENTIONS = 3  # a cause named this often is what the report is about, not what sets a figure apart
COMBATANTS = "troops"  # the kind of a casualty count of soldiers or fighters
# Groups whose members, counted, are fighters ("gang members"): the troops and fighters of categories.tsv and these.
ARMED_GROUPS = frozenset({"gang", "gangs", "militia", "militias", "group", "groups", "cartel", "cartels"})


@functools.cache
def counted_synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, variants in lexicon.rows("lexicons/series/counted.tsv", columns=2):
        for variant in variants.split():
            out[variant] = canonical
    return out


@dataclass(frozen=True)
class SeriesKey:
    counted: str
    kind: str | None
    owner: str | None
    place: str | None
    place_name: str | None
    measure: str
    scope: str | None = None  # an article's id (or "story-N"): a figure of unknown place is followed there alone

    @property
    def key(self) -> str:
        # (a stock and a total over a period of one thing are one line: "killed since January" and "the toll
        # stands at" are drawn together, and no report follows them apart; what is added, a flow, is its own)
        line = "flow" if self.measure == "flow" else "stock"
        parts = [self.counted, self.kind or "", self.owner or "", self.place or "", line]
        return "|".join(parts + ([f"@{self.scope}"] if self.scope else []))

    def label(self, owner_name: str | None) -> str:
        """"troops of North Korea in Russia", "confirmed cases in China", "killed in Gaza (total)"."""
        words = " ".join(filter(None, [self.kind, self.counted]))
        if self.owner and self.kind == COMBATANTS:
            words = f"{COMBATANTS} of {owner_name or self.owner} {self.counted}"  # "troops of North Korea killed"
        elif self.owner:
            words += f" of {owner_name or self.owner}"
        if self.place_name or self.place:
            words += f" in {self.place_name or self.place}"
        return words + ("" if self.measure == "stock" else f" ({self.measure})")


def counted_of(q: Quantity) -> str | None:
    """What a figure counts, normalised; None for a figure no series follows. Refugees, who crossed a
    border, are followed apart from the displaced within their country, though both are "displaced"."""
    if q.category == "casualties":
        return q.subcategory or "casualties"
    if q.category == "displaced" and counted_synonyms().get((q.unit or "").lower()) == "refugees":
        return "refugees"
    if q.category and q.category != "other":
        return q.category if q.category != "money" else f"money ({q.unit or 'unknown currency'})"
    head = (q.unit or "").lower()
    if not head or head in NOT_COUNTS or not head.isalpha():
        return None
    return counted_synonyms().get(head, head)


def kind_of(q: Quantity) -> str | None:
    """A lowercase modifier of what is counted ("confirmed"), from the owner slot or the counted phrase, when
    it is a kind reports follow apart (kinds.tsv) or says where ("worldwide", "in other countries")."""
    if q.owner and q.owner.islower():
        return q.owner if _followed_apart(q.owner) else None
    if q.category and q.category != "other":
        return None  # a category already says what is counted: "special forces soldiers" are troops
    words = (q.counted or "").split()
    if len(words) >= 2 and words[0].isalpha() and words[0].islower() and words[0] not in _no_kind():
        return _kinds().get(words[0], words[0]) if _followed_apart(words[0]) else None
    return None


@functools.cache
def _kinds() -> dict[str, str]:
    """A word that gives a kind -> the kind ("probable" -> suspected)."""
    return {w: kind for kind, ws in lexicon.rows("lexicons/series/kinds.tsv", columns=2) for w in ws.split()}


def _followed_apart(kind: str) -> bool:
    """ "confirmed", "civilian", "worldwide", "confirmed in other countries": a kind of its own; "aid" (in
    "aid trucks") and "humanitarian" are not."""
    words = kind.split()
    where = _where_words()
    return bool(words) and (words[0] in _kinds() or any(w in where for w in words) or " in " in f" {kind} ")


def _where_words() -> frozenset[str]:
    return figure_words()["where_adverbs"] | figure_words()["where_nouns"]


def _no_kind() -> frozenset[str]:
    return figure_words()["no_kind"] | figure_words()["increment"]


def series_key(q: Quantity, ext: Extraction, main_country: str | None = None) -> SeriesKey | None:
    """The key of the series a figure joins. A figure of things nobody owns whose own words say nowhere is
    in the one country its sentence names, else in ``main_country``, the article's own (see there)."""
    counted = counted_of(q)
    if counted is None:
        return None
    owner = q.owner if q.owner and not q.owner.islower() else None
    place, place_name = own_place(q, ext)
    if q.category not in OWNED and not combatants(q, ext.article.text):
        place, place_name = where_unowned(q, ext, counted, owner, (place, place_name), main_country)
        # (what a person holds: "Sanders' 914"; what an actor pledges: "Japan has promised 3.05 million doses")
        owner = owner if owner and (owner.startswith("PER:") or pledged(q)) else None
    # nowhere known: cases here and cases there must not be drawn as one line, so it stays in its report
    # (or its story: assign_series)
    # (an owner's troops, sent or held, are followed as the owner's wherever the text leaves them)
    scope = ext.article.id if place is None and owner is None and not says_where_unnamed(q) else None
    kind = kind_of(q) or (casualty_kind(q, ext) if q.category == "casualties" else None)
    if kind is None and counted == "people" and q.subcategory:
        kind = q.subcategory  # ("people" living in tents, "people" pulled alive: two counts, links.figure.people_doing)
    return SeriesKey(counted, kind, owner, place, place_name, q.measure or "stock", scope)


def pledged(q: Quantity) -> bool:
    return any(step[0] == "links.figure.owner_pledge" for step in q.trace)


def casualty_kind(q: Quantity, ext: Extraction) -> str | None:
    """Casualties of a cause that is no act of war ("cholera") or of fighters ("300 fighters killed") are
    followed apart from the toll of a war or an attack."""
    cause = cause_of(q, ext)
    if cause is not None:
        return cause
    return COMBATANTS if combatants(q, ext.article.text) else None


def combatants(q: Quantity, text: str = "") -> bool:
    """A count of soldiers or fighters ("300 fighters killed"): they are followed as their side's, as troops
    are, wherever they fell."""
    lex = quantity_lexicon()
    cue = lex.unit_cue(q.unit)
    if cue is not None and cue.category in ("troops", "security"):
        return True
    # ("112 members of armed gangs", "gang members": the members of a fighting group are its fighters)
    if (q.unit or "").lower() not in ("member", "members"):
        return False
    of = re.match(r"\s*members\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", text[q.end: q.end + 60].lower())
    words = _words(q.counted or "") + (_words(of.group(1)) if of else [])
    return any(((c := lex.unit_cue(w)) is not None and c.category in ("troops", "security")) or w in ARMED_GROUPS
               for w in words)


def cause_of(q: Quantity, ext: Extraction) -> str | None:
    """The cause its sentence gives a casualty figure, when it is no act of war: "a cholera outbreak has
    killed 389 people", "deaths from hunger" (causes.tsv); not the cause the whole report is about."""
    sentence = sentence_of(q, ext)
    if sentence is None:
        return None
    # its share of the sentence: from the figure before it to the figure after it ("A cholera outbreak
    # killed 389, and fighting killed 40": cholera is the 389's cause, not the 40's)
    others = [o for o in ext.quantities if o is not q and sentence.start <= o.start < sentence.end]
    start = max([o.end for o in others if o.end <= q.start], default=sentence.start)
    end = min([o.start for o in others if o.start >= q.end], default=sentence.end)
    causes = _causes()
    cause = next((causes[w] for w in _words(ext.article.text[start:end]) if w in causes), None)
    if cause is None or cause in _topic_causes(ext.article.text):
        return None
    return cause


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


@functools.lru_cache(maxsize=8)
def _topic_causes(text: str) -> frozenset[str]:
    """The causes a report is about: named three times or more, or in its opening sentence (not its title,
    which may name the one thing it adds: "WHO warns ... as cholera spreads"); read once per article."""
    causes = _causes()
    named = Counter(causes[w] for w in _words(text) if w in causes)
    lead = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    up_front = {causes[w] for w in _words(lead) if w in causes}
    return frozenset({c for c, n in named.items() if n >= TOPIC_MENTIONS} | up_front)


@functools.cache
def _causes() -> dict[str, str]:
    return {word: canonical for canonical, words in lexicon.rows("lexicons/series/causes.tsv", columns=2)
            for word in words.split()}


def placed_in_report(keys: list[SeriesKey | None]) -> list[SeriesKey | None]:
    """Where and whose the report's own figures say an owner's figure is, when its words leave that out:
    "The Pentagon said at least 3,000 North Korean soldiers had arrived ... 'the DPRK moved at least 3,000
    soldiers into eastern Russia'" (nowhere -> Russia); 'about 10,000 North Korean soldiers ... believed "about
    10,000" troops were in Russia' (nobody's -> North Korea's). Only when the report's other figures of the
    same thing agree on one place (one owner)."""
    places: dict[tuple[str, str | None, str | None, str], set[Where]] = {}
    owners: dict[tuple[str, str | None, str | None, str], set[str]] = {}
    for k in keys:
        if k is not None and k.owner is not None and k.place is not None:
            places.setdefault((k.counted, k.kind, k.owner, k.measure), set()).add((k.place, k.place_name))
            owners.setdefault((k.counted, k.kind, k.place, k.measure), set()).add(k.owner)
    out: list[SeriesKey | None] = []
    for k in keys:
        if k is not None and k.owner is not None and k.place is None:
            found = places.get((k.counted, k.kind, k.owner, k.measure), set())
            if len(found) == 1:
                place, place_name = next(iter(found))
                k = dataclasses.replace(k, place=place, place_name=place_name, scope=None)
        elif k is not None and k.owner is None and k.place is not None and k.counted in OWNED:
            whose = owners.get((k.counted, k.kind, k.place, k.measure), set())
            if len(whose) == 1:
                k = dataclasses.replace(k, owner=next(iter(whose)))
        out.append(k)
    return out


def assign_series(conn: sqlite3.Connection, ext: Extraction, story: int | None = None) -> int:
    """Put each figure of a stored article (its row and its claims' origins written) in its series,
    creating series as needed; returns how many figures joined one. A figure whose report leaves its place
    unsaid is followed in the article's ``story`` (store/stories.py), else in its report alone."""
    row = conn.execute("SELECT outlet FROM articles WHERE id = ?", (ext.article.id,)).fetchone()
    outlet = row[0] if row else None
    claims = {c.id: c for c in ext.claims}
    published = ext.article.published.isoformat() if ext.article.published else None
    shown = outlet_name(outlet, f"{ext.article.title or ''}\n{ext.article.text}") if outlet else None
    joined, country = 0, main_country(ext)
    keys = placed_in_report([series_key(q, ext, country) for q in ext.quantities])
    for idx, q in enumerate(ext.quantities):
        key = keys[idx]
        if key is None:
            continue
        if story is not None and key.scope is not None and not key.counted.startswith("money") \
                and q.category != "casualties":
            # (money has no place that sets it apart: what it pays for does, and a story has many deals; a toll
            # left unplaced is of the report's own event, "four died when the dinghy sank", not the story's)
            key = dataclasses.replace(key, scope=f"story-{story}")
        claim = claims.get(q.claim) if q.claim else None
        voice = figure_voice(conn, ext, q, claim, outlet, shown)
        time = claim.time if claim is not None and claim.time_from == "text" else None
        span = timex_range(time)
        series_id, new_source, new_origin = _series_for(conn, key, voice, published)
        conn.execute(
            "INSERT INTO series_points (series_id, article_id, idx, value, high, bound, status, source, source_key, "
            "origin, origin_key, chain, outlet, published, time, time_start, time_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (series_id, ext.article.id, idx, sql_number(q.value), sql_number(q.high), q.bound,
             "denied" if checked_false(ext.article.text, q.start) else status_of(q, claim, sentence_of(q, ext)),
             voice.source, voice.source_key, voice.origin, voice.origin_key,
             json.dumps(voice.chain, ensure_ascii=False), outlet, published, time,
             span[0].isoformat() if span else None, span[1].isoformat() if span else None))
        conn.execute(
            "UPDATE series SET points = points + 1, sources = sources + ?, origins = origins + ?, "
            "first_published = min(coalesce(first_published, ?), ?), "
            "last_published = max(coalesce(last_published, ?), ?) WHERE id = ?",
            (new_source, new_origin, published, published, published, published, series_id))
        joined += 1
    return joined


def _series_for(conn: sqlite3.Connection, key: SeriesKey, voice: Voice, published: str | None
                ) -> tuple[int, int, int]:
    """The series' id, and whether this point brings it a new source and a new origin (each 0 or 1)."""
    series_id = _episode(conn, key.key, published)
    if series_id is None:
        episodes = int(conn.execute("SELECT count(*) FROM series WHERE base_key = ?", (key.key,)).fetchone()[0])
        label = _label(conn, key) + (f" (from {published[:7]})" if episodes and published else "")
        cursor = conn.execute(
            "INSERT INTO series (key, base_key, label, counted, owner, place, measure) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key.key if not episodes else f"{key.key}#{episodes + 1}", key.key, label,
             " ".join(filter(None, [key.kind, key.counted])), key.owner, key.place_name or key.place, key.measure))
        return int(cursor.lastrowid or 0), 1, 1
    new_source = conn.execute("SELECT 1 FROM series_points WHERE series_id = ? AND source_key = ? LIMIT 1",
                              (series_id, voice.source_key)).fetchone() is None
    new_origin = conn.execute("SELECT 1 FROM series_points WHERE series_id = ? AND origin_key = ? LIMIT 1",
                              (series_id, voice.origin_key)).fetchone() is None
    return series_id, int(new_source), int(new_origin)


def _episode(conn: sqlite3.Connection, base_key: str, published: str | None) -> int | None:
    """The series of this key whose reports run to within ``EPISODE_GAP`` of this one's date (120 days: a
    crisis may go unreported for a season, "360,000 displaced" in March and "580,000" in June). The same
    count in a country a year later ("killed in the United States") is another story, not the next point."""
    rows = conn.execute("SELECT id, first_published, last_published FROM series WHERE base_key = ? "
                        "ORDER BY id DESC LIMIT 8", (base_key,)).fetchall()
    if not published:
        return int(rows[0][0]) if rows else None
    day = dt.date.fromisoformat(published)
    for series_id, first, last in rows:
        if first is None or last is None:
            return int(series_id)
        if dt.date.fromisoformat(first) - EPISODE_GAP <= day <= dt.date.fromisoformat(last) + EPISODE_GAP:
            return int(series_id)
    return None


def _label(conn: sqlite3.Connection, key: SeriesKey) -> str:
    owner_name = _actor_name(conn, key.owner) if key.owner else None
    if key.place and not key.place_name:
        key = SeriesKey(key.counted, key.kind, key.owner, key.place, _actor_name(conn, key.place) or key.place,
                        key.measure)
    return key.label(owner_name)


def _actor_name(conn: sqlite3.Connection, code: str) -> str | None:
    row = conn.execute("SELECT name FROM actors WHERE code = ? ORDER BY kind = 'state' DESC LIMIT 1",
                       (code,)).fetchone()
    return str(row[0]) if row else None
