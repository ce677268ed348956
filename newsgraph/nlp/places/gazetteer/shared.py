"""What the gazetteer's build and its loaded index share: how a name becomes a lookup key (``normalize``,
``admin_stem``, ``skeleton``), the row format and the ``Builder`` that collects rows, and the distance
between two points."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict

from newsgraph.nlp import lexicon

# A row of the index: geonameid, name, ISO3, lat, lon, population, level, admin1 name, is capital.
Row = tuple[int | None, str, str, float | None, float | None, int, str, str | None, bool]

# Words that name the kind of a division; stripped to get the stem a text uses ("Kursk Oblast" -> "kursk").
ADMIN_SUFFIXES = frozenset(row[0] for row in lexicon.rows("lexicons/places/division_words.tsv", columns=2))
# Articles transliterations write, drop or join at will ("Ar Raqqah", "Deir ez-Zor").
ARTICLES = frozenset(lexicon.entries("lexicons/places/name_articles.txt"))
_VOWELS = frozenset("aeiouyw")
_DIGRAPHS = (("ou", "u"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("dh", "z"), ("th", "t"), ("sh", "s"),
             ("ch", "c"), ("ck", "k"), ("q", "k"), ("j", "j"))


def normalize(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, one space, no leading "the"."""
    text = text.replace("’", "'").replace("‘", "'")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[\s\-‐–]+", " ", folded.lower()).strip(" .,")
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def skeleton(name: str) -> str:
    """A key that transliterations of one name share: articles dropped, digraphs folded, each run of
    vowels one "a", doubled letters single ("Dayr Az Zayr" and "Deir ez-Zor" -> "dar zar", "Ayn Isa"
    and "Ain Issa" -> "an asa"). Empty when too short to tell names apart."""
    words = [w for w in normalize(name).replace("'", "").replace("`", "").split() if w]
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    out = []
    for w in words:
        w = w[:-1] if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou" else w  # "Raqqah" / "Raqqa"
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        key = ""
        for c in w:
            c = "a" if c in _VOWELS else c
            if c.isalpha() and not key.endswith(c):
                key += c
        out.append(key)
    key = " ".join(out)
    return key if len(key.replace(" ", "")) >= 5 else ""


def admin_stem(name: str) -> str:
    """A division's name without its kind words: "Kursk Oblast" -> "kursk", "Donetska" stays."""
    words = [w for w in normalize(name).replace("'", "").split() if w not in ADMIN_SUFFIXES and w != "of"]
    return " ".join(words)


def latin_name(name: str) -> bool:
    """Whether an alternate name is written in Latin script and looks like a name (not a code)."""
    if len(name) < 3 or not any(c.isalpha() for c in name) or (name.isupper() and len(name) <= 5):
        return False  # too short, or a code ("CNN", "NYC") rather than a name
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or c in "’‘ʼ" for c in name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Builder:
    """The index as it is built: rows, and every normalised name -> the row numbers it names."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, row: Row, names: set[str]) -> int:
        i = len(self.rows)
        self.rows.append(row)
        for n in {normalize(x) for x in names}:
            if n:
                self.index[n].append(i)
        return i
