"""One registry actor per real actor across articles: which names may be one actor, why, and the lookup.

The actors stage names an actor the same way within an article; across articles the same man is
"Volodymyr Zelensky", "Volodymyr Zelenskyy" and "Volodymyr Zelenskiy", "Pat Ryder" and "Patrick Ryder", or
"Ryder" alone. The pure half of this module says whether two names may be one actor and why
(``same_actor``); the store half finds the few registered actors that could be (``actor_keys``, indexed
lookup keys: never a scan of all actors) and takes one only when exactly one fits and nothing about the
two conflicts (country, affiliation, and for a bare surname the role). Two actors of one article are
never one actor: the actors stage already kept them apart there.

States and bodies with a real code (ISO3, IGO) are matched by code alone (``sqlite.actor_key``); only the
names the actors stage coded by their own spelling ("PER:VOLODYMYR_ZELENSKY") or left uncoded are read here.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from unidecode import unidecode

from newsgraph.model import Actor
from newsgraph.nlp import lexicon
from newsgraph.nlp.actors.given_names import is_short_form, nicknamer

# Codes the actors stage makes from a name (merge.STABLE_CODE_PREFIX): they know no more than the spelling.
STABLE_CODE = re.compile(r"^(PER|ORG|GRP):")
# Two surnames not spelt alike by the key are one only this similar (rapidfuzz ratio of their keys, 0-100)
# and with the same consonants: "Peskov"/"Peskow" yes, "Rutte"/"Rute" yes, "Kim"/"Kin" no (the consonants).
SURNAME_SIMILARITY = 88.0
# Given names whose vowels alone differ ("Mohammed"/"Muhammad") are one only this similar: "Jan"/"Jen" are not.
GIVEN_SIMILARITY = 70.0
# Words an acronym leaves out: "National Institute of Health" is NIH.
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "de", "du", "des", "la", "le"})
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# Words after a surname that are not one: "Elizabeth II" has no surname "II", "Martin Luther King Jr." has King.
# "al-Burhan", "el-Sisi", "ash-Shaibani": the article before a surname, which later mentions often drop.
ARABIC_ARTICLE = re.compile(r"^(?:[AaEe]l|[Aa][dnrstz]|[Aa]sh)[-‐](?=\w\w)")
# A rank or a form of address is no role that tells two people apart: "General al-Burhan" is the army chief.
RANKS = frozenset({"general", "gen", "lieutenant general", "lt. gen", "major general", "maj. gen", "brigadier general",
                   "colonel", "col", "major", "maj", "captain", "capt", "admiral", "adm", "marshal", "field marshal",
                   "sergeant", "sgt", "lieutenant", "lt", "mr", "mrs", "ms", "dr", "sir", "dame", "sheikh"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "vi"})
PENDING = "pending:"  # migration 0005 marks the actors stored before it: their keys are made on first write
# Transliteration respellings, in order, on a lowercase ASCII word ("ye" after a consonant: Medvedyev).
_RESPELL = [(re.compile(p), r) for p, r in (
    (r"ph", "f"), (r"kh", "h"), (r"ou", "u"), (r"w", "v"), (r"(?<=[^aeiouy])y(?=[aeiou])", ""),
    (r"(.)\1+", r"\1"), (r"(?:iy|ij|yi|y)$", "i"))]
_VOWEL_CLASS = str.maketrans("oeyu", "uaiu")  # the vowels transliterations trade: o/u, e/a, y/i


# ------------------------------------------------------------------ names (pure)

def fold(text: str) -> str:
    """Lowercase ASCII letters, digits and single spaces: "Matovič" -> "matovic", "al-Abadi" -> "alabadi"."""
    return " ".join("".join(ch for ch in w if ch.isalnum()) for w in unidecode(text).lower().split()).strip()


def translit_key(word: str) -> str:
    """One spelling for a word's transliterations: Zelensky/Zelenskyy/Zelenskiy -> "zelenski"."""
    out = fold(word).replace(" ", "")
    for pattern, repl in _RESPELL:
        out = pattern.sub(repl, out)
    return out


def consonants(word: str) -> str:
    """The first letter and the consonants after it: where a surname's spellings meet ("zlnsk")."""
    key = translit_key(word)
    return key[:1] + re.sub(r"[aeiouy]", "", key[1:])


def vowel_key(word: str) -> str:
    """The key with the vowels transliterations trade made one: "Mohammed", "Muhammad" -> "muhamad"."""
    return re.sub(r"(.)\1+", r"\1", translit_key(word).translate(_VOWEL_CLASS))


