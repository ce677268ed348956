"""Quotation marks: where quoted passages are, across sentences and paragraphs.

Both straight (") and curly (“ ”) marks. A passage left open at the end of a paragraph continues when
the next paragraph opens with a quotation mark (the newspaper convention for multi-paragraph quotes);
otherwise the stray mark is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = frozenset("“\"")
CLOSERS = frozenset("”\"")
MARKS = frozenset("“”\"")


@dataclass(frozen=True)
class QuotedPassage:
    open: int  # index of the opening mark
    close: int  # index of the closing mark

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _next_visible(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def find_quoted_passages(text: str) -> list[QuotedPassage]:
    passages: list[QuotedPassage] = []
    open_at: int | None = None
    continue_at = -1  # index of the mark that reopens a passage carried over a paragraph break
    for i, ch in enumerate(text):
        if ch == "\n":
            if open_at is not None:
                j = _next_visible(text, i)
                if j < len(text) and text[j] in OPENERS:
                    continue_at = j
                else:
                    open_at = None
            continue
        if ch not in MARKS:
            continue
        if i == continue_at:
            continue
        if open_at is None:
            if ch in OPENERS:
                open_at = i
        elif ch in CLOSERS:
            passages.append(QuotedPassage(open_at, i))
            open_at = None
        else:  # a second opener before any closer: the first was stray
            open_at = i
    return passages
