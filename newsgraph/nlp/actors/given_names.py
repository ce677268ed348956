"""Given names, as the ``nicknames`` package's hand-curated table of English given names knows them (Apache-2.0):
whether a word is a given name ("Helena"), and whether one is a short form of another ("Pat", "Patrick"). The
actors stage reads them within an article, the registry (store/identity.py) across articles."""

from __future__ import annotations

import functools

from nicknames import NickNamer
from unidecode import unidecode


@functools.cache
def nicknamer() -> NickNamer:
    return NickNamer()


def _folded(name: str) -> str:
    return unidecode(name).lower().strip()


def is_given_name(word: str) -> bool:
    """A given name the table knows ("Helena", "Patrick"): it has short forms or is one."""
    low = _folded(word)
    return bool(nicknamer().nicknames_of(low) or nicknamer().canonicals_of(low))


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is a short form of ``full`` in the table, read cautiously: the table also pairs names
    of one length or two full names ("Ivan" and "John", "Peter" and "Patrick"), which here are different
    people; a short form is shorter and short (Pat, Bill), a diminutive (Danny) or the full name's start
    (Chris, Christopher)."""
    s, f = _folded(short), _folded(full)
    if len(s) >= len(f) or f not in nicknamer().canonicals_of(s):
        return False
    return len(s) <= 4 or s.endswith(("y", "ie")) or f.startswith(s[:3])


def short_form_of(one: str, other: str) -> bool:
    """Whether either given name is a short form of the other ("Dan", "Daniel")."""
    return bool(one and other) and (is_short_form(one, other) or is_short_form(other, one))