def given_forms(given: str) -> set[str]:
    """The vowel keys a given name is looked up under: its own and those of its full and short forms."""
    low = fold(given)
    nn = nicknamer()
    return {vowel_key(given)} | {vowel_key(x) for x in nn.canonicals_of(low) | nn.nicknames_of(low)}


@dataclass(frozen=True)
class Name:
    """A name as matched: a person's given name, middle names and surname; any other actor's words."""

    text: str
    kind: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str, kind: str) -> Name:
        words = [w for w in re.split(r"\s+", text.strip()) if fold(w)]
        while kind == "person" and len(words) > 1 and fold(words[-1]) in NAME_SUFFIXES:
            words.pop()
        if kind == "person" and len(words) == 1 and text.strip() != words[0]:
            words = []  # "Elizabeth II": a given name and a numeral, no surname to match
        if kind == "person" and len(words) > 1:
            # "Abdel-Fattah Burhan" = "Abdel Fattah al-Burhan": a hyphen joins given names as a space does
            words = [p for w in words[:-1] for p in re.split(r"[\-\u2010]", w) if p] + words[-1:]
        if kind == "person" and is_family_first(words):
            # "Kim Jong Un" = "Kim Jong-un": the given name as one word, then the family name, as the
            # given-first names are kept, so both kinds match by the same keys
            words = ["".join(re.split(r"[\s\-\u2010]", " ".join(words[1:]))), words[0]]
        return cls(text, kind, tuple(words))

    @property
    def surname(self) -> str:
        """The last word without an Arabic article: "al-Burhan" is filed as "Burhan", as articles write it."""
        return ARABIC_ARTICLE.sub("", self.words[-1]) if self.words else ""

    @property
    def given(self) -> str | None:
        return self.words[0] if self.kind == "person" and len(self.words) > 1 else None

    @property
    def middle(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.words[1:-1])

    @property
    def initials(self) -> str | None:
        """An organization's acronym as its words make it ("National Intelligence Service" -> "NIS"; an
        abbreviation gives all its letters: "U.S. Geological Survey" -> "USGS")."""
        if self.kind == "person" or len(self.words) < 2:
            return None
        letters = [fold(w) if "." in w or w.isupper() else fold(w)[:1]
                   for w in self.words if fold(w) not in ACRONYM_SKIPS]
        out = "".join(letters).upper()
        return out if len(letters) >= 2 and out.isalpha() else None

    @property
    def acronym(self) -> str | None:
        """The acronym an organization is named by alone ("NIS"), or None."""
        one = self.words[0] if self.kind != "person" and len(self.words) == 1 else ""
        return one.replace("&", "") if ACRONYM.match(one) else None


@cache
def _family_first() -> frozenset[str]:
    return frozenset(lexicon.entries("lexicons/actors/family_first.txt"))


# A romanised syllable (pinyin, Korean, Vietnamese): consonants, vowels, and a nasal or stop to close it.
_SYLLABLE = r"[bcdfghjklmnpqrstvwxz]{0,3}[aeiouy]{1,3}(?:ng|nh|ch|n|m|l|k|p|t|h)?"
_GIVEN_PART = re.compile(rf"^(?:{_SYLLABLE}){{1,2}}$")


def is_family_first(words: list[str]) -> bool:
    """Whether a person's name puts the family name first: a known East Asian family name, then one or two
    given-name words (or one hyphenated one) of one or two romanised syllables each ("Kim Jong Un",
    "Lee Seong-kweun", "Xi Jinping"; not "Lee Anderson")."""
    if len(words) not in (2, 3) or fold(words[0]) not in _family_first():
        return False
    parts = [p for w in words[1:] for p in re.split(r"[\-\u2010]", w)]
    return 1 <= len(parts) <= 3 and all(p[:1].isupper() or i > 0 for i, p in enumerate(parts)) \
        and all(_GIVEN_PART.match(fold(p)) for p in parts)


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two middle names may be one: either has none, or word by word the same or an initial of it
    ("George W. Bush" = "George Walker Bush"; "George H. W. Bush" is another man)."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x == y or (min(len(x), len(y)) == 1 and x[:1] == y[:1]) for x, y in zip(a, b, strict=True))


def given_reason(a: str, b: str) -> str | None:
    """Why two given names may be one person's, or None: the same, a short form, a transliteration."""
    if fold(a) == fold(b):
        return "same given name"
    if translit_key(a) == translit_key(b):
        return f"{a} and {b} are transliterations of one given name"
    for short, full in ((a, b), (b, a)):
        if is_short_form(short, full):
            return f"{short} is a short form of {full}"
    score = fuzz.ratio(translit_key(a), translit_key(b))
    if vowel_key(a) == vowel_key(b) and score >= GIVEN_SIMILARITY:
        return f"{a} and {b} are transliterations of one given name (similarity {score / 100:.2f})"
    return None


