"""The status of a point of a series (newsgraph/store/series.py): occurred, planned, expected, estimated or
denied, from the figure's own words, its claim, its sentence and, for a fact-check, the verdict.
"""

from __future__ import annotations

import re

from newsgraph.model import Claim, Quantity, Sentence

ESTIMATE_WORDS = re.compile(r"\b(estimat\w*|believe[ds]?|thought to|projected|projection)\b", re.I)
# A figure said to be believed, a passive with no believer: "Some 750 people are believed to have been killed".
PASSIVE_BELIEF = re.compile(r"^\s*(?:[\w-]+\s+){0,4}(?:are|is|were|was|have been|has been)\s+(?:now\s+)?"
                            r"(?:believed|thought|estimated|feared|presumed|understood)\s+to\b", re.I)
# A figure stated in a sentence that calls it false is denied ("called the figure 'a fabrication'").
DENIAL_WORDS = re.compile(r"\b(den(?:y|ies|ied|ial)|reject\w*|dismiss\w*|refut\w*|fabricat\w*|false|untrue|"
                          r"lies?|baseless|groundless|incorrectly|erroneously|wrongly|wrong|misleading|inaccurate|"
                          r"exaggerated|inflated|overstated|"
                          r"(?:an )?earlier version of this (?:article|story|report))\b", re.I)
# A fact-check: the claim it checks, in a paragraph of its own, and a verdict that the claim is false.
CHECKED_CLAIM = re.compile(r"(?:^|\n)[ \t]*(?:the\s+)?claim[ \t]*:", re.I)
FALSE_VERDICT = re.compile(r"(?:^|\n)[ \t]*(?:verdict|rating|our\s+ruling|ruling|conclusion)[ \t]*:[ \t]*(?:mostly\s+)?"
                           r"(?:false|wrong|incorrect|misleading|fake|untrue)\b|\brates?\s+(?:the|this)\s+claim\s+"
                           r"(?:as\s+)?(?:mostly\s+)?false\b", re.I)


def checked_false(text: str, position: int) -> bool:
    """Whether a figure stands in the claim a fact-check rates false ("CLAIM: ... 10,000 Rohingya have landed
    ... VERDICT: False."): the paragraph opening with "Claim:", in a text with a false verdict."""
    start = text.rfind("\n", 0, position) + 1
    return CHECKED_CLAIM.match(text, start) is not None and FALSE_VERDICT.search(text) is not None


def status_of(q: Quantity, claim: Claim | None, sentence: Sentence | None = None) -> str:
    """Planned or expected as the figure's words say; denied when its sentence calls it false; estimated
    when its claim, or the report around it ("We estimate that ..."), says it is an estimate ("about" alone
    is a round figure, not an estimate); else occurred."""
    if q.status in ("planned", "expected"):
        return q.status
    text = sentence.text if sentence is not None else ""
    if DENIAL_WORDS.search(text) or (claim is not None and DENIAL_WORDS.search(claim.text)):
        return "denied"
    done = any(step[0] in ("quantities.status.done_first", "links.figure.pledge_made") for step in q.trace)
    if claim is not None and claim.modality in ("expected", "hypothetical") and not done \
            and _foretold_here(claim, q):
        return "expected"  # (not for what the figure already did: "had moved in and were expected to join")
    # (what the claim says before the figure: "far more than its estimate of last week" is another figure's)
    before = claim.text[: max(0, q.start - claim.start)] if claim is not None else ""
    if claim is not None and (ESTIMATE_WORDS.search(before) or ESTIMATE_WORDS.search(_report_of(claim, sentence))):
        return "estimated"
    after = text[q.end - sentence.start:] if sentence is not None and sentence.start <= q.end <= sentence.end else ""
    if PASSIVE_BELIEF.search(after):
        return "estimated"
    return "occurred"


# Where one clause of a claim ends and the next begins: "X would rise, and that 300 had died".
CLAUSE_BOUNDARY = re.compile(r",\s*and\s+(?:that\s+)?|;\s*|\s+and\s+that\s+|,\s+but\s+")
FORETELLING = re.compile(r"\b(will|would|could|might|may|shall|expect\w*|likely|forecast\w*|project\w*|"
                         r"predict\w*|anticipat\w*|set to|going to|plan\w*|'ll)\b", re.I)


def _foretold_here(claim: Claim, q: Quantity) -> bool:
    """Whether the clause of the claim the figure stands in foretells it, when the claim has more than one
    ("said the deal would put more officers on the beaches, and that French forces had already stopped more
    than 30,000": the second is done); a claim of one clause takes its modality whole."""
    at, end = q.start - claim.start, q.end - claim.start
    cuts = [m for m in CLAUSE_BOUNDARY.finditer(claim.text)]
    if not cuts:
        return True
    start = max([m.end() for m in cuts if m.end() <= at], default=0)
    stop = min([m.start() for m in cuts if m.start() >= end], default=len(claim.text))
    return FORETELLING.search(claim.text[start:stop]) is not None


def _report_of(claim: Claim, sentence: Sentence | None) -> str:
    """The words of the claim's sentence outside the claim: its source and reporting verb."""
    if sentence is None or not (sentence.start <= claim.start and claim.end <= sentence.end):
        return ""
    return sentence.text[: claim.start - sentence.start] + " " + sentence.text[claim.end - sentence.start :]
