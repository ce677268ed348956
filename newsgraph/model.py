"""The data model: one article in, one Extraction out.

Every extracted item carries ``start``/``end``: Python str indices into the article text exactly as
it was given, so ``article.text[item.start:item.end]`` is what the item is about, and ``text`` holds
that same string for readers who do not have the article at hand.

Unknown is a value: a place without coordinates has ``lat=None``, a quote without a resolvable
speaker has ``speaker=None``; nothing is filled with a default that looks like knowledge.

``Extraction.to_json()`` is the output of ``newsgraph extract`` (see docs/schema.md); it is a
superset of the evaluation contract. Bump ``SCHEMA_VERSION`` whenever a field changes meaning or
disappears; adding a field is a minor bump.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.4"

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Bound = Literal["=", ">", ">=", "<", "<=", "~"]
ActorKind = Literal["person", "organization", "state", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["occurred", "planned", "expected", "hypothetical", "negated", "reported"]
Modality = Literal["confirmed", "asserted", "reported", "hedged", "expected", "negated", "hypothetical"]
PlaceLevel = Literal["country", "admin1", "admin2", "city", "site", "region"]
SpanPair = tuple[int, int]


def text_sha1(text: str) -> str:
    """The identity of an article's text: the store keeps one article per digest."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """An article as read from its source, before any NLP."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from: "file.jsonl:7", "page.html"


@dataclass
class Time:
    """A TIMEX3 time expression."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str  # TIMEX3 value: "2024-10-28", "2024-W43", "P3W", "PAST_REF", "XXXX-10-28" ...
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, START, END, APPROX ...
    anchor: str | None = None  # what the value was resolved against: "published", "narrative", None
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str  # canonical name: "Kursk Oblast"
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    level: PlaceLevel | None = None  # precision of the coordinates
    admin1: str | None = None
    stands_for: str | None = None  # ISO3 of the government a capital's name stands for ("Moscow said")
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    bound: Bound
    unit: str | None  # unit of measure, or the head of the counted noun ("troops")
    high: float | None = None  # upper end of a range ("10,000-12,000")
    counted: str | None = None  # the counted phrase: "Russian soldiers"
    category: str | None = None  # troops, security (police), casualties, displaced, arrests, weapons, money, other
    # killed, wounded, killed-or-wounded, missing, captured ...; for people counted by no more than that, what
    # they do or undergo ("live", "pull": links.figure.people_doing)
    subcategory: str | None = None
    claim: str | None = None  # id of the claim it is stated in
    event: str | None = None  # id of the event it sizes
    status: str | None = None  # "expected" for figures stated as future
    owner: str | None = None  # whose, or of what kind: an actor code ("PRK") or a modifier ("confirmed")
    place: int | None = None  # index into Extraction.places: where the counted things are ("in Kursk")
    measure: str | None = None  # "stock" (10,000 are there), "flow" (another 1,500; 92 a day), "total" (over a period)
    source: str | None = None  # actor id of who reports the figure itself: "the WHO reported 1,051,635 cases"
    time: int | None = None  # index into Extraction.times: the DURATION this figure also is ("15 years": P15Y)
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Mention:
    start: int
    end: int
    text: str
    form: str | None = None  # how the actor is named: "name", "surname", "demonym", "seat"


@dataclass
class Actor:
    """A participant: a person, an organization, a state (as a government) or a group."""

    id: str  # article-local id: "A1", "A2" ...
    name: str
    kind: ActorKind
    code: str | None = None  # ISO3 for a state, an IGO code (NATO, UN, EU ...); named others: "PER:ASKAR_AKAYEV"
    country: str | None = None  # ISO3 the actor belongs to
    affiliation: str | None = None  # code of the state or body a person or agency acts for
    role: str | None = None  # "Secretary General", "spokeswoman"
    mentions: list[Mention] = field(default_factory=list)
    anonymous: bool = False  # "officials who spoke on condition of anonymity"
    role_text: str | None = None  # the role as written ("chief") when ``role`` is its canonical office
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class SourceLink:
    """One link of a claim's source chain: the text naming a source, and the actor it resolves to."""

    start: int
    end: int
    text: str
    actor: str | None = None  # actor id
    relation: str = "said"  # "said" for the immediate source, "origin" / "briefed_by" further up