def surname_similarity(a: str, b: str) -> float | None:
    """How alike two surnames are (0-1) when they may be spellings of one, else None."""
    ka, kb = translit_key(a), translit_key(b)
    score = fuzz.ratio(fold(a), fold(b)) / 100
    if ka == kb:
        return score
    if consonants(a) == consonants(b) and fuzz.ratio(ka, kb) >= SURNAME_SIMILARITY:
        return score
    return None


def person_reason(new: Name, old: Name) -> str | None:
    """Why two person names may be one person, or None. Both full names: spellings of one surname, the
    same or a compatible given name, no two different middle initials. A bare surname: the same surname."""
    similarity = surname_similarity(new.surname, old.surname)
    if similarity is None and new.middle and new.middle == old.middle and consonants(new.surname) == \
            consonants(old.surname) and new.given is not None and old.given is not None \
            and given_reason(new.given, old.given) is not None:
        # ("Mohammed Rafiqul Huq", "Mohammad Rafiqul Haque": a short surname spelt two ways, behind the same
        # given and middle names)
        return f"transliteration of {old.text} (same given and middle names, surname {new.surname})"
    if similarity is None or old.given is None:
        return None
    if new.given is None:
        same = translit_key(new.surname) == translit_key(old.surname) and len(fold(new.surname)) >= 2
        return f"surname of {old.text}" if same else None
    by_middle = _by_middle_name(new, old)
    if by_middle is not None:
        return by_middle
    if not middles_agree(new.middle, old.middle):
        return None
    given = given_reason(new.given, old.given)
    if given is None:
        return None
    if new.surname == old.surname:
        return f"{given}, same surname as {old.text}" if given != "same given name" else f"same name as {old.text}"
    if fold(new.surname) == fold(old.surname):
        return f"spelling of {old.text} (the surname but for diacritics or case, {given})"
    return f"transliteration of {old.text} (surname similarity {similarity:.2f}, {given})"


def _by_middle_name(new: Name, old: Name) -> str | None:
    """"Roger Kamba" and "Samuel Roger Kamba": one name without the first given name of the other, the same
    surname, and no middle name of its own."""
    if new.surname != old.surname or new.given is None or old.given is None:
        return None
    for short, full in ((new, old), (old, new)):
        if not short.middle and len(full.middle) == 1 and fold(short.given or "") == full.middle[0]:
            return f"{short.text} goes by the middle name of {full.text}"
    return None


def org_reason(new: Name, old: Name) -> str | None:
    """Why two organization or group names may be one body: one is the other's acronym, or one spelling.
    (Matching initials are weak evidence: ``find`` takes them only with more, see ``acronym_backing``.)"""
    if new.acronym and new.acronym == old.initials:
        return f"acronym of {old.text}"
    if old.acronym and old.acronym == new.initials:
        return f"full name of {old.text}"
    if len(new.words) > 1 and translit_key(new.text) == translit_key(old.text):
        return f"spelling of {old.text}"
    return None


def same_actor(new: Name, old: Name) -> str | None:
    """Why the names may be one actor's (the reason kept in actor_aliases.reason), or None."""
    if new.kind != old.kind or not new.words or not old.words:
        return None
    return person_reason(new, old) if new.kind == "person" else org_reason(new, old)


def name_keys(name: Name) -> set[str]:
    """The keys a registered name is found under."""
    if name.kind == "person":
        if name.given is None:
            return set()  # a bare surname is found by nobody: only it looks for full names
        skeleton = consonants(name.surname)
        # (one middle name: found by it too, "Roger Kamba" for "Samuel Roger Kamba")
        given = [name.given] + ([name.middle[0]] if len(name.middle) == 1 and len(name.middle[0]) > 1 else [])
        return ({f"pg:{skeleton}|{form}" for g in given for form in given_forms(g)}
                | {f"sn:{translit_key(name.surname)}"})
    keys = {f"fk:{name.kind}:{translit_key(name.text)}"}
    if name.initials:
        keys.add(f"in:{name.kind}:{name.initials}")
    if name.acronym:
        keys.add(f"ac:{name.kind}:{name.acronym}")
    return keys


def known_as_key(text: str) -> str:
    """The key of a name a person is known by ("Barbecue", "Hemedti": actors.repair.known_as)."""
    return f"ka:{translit_key(text)}"


