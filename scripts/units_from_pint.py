"""Write the quantities stage's table of unit symbols and names from pint's unit registry.

    .venv/bin/python scripts/units_from_pint.py > newsgraph/resources/lexicons/quantities/units_pint.tsv

The hand-written units.tsv holds the units news writes in words and their canonical names; this table adds
what a well-kept unit library knows and a hand list keeps missing: the symbols with their case ("kW", "MW",
"mW", "kWh", "GB", "MHz", "mL", "kPa", "psi") and the prefixed names ("kilowatt hour", "gigabyte"). Only
units news uses are taken (BASES, each with the SI prefixes it is written with), and only symbols that
cannot be read as an English word or a scale ("m", "t", "in", "mm" stay with units.tsv or out). Run at
development time only: the table is data in the repository, so nothing is read from pint at run time.
"""

from __future__ import annotations

import sys

import pint

# (pint's unit name, prefixes it takes in news, kind) — kinds as in units.tsv
BASES: list[tuple[str, tuple[str, ...]]] = [
    ("watt", ("", "kilo", "mega", "giga", "tera", "milli")),
    ("watt_hour", ("", "kilo", "mega", "giga", "tera")),
    ("byte", ("", "kilo", "mega", "giga", "tera", "peta")),
    ("hertz", ("", "kilo", "mega", "giga")),
    ("liter", ("milli", "centi")),
    ("volt", ("", "kilo", "mega")),
    ("joule", ("", "kilo", "mega", "giga")),
    ("calorie", ("kilo",)),
    ("pascal", ("", "kilo", "mega", "giga", "hecto")),
    ("newton", ("", "kilo")),
    ("horsepower", ("",)),
    ("pound_force_per_square_inch", ("",)),
    ("kip_per_square_inch", ("",)),
    ("ampere", ("", "milli", "kilo")),
    ("electron_volt", ("", "kilo", "mega", "giga")),
]
# Spellings this project uses in its canonical names (units.tsv writes "litre", "metre").
BRITISH = {"liter": "litre", "meter": "metre"}
# Symbols that read as words or clash with a reading units.tsv or the number reader owns.
NOT_SYMBOLS = frozenset({"W", "V", "J", "N", "A", "B", "Pa", "am", "Gy", "mm"})
NO_PLURAL = frozenset({"hertz", "horsepower"})


def canonical(name: str) -> str:
    words = name.replace("_", " ").split()
    return " ".join(BRITISH.get(w, w.replace("liter", "litre").replace("meter", "metre")) for w in words)


def rows(ureg: pint.UnitRegistry) -> list[tuple[str, str, str, str]]:
    """(surface, canonical name, kind, case): case "cased" for a symbol matched as written, "lower" for a name."""
    out: list[tuple[str, str, str, str]] = []
    for base, prefixes in BASES:
        for prefix in prefixes:
            name = prefix + base
            ureg.parse_units(name)  # a name pint does not know is an error here, not a silent gap
            unit = canonical(name)
            symbol = ureg.get_symbol(name)
            if symbol not in NOT_SYMBOLS and len(symbol) >= 2 and symbol.isascii():
                out.append((symbol, unit, "measure", "cased"))
            for spoken in dict.fromkeys((name.replace("_", " "), unit)):  # "milliliter" and "millilitre"
                out.append((spoken, unit, "measure", "lower"))
                if base not in NO_PLURAL and not base.endswith("_inch"):
                    out.append((spoken + "s", unit, "measure", "lower"))
    return out


def main() -> None:
    ureg = pint.UnitRegistry()
    print(f"# Unit symbols and names from the registry of pint {pint.__version__} (BSD-3-Clause, (c) 2012 Hernan E.")
    print("# Grecco and contributors), written by scripts/units_from_pint.py: do not edit by hand.")
    print("# Columns: surface <TAB> canonical unit name <TAB> kind <TAB> case (cased: a symbol, matched as written;")
    print("# lower: a name, matched in lower case). units.tsv wins where both name a surface.")
    for row in rows(ureg):
        print("\t".join(row))


if __name__ == "__main__":
    sys.exit(main())
