"""Why does it say that? For an item of a stored article: its sentence, the rules that fired, and the
evidence each used (``newsgraph explain ARTICLE_ID [ITEM]``).

Items are addressed as the output names them: by id where they have one (``A1`` an actor, ``Q2`` a quote,
``C3`` a claim, ``E4`` an event), else by list and position, as events refer to places and quantities
(``time:0``, ``place:3``, ``quantity:2``, counted from 0).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store.sqlite import Store

# list name in the record -> the word an address uses for it
BY_POSITION = {"times": "time", "places": "place", "quantities": "quantity"}
BY_ID = ("actors", "quotes", "claims", "events")


class NoSuchItem(NewsgraphError):
    pass


@dataclass
class Step:
    rule: str
    what: str | None  # the rule's own description (None for a rule this version no longer has)
    start: int | None
    end: int | None
    evidence: str | None  # the text it used


@dataclass
class Explanation:
    address: str  # "E3", "place:2"
    kind: str  # "events", "places" ...
    summary: str  # the item in words
    start: int | None
    end: int | None
    text: str
    sentence: str | None
    rule: str | None
    steps: list[Step] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "steps": [s.__dict__ for s in self.steps]}


def explain(store: Store, article_id: str, address: str | None = None) -> list[Explanation]:
    """Every item of the article (``address`` None), or the one addressed."""
    record = store.article_record(article_id)
    items = list(_items(record))
    if address is not None:
        items = [(a, k, i) for a, k, i in items if a.lower() == address.strip().lower()]
        if not items:
            known = ", ".join(a for a, _, _ in _items(record))
            raise NoSuchItem(f"no item {address!r} in article {record['id']!r}; its items: {known or 'none'}")
    return [_explanation(record, a, k, i) for a, k, i in items]


def _items(record: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for kind in ("times", "places", "quantities"):
        out += [(f"{BY_POSITION[kind]}:{n}", kind, item) for n, item in enumerate(record.get(kind, []))]
    for kind in BY_ID:
        out += [(str(item["id"]), kind, item) for item in record.get(kind, [])]
    return out


def _explanation(record: dict[str, Any], address: str, kind: str, item: dict[str, Any]) -> Explanation:
    from newsgraph.nlp.pipeline import import_stages
    from newsgraph.nlp.rules import REGISTRY

    import_stages()  # every stage's rule table, for the descriptions
    text = record["text"]
    start, end = _span(item)
    steps = []
    for rule, s, e in item.get("trace") or []:
        described = REGISTRY.get(rule)
        steps.append(Step(rule, described.what if described else None, s, e,
                          text[s:e] if isinstance(s, int) and isinstance(e, int) else None))
    return Explanation(address, kind, summary(kind, item, record), start, end,
                       text[start:end] if start is not None and end is not None else "",
                       _sentence(record, start), item.get("rule"), steps)


def _span(item: dict[str, Any]) -> tuple[int | None, int | None]:
    if "start" in item:
        return item["start"], item["end"]
    mentions = item.get("mentions") or []
    return (mentions[0][0], mentions[0][1]) if mentions else (None, None)


def _sentence(record: dict[str, Any], start: int | None) -> str | None:
    sentences = record.get("sentences") or []
    if start is None or not sentences:
        return None
    i = bisect.bisect_right([s["start"] for s in sentences], start) - 1
    return str(sentences[i]["text"]) if i >= 0 else None


def summary(kind: str, item: dict[str, Any], record: dict[str, Any]) -> str:
    """The item in a few words: "MOBILIZE PRK -> RUS (reported)", "~12000 troops", "Kursk (RUS, admin1)"."""
    names = {a["id"]: a["name"] for a in record.get("actors", [])}
    if kind == "events":
        return (f"{item['type']} {','.join(item.get('source') or []) or '?'} -> "
                f"{','.join(item.get('target') or []) or '?'} ({item['status']})")
    if kind == "quantities":
        high = f"-{item['high']}" if item.get("high") is not None else ""
        bound = "" if item["bound"] == "=" else item["bound"]
        return f"{bound}{item['value']}{high} {item.get('unit') or ''}".strip()
    if kind == "places":
        where = ", ".join(str(x) for x in (item.get("country"), item.get("level")) if x)
        return f"{item['name']} ({where or 'unresolved'})"
    if kind == "times":
        return f"{item['type']} {item['value']}"
    if kind == "actors":
        return f"{item['name']} ({item['kind']}{', ' + item['code'] if item.get('code') else ''})"
    if kind == "quotes":
        return f"{item['kind']} quote by {names.get(item.get('speaker'), 'no one resolved')}"
    return f"{item['modality']} claim by {names.get(item.get('speaker'), 'the outlet')}"