def lookup_keys(name: Name) -> set[str]:
    """The keys under which the registered names that may be this one are found."""
    if name.kind == "person":
        if name.given is None:
            return {f"sn:{translit_key(name.surname)}", known_as_key(name.text)}
        skeleton = consonants(name.surname)
        given = [name.given] + ([name.middle[0]] if len(name.middle) == 1 and len(name.middle[0]) > 1 else [])
        return {f"pg:{skeleton}|{form}" for g in given for form in given_forms(g)} | {known_as_key(name.text)}
    keys = {f"fk:{name.kind}:{translit_key(name.text)}"}
    if name.acronym:
        keys |= {f"in:{name.kind}:{name.acronym}", f"al:{name.kind}:{name.acronym}"}
    if name.initials:
        keys.add(f"ac:{name.kind}:{name.initials}")
    return keys


def profile_keys(actor: Actor) -> set[str]:
    """What an actor is known as besides its name: its country, affiliation and role."""
    out = {f"co:{actor.country}"} if actor.country else set()
    if actor.affiliation:
        out.add(f"af:{actor.affiliation}")
    if actor.role and actor.role.strip().lower().rstrip(".") not in RANKS:
        out.add(f"ro:{actor.role.strip().lower()}")
    return out


def acronym_keys(actor: Actor) -> set[str]:
    """The acronyms an organization is called by in its article ("NIS" beside "National Intelligence
    Service"): an article that wrote both is the evidence that one stands for the other."""
    if actor.kind == "person":
        return set()
    texts = [actor.name, *(m.text for m in actor.mentions)]
    return {f"al:{actor.kind}:{t.strip()}" for t in texts if ACRONYM.match(t.strip())}


def acronym_backing(actor: Actor, known: set[str]) -> str | None:
    """What, besides matching initials, says an acronym and a full name are one body: an article that
    called the body by both, or the same known country. None: too weak (FEC is not Fan Expo Canada)."""
    both = acronym_keys(actor) & known
    if both:
        return f"called {sorted(both)[0].split(':', 2)[2]} in another article too"
    countries = {k for k in profile_keys(actor) if k.startswith("co:")} & known
    return f"same country {sorted(countries)[0][3:]}" if countries else None


LONG_ACRONYM = 4  # initials this long, in order, are evidence enough on their own ("RNLI")


def _long_initials(name: Name, reason: str) -> str | None:
    """Four or more initials, in order, of as many words: "RNLI" and "Royal National Lifeboat Institution"
    (three are too few: FEC is not Fan Expo Canada)."""
    registered = Name.of(reason.split(" of ", 1)[1], name.kind)
    acronym = name.acronym or registered.acronym or ""
    return f"{len(acronym)} initials in order" if len(acronym) >= LONG_ACRONYM else None


def conflict(actor: Actor, known: set[str], bare: bool) -> str | None:
    """What keeps an actor apart from a registered one whose profile keys are ``known``: a different
    country or affiliation; for a bare surname, also a different role."""
    kinds = ("co", "af", "ro") if bare else ("co", "af")
    mine = profile_keys(actor)
    for kind in kinds:
        own = {k for k in mine if k.startswith(kind + ":")}
        theirs = {k for k in known if k.startswith(kind + ":")}
        if own and theirs and not own & theirs:
            return f"{sorted(own)[0]} against {sorted(theirs)[0]}"
    return None


def is_matched_by_name(actor: Actor) -> bool:
    """Whether the registry matches this actor by its name: no real code to go by, and a proper name (a
    description such as "spy agency" names a different body in every article: no rule here joins it)."""
    return (actor.kind != "state" and (actor.code is None or bool(STABLE_CODE.match(actor.code)))
            and any(ch.isupper() for ch in actor.name))


# ------------------------------------------------------------------ the registry's lookup (SQLite)

# More registered actors than this under one actor's lookup keys is too many namesakes to choose among:
# the name gets a row of its own (and the lookup stays bounded however common a surname is).
MAX_CANDIDATES = 64
# The names of a registered actor compared with a new one: its registry name and its first aliases.
MAX_NAMES = 50


def is_bare_surname(actor: Actor) -> bool:
    return actor.kind == "person" and Name.of(actor.name, actor.kind).given is None


def exact_id(conn: sqlite3.Connection, key: str) -> int | None:
    """The registry row of exactly this key, or of a spelling merged into a row before ("ex:" keys)."""
    row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute("SELECT actor_id FROM actor_keys WHERE key = ? LIMIT 1", (f"ex:{key}",)).fetchone()
    return None if row is None else int(row[0])


