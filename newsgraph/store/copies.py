"""Near-verbatim copies across outlets: the same wire text in several outlets is one report, not several.

Each stored article gets a MinHash signature (datasketch) of its word 5-grams, and the signature is cut
into LSH bands that are stored in ``article_bands(band, hash, article_id)`` under an index. A new article
finds its candidates by looking its own band hashes up in that index (one B-tree search per band, so
the cost per article grows like log n with the store, not n), confirms each candidate with the Jaccard
similarity estimated from the two stored signatures, and points ``articles.copy_of`` at the root of the
group: the earliest stored article among the confirmed ones (a copy of a copy points at the root, so
the root itself is never a copy).

Wire copies are often cut: an outlet runs the first paragraphs of the agency's text, so the two texts'
Jaccard is low (0.65 for a text cut to three quarters) while nearly all of the shorter one is in the
longer. A pair is one report when the estimated Jaccard reaches ``THRESHOLD`` (0.8) or when the shorter
text's share of shingles found in the longer (its containment, estimated from the Jaccard and the two
shingle counts: |A∩B| = J(|A|+|B|)/(1+J)) reaches ``CONTAINED`` (0.8).

Bands and rows: 32 bands of 4 rows (128 permutations). A pair whose true word-5-gram Jaccard is J becomes
a candidate with probability 1 - (1 - J**4)**32: 0.97 at J = 0.6 (a copy cut by a third), 0.9999 at
J = 0.8 and 0.23 at J = 0.3. Every candidate is checked against the stored signatures, so a false
candidate costs one comparison while a miss loses a copy: the bands lean towards recall.

Signatures are only comparable when made with the same permutations: ``NUM_PERM`` and ``SEED`` are part
of the stored data, and changing either needs every signature recomputed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata

import numpy as np
from datasketch import MinHash

from newsgraph.model import Article

NUM_PERM = 128
SEED = 1
BANDS, ROWS = 32, 4
THRESHOLD = 0.8  # estimated Jaccard of the word 5-grams from which two texts are one report
MEMBERS_TRIED = 3  # members of one copy group compared at most, so the cost does not grow with the group
CONTAINED = 0.8  # or the share of the shorter text's word 5-grams found in the longer (a cut copy)
SHINGLE_WORDS = 5
MIN_WORDS = 50  # shorter texts (a headline, a one-line brief) share their few 5-grams by chance: never copies
_DTYPE = np.dtype("<u8")  # datasketch's hash values are uint64 (each below 2**32); stored little-endian
_WORD = re.compile(r"\w+")

assert BANDS * ROWS <= NUM_PERM
PER_BAND = 8  # articles read from one band bucket at most (the earliest: a group's root comes first)


def normalised_words(text: str) -> list[str]:
    """The text's words, lowercased, without punctuation ("U.S.-led" gives "u", "s", "led" in any outlet)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def shingles(text: str) -> list[bytes]:
    """The distinct word 5-grams of the normalised text; none for a text shorter than ``MIN_WORDS``."""
    words = normalised_words(text)
    if len(words) < MIN_WORDS:
        return []
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return [g.encode("utf-8") for g in sorted(grams)]


def signature(text: str) -> np.ndarray | None:
    """The MinHash hash values of a text, or None for a text too short to be called a copy."""
    return signature_of(shingles(text))


def signature_of(grams: list[bytes]) -> np.ndarray | None:
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(grams)
    return np.asarray(mh.hashvalues, dtype=_DTYPE)


def one_report(jaccard: float, size_a: int, size_b: int) -> bool:
    """Whether two texts are one report: near-verbatim (Jaccard), or the shorter one cut from the longer."""
    if jaccard >= THRESHOLD:
        return True
    shorter = min(size_a, size_b)
    if shorter <= 0:
        return False
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return shared / shorter >= CONTAINED


def band_hashes(values: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band (what SQLite's INTEGER holds), of the band's hash values."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].astype(_DTYPE).tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def encode(values: np.ndarray) -> bytes:
    return values.astype(_DTYPE).tobytes()


def decode(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=_DTYPE)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity estimated from two signatures: the share of permutations whose minima agree."""
    if len(a) != len(b):
        raise ValueError(f"signatures of {len(a)} and {len(b)} permutations cannot be compared; "
                         "recompute the stored signatures with the current NUM_PERM")
    return float(np.count_nonzero(a == b)) / len(a)


def candidates(conn: sqlite3.Connection, article_id: str, bands: list[int]
               ) -> list[tuple[str, bytes, str | None, int]]:
    """The stored articles sharing at least one band with these, with their signatures and ``copy_of``:
    one indexed lookup per band (``article_bands_hash``), of its first ``PER_BAND`` articles: a text copied a
    hundred times is found by its first copies (which the later ones point to), at a cost that does not grow
    with the number of copies stored."""
    one = ("SELECT article_id FROM (SELECT article_id FROM article_bands WHERE band = ? AND hash = ? "
           f"ORDER BY rowid LIMIT {PER_BAND})")
    lookups = " UNION ".join([one] * len(bands))
    params: list[object] = [x for pair in enumerate(bands) for x in pair]
    rows = conn.execute(
        f"SELECT m.article_id, s.minhash, a.copy_of, s.shingles FROM ({lookups}) m "
        "JOIN article_signatures s ON s.article_id = m.article_id JOIN articles a ON a.id = m.article_id "
        "WHERE m.article_id != ?", (*params, article_id)).fetchall()
    return [(str(r[0]), bytes(r[1]), r[2], int(r[3])) for r in rows]


def find_root(conn: sqlite3.Connection, article_id: str, values: np.ndarray, bands: list[int],
              size: int = 0) -> str | None:
    """The earliest stored article of the group this signature's article (of ``size`` shingles) is a
    near-verbatim or cut copy of."""
    roots: set[str] = set()
    tried: dict[str, int] = {}  # per group: a wire text run by 30 outlets is compared a few times, not 30
    for other, blob, copy_of, theirs in candidates(conn, article_id, bands):
        root = copy_of or other
        if root in roots or tried.get(root, 0) >= MEMBERS_TRIED:
            continue
        tried[root] = tried.get(root, 0) + 1
        if one_report(similarity(values, decode(blob)), size, theirs):
            roots.add(root)
    roots.discard(article_id)  # never a copy of itself
    if not roots:
        return None
    marks = ",".join("?" * len(roots))
    row = conn.execute(f"SELECT id FROM articles WHERE id IN ({marks}) ORDER BY rowid LIMIT 1", tuple(roots)).fetchone()
    return None if row is None else str(row[0])


def record_copy(conn: sqlite3.Connection, article: Article) -> str | None:
    """Store the article's signature and bands (the article row must exist) and return the id of the root
    it is a copy of, or None (the article is original, or too short to tell)."""
    grams = shingles(article.text)
    values = signature_of(grams)
    if values is None:
        return None
    bands = band_hashes(values)
    root = find_root(conn, article.id, values, bands, len(grams))
    conn.execute("INSERT INTO article_signatures (article_id, minhash, shingles) VALUES (?, ?, ?)",
                 (article.id, encode(values), len(grams)))
    conn.executemany("INSERT INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)",
                     [(b, h, article.id) for b, h in enumerate(bands)])
    return root