@dataclass
class Quote:
    """An attribution: content, cue and source (who says it)."""

    id: str
    start: int  # the content span
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None  # actor id, None when no speaker can be resolved
    source: SpanPair | None  # span naming who says it, as written there
    cue: SpanPair | None  # the reporting word(s): said, according to, warned ...
    claim: str | None = None
    time: str | None = None  # TIMEX3 value of the time governing its claim (copied from the claim)
    time_from: str | None = None  # "text" or "published", as on the claim
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Claim:
    """A proposition with its source chain and how sure the text is of it."""

    id: str
    start: int
    end: int
    text: str
    modality: Modality
    chain: list[SourceLink] = field(default_factory=list)  # immediate source first, origin last
    speaker: str | None = None  # actor id of the immediate source; None for the outlet itself
    time: str | None = None  # TIMEX3 value of the time governing it
    time_from: str | None = None  # "text" or "published"
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Event:
    """A PLOVER event with its participants, evidence span and status."""

    id: str
    type: str  # PLOVER: AGREE, CONSULT, ... ASSAULT
    start: int  # evidence span
    end: int
    text: str
    status: EventStatus
    mode: str | None = None
    source: list[str] = field(default_factory=list)  # actor codes
    target: list[str] = field(default_factory=list)
    source_actors: list[str] = field(default_factory=list)  # actor ids
    target_actors: list[str] = field(default_factory=list)
    trigger: SpanPair | None = None
    place: int | None = None  # index into Extraction.places
    time: str | None = None  # TIMEX3 value
    time_from: str | None = None  # "text" or "published"
    claim: str | None = None
    context: str | None = None
    size: list[int] = field(default_factory=list)  # indices into Extraction.quantities: how many, how much
    # every statement of this one event in the article, [[start, end], ...] (evidence spans, in text order);
    # start/end above is the most specific of them
    mentions: list[list[int]] = field(default_factory=list)
    rule: str | None = None  # the named rule that produced it (newsgraph.nlp.rules; `newsgraph explain`)
    trace: list[list[str | int | None]] = field(default_factory=list)  # [rule, start, end] of every rule that fired


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON record written by ``newsgraph extract`` (the contract plus our own fields)."""
        a = self.article
        out: dict[str, Any] = {
            "id": a.id,
            "schema_version": SCHEMA_VERSION,
            "title": a.title,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
        }
        for name in ITEM_LISTS:
            out[name] = [_plain(item) for item in getattr(self, name)]
        return out

    def problems(self) -> list[str]:
        """What breaks the output's promises, if anything: a span outside the text or whose ``text`` is
        not ``text[start:end]``, or a number that is not finite. Empty for every good extraction; the
        pipeline refuses to emit or store one that is not."""
        text, out = self.article.text, []
        for name in ITEM_LISTS:
            for i, item in enumerate(getattr(self, name)):
                where = f"{name}[{i}]"
                for start, end, said in _spans_of(item):
                    if not (0 <= start <= end <= len(text)) or (said is not None and text[start:end] != said):
                        out.append(f"{where}: span {start}-{end} does not match the text")
                if not _finite(dataclasses.asdict(item)):
                    out.append(f"{where}: a number that is not finite")
        return out

    @classmethod
    def from_json(cls, record: dict[str, Any], text: str) -> Extraction:
        """Rebuild an Extraction from ``to_json`` output and the article text it was made from."""
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        article = Article(record["id"], text, published, record.get("title"), record.get("url"))
        ext = cls(article)
        for name, kind in ITEM_TYPES.items():
            setattr(ext, name, [_rebuild(kind, row) for row in record.get(name, [])])
        return ext


ITEM_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "times": Time,
    "places": Place,
    "quantities": Quantity,
    "actors": Actor,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
}
ITEM_LISTS = tuple(ITEM_TYPES)
_SPAN_PAIR_FIELDS: dict[type, tuple[str, ...]] = {Quote: ("source", "cue"), Event: ("trigger",)}


def _spans_of(item: Any) -> Iterator[tuple[int, int, str | None]]:
    """Every (start, end, the text it claims to cover or None) an item holds."""
    if not isinstance(item, Actor):  # an actor is only its mentions
        yield item.start, item.end, item.text
    for key in _SPAN_PAIR_FIELDS.get(type(item), ()):
        pair = getattr(item, key)
        if pair is not None:
            yield pair[0], pair[1], None
    for m in getattr(item, "mentions", None) or ():
        yield (m.start, m.end, m.text) if isinstance(m, Mention) else (m[0], m[1], None)
    for link in getattr(item, "chain", None) or ():
        yield link.start, link.end, link.text
    for _rule, start, end in getattr(item, "trace", None) or ():  # the evidence each rule used
        if isinstance(start, int) and isinstance(end, int):
            yield start, end, None


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_finite(v) for v in value)
    return True


def _plain(item: Any) -> dict[str, Any]:
    """A dataclass as JSON-ready data; the Actor's mentions become ``[[start, end], ...]`` per the contract."""
    data = dataclasses.asdict(item)
    if isinstance(item, Actor):
        data["mentions"] = [[m.start, m.end] for m in item.mentions]
        data["mention_texts"] = [m.text for m in item.mentions]
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


def _rebuild(kind: type, row: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(kind)}
    data = {k: v for k, v in row.items() if k in names}
    if kind is Actor:
        texts = row.get("mention_texts") or [""] * len(row.get("mentions", []))
        data["mentions"] = [Mention(s, e, t) for (s, e), t in zip(row.get("mentions", []), texts, strict=False)]
    if kind is Claim:
        data["chain"] = [SourceLink(**link) for link in row.get("chain", [])]
    for key in _SPAN_PAIR_FIELDS.get(kind, ()):
        if isinstance(data.get(key), list):
            data[key] = tuple(data[key])
    return kind(**data)