def find(conn: sqlite3.Connection, actor: Actor, taken: set[int]) -> tuple[int, str] | None:
    """The one registered actor this actor is, with the reason, or None when none or more than one fits.
    ``taken``: the registry rows the article's other actors already are (never this one too)."""
    if not is_matched_by_name(actor):
        return None
    name = Name.of(actor.name, actor.kind)
    keys = sorted(lookup_keys(name))
    if not keys:
        return None
    rows = conn.execute(f"SELECT DISTINCT actor_id FROM actor_keys WHERE key IN ({','.join('?' * len(keys))}) "
                        f"LIMIT {MAX_CANDIDATES + 1}", keys).fetchall()
    if len(rows) > MAX_CANDIDATES:
        return None
    bare = name.kind == "person" and name.given is None
    fits = []
    for candidate in sorted(int(r[0]) for r in rows if int(r[0]) not in taken):
        reason = _reason_against(conn, candidate, name) or _known_as(conn, candidate, name)
        if reason is None:
            continue
        known = _keys_of(conn, candidate)
        if conflict(actor, known, bare) is not None:
            continue
        if reason.startswith(("acronym of", "full name of")):
            backing = acronym_backing(actor, known) or _long_initials(name, reason)
            if backing is None:
                continue
            reason = f"{reason} ({backing})"
        fits.append((candidate, reason))
    if len(fits) != 1:
        return None
    candidate, reason = fits[0]
    return candidate, f"{reason}, the only registered person of that name" if bare else reason


def _reason_against(conn: sqlite3.Connection, actor_id: int, name: Name) -> str | None:
    """Why ``name`` may be the registered actor: compared with its registry name, then its aliases."""
    row = conn.execute("SELECT name, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None or row[1] != name.kind:
        return None
    aliases = conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? LIMIT ?", (actor_id, MAX_NAMES))
    for text in dict.fromkeys([row[0], *(r[0] for r in aliases)]):
        reason = same_actor(name, Name.of(text, name.kind))
        if reason is not None:
            return reason
    return None


def _known_as(conn: sqlite3.Connection, actor_id: int, name: Name) -> str | None:
    """"Mama Rosa" for the person another article called so after "known as" (one indexed look-up)."""
    if name.kind != "person":
        return None
    row = conn.execute("SELECT 1 FROM actor_keys WHERE actor_id = ? AND key = ?",
                       (actor_id, known_as_key(name.text))).fetchone()
    return None if row is None else f"known as {name.text} in another article"


def _keys_of(conn: sqlite3.Connection, actor_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT key FROM actor_keys WHERE actor_id = ?", (actor_id,))}


def remember(conn: sqlite3.Connection, actor_id: int, actor: Actor, merged_key: str | None) -> None:
    """Keep the keys this actor's name and profile add to its registry row; ``merged_key``: the registry key
    of a spelling a rule merged into the row, so the next article spelling it so finds the row at once."""
    if not is_matched_by_name(actor):
        return
    keys = name_keys(Name.of(actor.name, actor.kind)) | profile_keys(actor) | acronym_keys(actor)
    keys |= {known_as_key(m.text) for m in actor.mentions if m.form == "alias"}
    if merged_key is not None:
        keys.add(f"ex:{merged_key}")
    conn.executemany("INSERT OR IGNORE INTO actor_keys (actor_id, key) VALUES (?, ?)",
                     [(actor_id, k) for k in sorted(keys)])


def finish_pending(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Make the keys of the actors stored before migration 0005 (marked pending by it); the number made.
    Cheap when none is left: one indexed look-up."""
    done = 0
    while rows := conn.execute("SELECT actor_id FROM actor_keys WHERE key = ? LIMIT ?", (PENDING, batch)).fetchall():
        for (actor_id,) in rows:
            _backfill(conn, int(actor_id))
        conn.executemany("DELETE FROM actor_keys WHERE actor_id = ? AND key = ?", [(r[0], PENDING) for r in rows])
        done += len(rows)
    return done


def _backfill(conn: sqlite3.Connection, actor_id: int) -> None:
    row = conn.execute("SELECT name, kind, code, country FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return
    name, kind, code, country = row
    seen = conn.execute("SELECT DISTINCT role, affiliation FROM article_actors WHERE actor_id = ? LIMIT 100",
                        (actor_id,)).fetchall() or [(None, None)]
    for role, affiliation in seen:
        remember(conn, actor_id, Actor("", name, kind, code=code, country=country, affiliation=affiliation,
                                       role=role), None)
