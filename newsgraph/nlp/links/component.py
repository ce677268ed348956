"""The links stage: ties figures to the events they size ("MOBILIZE with 3,000 troops", sizes.py) and
gives each quote the time of the claim it states.

Runs last, when events, quantities, quotes and claims all exist, and changes items those stages made:
``Quantity.event``, ``Event.size``, ``Quote.time`` / ``time_from``. Every rule it applies is named
(rules.py) and appended to the trace of the item it changed; a config can switch any of them off
(``rules_off``) and change the longest dependency path that still ties a figure to a trigger
(``max_path``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Quantity
from newsgraph.nlp import extensions  # noqa: F401  (registers the Doc._ extensions)
from newsgraph.nlp.links.figures import Figures
from newsgraph.nlp.links.paths import MAX_PATH, Paths
from newsgraph.nlp.links.rules import RULES, changed
from newsgraph.nlp.links.sizes import Sizer
from newsgraph.nlp.rules import RuleTable


class LinksComponent:
    def __init__(self, rules_off: Iterable[str] = (), max_path: int = MAX_PATH) -> None:
        self.rules = RULES.switched_off(rules_off)
        self.sizer = Sizer(self.rules, Paths(self.rules, max_path))
        self.figures = Figures(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        self.sizer.link(doc)
        self.figures.describe(doc)
        copy_claim_times_to_quotes(doc, self.rules)
        return doc


def copy_claim_times_to_quotes(doc: Doc, rules: RuleTable = RULES) -> None:
    """Each quote takes the time of the claim it states (``Quote.time`` / ``time_from``): the times stage
    runs before quotes exist, and the claim already holds the governing time of the quoted content."""
    if not rules.on("links.time.claim_to_quote"):
        return
    claims = {c.id: c for c in doc._.claims or []}
    for quote in doc._.quotes or []:
        claim = claims.get(quote.claim) if quote.claim is not None else None
        if claim is not None and quote.time is None:
            quote.time, quote.time_from = claim.time, claim.time_from
            if claim.time is not None or claim.time_from is not None:
                changed(quote, "links.time.claim_to_quote", (claim.start, claim.end))


# The stage with every rule on, for callers outside a pipeline (tests, tools).
DEFAULT = LinksComponent()


def link_quantities(doc: Doc) -> None:
    """Set Quantity.event and Event.size for the figures that size an event (every rule on)."""
    DEFAULT.sizer.link(doc)


def size_kind(q: Quantity) -> str | None:
    """The kind of figure for event_links.tsv (every rule on): its category, "people", "crowd", "other",
    or None for shares, measures and counts of things, which size nothing."""
    kind = DEFAULT.sizer.kind(q)
    return kind[0] if kind is not None else None


def path_length(a: Token, b: Token, across_conjuncts: bool = False) -> int | None:
    """Arcs between two tokens that relate them (every rule on), or None (paths.py)."""
    return DEFAULT.sizer.paths.length(a, b, across_conjuncts)


@Language.factory(
    "newsgraph_links",
    requires=["doc._.events", "doc._.quantities", "doc._.quotes", "doc._.claims", "doc._.places", "doc._.actors"],
    assigns=["doc._.events", "doc._.quantities", "doc._.quotes"],
    default_config={"rules_off": [], "max_path": MAX_PATH},
)
def make_links(nlp: Language, name: str, rules_off: list[str], max_path: int) -> LinksComponent:
    return LinksComponent(rules_off, max_path)
