"""One registry actor per real actor: the name rules (pure), and the registry on real SQLite."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.model import Actor, Article, Extraction, Mention, Sentence
from newsgraph.store import Store, identity
from newsgraph.store.identity import Name, same_actor, translit_key
from newsgraph.store.queries import query_actors

# (new name, registered name, kind, words the reason must hold)
MERGE = [
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "person", ["transliteration of Volodymyr Zelensky", "0.94"]),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", "person", ["transliteration", "same given name"]),
    ("Dmitry Medvedyev", "Dmitry Medvedev", "person", ["transliteration of Dmitry Medvedev"]),
    ("Dmitry Peskow", "Dmitry Peskov", "person", ["transliteration of Dmitry Peskov"]),
    ("Muhammad bin Salman", "Mohammed bin Salman", "person", ["Muhammad and Mohammed are transliterations"]),
    ("Sergei Lavrov", "Sergey Lavrov", "person", ["Sergei and Sergey are transliterations"]),
    ("Igor Matovic", "Igor Matovič", "person", ["spelling of Igor Matovič", "diacritics"]),
    ("Pat Ryder", "Patrick Ryder", "person", ["Pat is a short form of Patrick"]),
    ("Patrick Ryder", "Pat Ryder", "person", ["Pat is a short form of Patrick"]),
    ("Bill Clinton", "William Clinton", "person", ["Bill is a short form of William"]),
    ("Bob Menendez", "Robert Menendez", "person", ["Bob is a short form of Robert"]),
    ("Mike Pompeo", "Michael Pompeo", "person", ["Mike is a short form of Michael"]),
    ("Chris Smith", "Christopher Smith", "person", ["Chris is a short form of Christopher"]),
    ("Danny Smith", "Daniel Smith", "person", ["Danny is a short form of Daniel"]),
    ("George Bush", "George W. Bush", "person", ["same name as George W. Bush"]),
    ("Ryder", "Pat Ryder", "person", ["surname of Pat Ryder"]),
    ("Zelenskyy", "Volodymyr Zelensky", "person", ["surname of Volodymyr Zelensky"]),
    ("NIS", "National Intelligence Service", "organization", ["acronym of National Intelligence Service"]),
    ("National Intelligence Service", "NIS", "organization", ["full name of NIS"]),
    ("FBI", "Federal Bureau of Investigation", "organization", ["acronym of Federal Bureau of Investigation"]),
    ("USGS", "U.S. Geological Survey", "organization", ["acronym of U.S. Geological Survey"]),
    ("George Walker Bush", "George W. Bush", "person", ["same name as George W. Bush"]),
    ("Martin Luther King", "Martin Luther King Jr.", "person", ["same name"]),
    ("Kim Jong-un", "Kim Jong Un", "person", ["same name as Kim Jong Un"]),
    ("Yoon Suk-yeol", "Yoon Suk Yeol", "person", ["same name as Yoon Suk Yeol"]),
    ("Yoon", "Yoon Suk Yeol", "person", ["surname of Yoon Suk Yeol"]),
    ("Kim", "Kim Jong Un", "person", ["surname of Kim Jong Un"]),
    ("Abdel-Fattah Burhan", "Abdel Fattah al-Burhan", "person", ["same name as Abdel Fattah al-Burhan"]),
    ("Burhan", "Abdel Fattah al-Burhan", "person", ["surname of Abdel Fattah al-Burhan"]),
    ("Jean Mbala", "Pierre Jean Mbala", "person", ["goes by the middle name"]),
    ("Mohamed Abdul Huq", "Mohammad Abdul Haque", "person", ["same given and middle names"]),
]

# (new name, registered name, kind, why they stay apart)
APART = [
    ("Mark Rutte", "Mirko Rutte", "person", "different given names, not variants of one"),
    ("Jan Smith", "Jen Smith", "person", "a vowel apart but too short to be a transliteration"),
    ("John Kim", "Jane Kim", "person", "different given names"),
    ("Kim Jong Un", "Kim Yo Jong", "person", "different names"),
    ("Kim Yong-hyun", "Kim Jong Un", "person", "one family name, two given names"),
    ("George W. Bush", "George H. W. Bush", "person", "different middle initials"),
    ("Humberto 75 miles", "Humberto 785 miles", "person", "different middle words"),
    ("I", "Elizabeth II", "person", "a regnal number is no surname"),
    ("UH", "U.S. House", "organization", "U.S. gives both its letters: USH"),
    ("Pat Ryder", "Pat Rider", "person", "Rider and Ryder are different surnames (similarity under the threshold)"),
    ("Hunter Biden", "Joe Biden", "person", "same surname, different given name"),
    ("Peter Smith", "Patrick Smith", "person", "two full given names, though the nickname table pairs them"),
    ("Ivan Smith", "John Smith", "person", "the table's cross-language equivalent is another man here"),
    ("Bill Smith", "Will Smith", "person", "two short forms of William: not one of the other"),
    ("Patrick Smith", "Patricia Smith", "person", "two full given names"),
    ("Ryder", "Ryder", "person", "a bare surname joins only a full name"),
    ("NIS", "National Security Service", "organization", "the initials differ"),
    ("NIS", "Pat Ryder", "person", "a person has no acronym"),
    ("Jean Mbala", "Pierre Paul Mbala", "person", "the given name is none of the other's"),
    ("Mohamed Huq", "Mohammad Abdul Haque", "person", "a short surname spelt otherwise needs the middle names too"),
]


@pytest.mark.parametrize(("new", "old", "kind", "words"), MERGE)
def test_names_that_are_one_actor_say_why(new: str, old: str, kind: str, words: list[str]) -> None:
    reason = same_actor(Name.of(new, kind), Name.of(old, kind))
    assert reason is not None, f"{new} / {old} should merge"
    for word in words:
        assert word in reason


@pytest.mark.parametrize(("new", "old", "kind", "why"), APART)
def test_names_that_stay_apart(new: str, old: str, kind: str, why: str) -> None:
    assert same_actor(Name.of(new, kind), Name.of(old, kind)) is None, why


def test_kinds_never_mix() -> None:
    assert same_actor(Name.of("Jordan", "person"), Name.of("Jordan", "state")) is None
    assert same_actor(Name.of("NIS", "organization"), Name.of("National Intelligence Service", "group")) is None


@pytest.mark.parametrize(("name", "surname"), [
    ("Kim Jong Un", "Kim"), ("Lee Seong-kweun", "Lee"), ("Xi Jinping", "Xi"), ("Ho Chi Minh", "Ho"),
    ("Lee Anderson", "Anderson"), ("Kim Kardashian", "Kardashian"), ("Sarah Park", "Park"),
    ("Abdel Fattah al-Burhan", "Burhan"), ("Mohamed Hamdan Dagalo", "Dagalo"),
])
def test_the_family_name_is_found_where_the_name_puts_it(name: str, surname: str) -> None:
    assert Name.of(name, "person").surname == surname


def test_transliteration_key() -> None:
    assert len({translit_key(x) for x in ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij")}) == 1
    assert translit_key("Medvedyev") == translit_key("Medvedev")
    assert translit_key("Matovič") == translit_key("Matovic")
    assert translit_key("Rider") != translit_key("Ryder")  # "y" inside a word is kept: different names


# ------------------------------------------------------------------ the registry on SQLite

def article(article_id: str, *actors: Actor) -> Extraction:
    """An article naming the actors, each once: its text is their names, so mentions are real spans."""
    text, spans = "", []
    for actor in actors:
        spans.append((len(text), len(text) + len(actor.name)))
        text += actor.name + " said. "
    for actor, (start, end) in zip(actors, spans, strict=True):
        actor.mentions = [Mention(start, end, actor.name, form="name")]
    return Extraction(Article(article_id, text + article_id, dt.date(2024, 10, 28)), actors=list(actors))


def person(local: str, name: str, country: str | None = None, affiliation: str | None = None,
           role: str | None = None) -> Actor:
    return Actor(local, name, "person", code="PER:" + "_".join(name.upper().split()), country=country,
                 affiliation=affiliation, role=role)


def org(local: str, name: str, country: str | None = None) -> Actor:
    """An organization with a country has no stable code of its own (as the actors stage makes them)."""
    return Actor(local, name, "organization", country=country,
                 code=None if country else "ORG:" + "_".join(name.upper().split()))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "s.db")
    yield s
    s.close()


def registry(store: Store, article_id: str) -> dict[str, int]:
    return {r["name"]: r["actor_id"] for r in store.rows(
        "SELECT name, actor_id FROM article_actors WHERE article_id = ?", (article_id,))}


def reason(store: Store, alias: str) -> str | None:
    row = store.conn.execute("SELECT reason FROM actor_aliases WHERE alias = ?", (alias,)).fetchone()
    return None if row is None else row[0]


def test_spellings_across_articles_are_one_registry_actor(store: Store) -> None:
    store.write(article("a1", person("A1", "Volodymyr Zelensky", affiliation="UKR")))
    store.write(article("a2", person("A1", "Volodymyr Zelenskyy", affiliation="UKR")))
    store.write(article("a3", person("A1", "Volodymyr Zelenskiy")))
    ids = {registry(store, a)[n] for a, n in (("a1", "Volodymyr Zelensky"), ("a2", "Volodymyr Zelenskyy"),
                                              ("a3", "Volodymyr Zelenskiy"))}
    assert len(ids) == 1
    assert store.count("actors") == 1
    assert "transliteration of Volodymyr Zelensky" in (reason(store, "Volodymyr Zelenskyy") or "")
    assert reason(store, "Volodymyr Zelensky") is None  # its own name: no rule merged it


def test_a_name_without_its_first_given_name_is_found_in_the_registry(store: Store) -> None:
    store.write(article("a1", person("A1", "Pierre Jean Mbala", role="minister", affiliation="COD")))
    store.write(article("a2", person("A1", "Jean Mbala", affiliation="COD")))
    assert store.count("actors") == 1
    assert "goes by the middle name" in (reason(store, "Jean Mbala") or "")


def test_a_name_a_person_is_known_by_finds_them_in_another_article(store: Store) -> None:
    text = "Rosa Ndongo, known as Mama Rosa, said so."
    rosa = person("A1", "Rosa Ndongo")
    rosa.mentions = [Mention(0, 11, "Rosa Ndongo", form="name"), Mention(22, 31, "Mama Rosa", form="alias")]
    store.write(Extraction(Article("a1", text, dt.date(2024, 10, 28)), actors=[rosa]))
    store.write(article("a2", Actor("A1", "Mama Rosa", "person")))
    assert store.count("actors") == 1 and registry(store, "a2")["Mama Rosa"] == registry(store, "a1")["Rosa Ndongo"]


def test_short_given_name_and_bare_surname(store: Store) -> None:
    store.write(article("a1", person("A1", "Patrick Ryder", role="spokesman", affiliation="USA")))
    store.write(article("a2", person("A1", "Pat Ryder", affiliation="USA")))
    store.write(article("a3", person("A1", "Ryder", affiliation="USA")))
    assert store.count("actors") == 1
    assert "Pat is a short form of Patrick" in (reason(store, "Pat Ryder") or "")
    assert "the only registered person of that name" in (reason(store, "Ryder") or "")


def test_namesakes_of_different_countries_stay_apart(store: Store) -> None:
    store.write(article("a1", person("A1", "Pat Ryder", country="USA", affiliation="USA")))
    store.write(article("a2", person("A1", "Patrick Ryder", country="GBR", affiliation="GBR")))
    assert store.count("actors") == 2
    # two registered Ryders: a bare "Ryder" with no country joins neither; one from the US joins its own
    store.write(article("a3", person("A1", "Ryder")))
    assert store.count("actors") == 3
    store.write(article("a4", person("A1", "Ryder", country="USA", affiliation="USA")))
    assert registry(store, "a4")["Ryder"] == registry(store, "a1")["Pat Ryder"]


def test_bare_surname_with_another_role_stays_apart(store: Store) -> None:
    store.write(article("a1", person("A1", "Pat Ryder", role="spokesman")))
    store.write(article("a2", person("A1", "Ryder", role="coach")))
    assert registry(store, "a2")["Ryder"] != registry(store, "a1")["Pat Ryder"]


def test_two_actors_of_one_article_are_never_one(store: Store) -> None:
    store.write(article("a1", person("A1", "Patrick Ryder")))
    # an article where the actors stage kept "Pat Ryder" and "Patrick Ryder" apart: two people
    store.write(article("a2", person("A1", "Pat Ryder"), person("A2", "Patrick Ryder")))
    ids = registry(store, "a2")
    assert ids["Pat Ryder"] != ids["Patrick Ryder"]
    assert ids["Patrick Ryder"] == registry(store, "a1")["Patrick Ryder"]


def test_different_given_names_never_merge(store: Store) -> None:
    store.write(article("a1", person("A1", "Joe Biden")))
    store.write(article("a2", person("A1", "Hunter Biden")))
    assert store.count("actors") == 2


def test_acronym_joins_the_one_organization_with_those_initials(store: Store) -> None:
    store.write(article("a1", org("A1", "National Intelligence Service", country="KOR")))
    store.write(article("a2", org("A1", "NIS", country="KOR")))
    assert registry(store, "a2")["NIS"] == registry(store, "a1")["National Intelligence Service"]
    assert reason(store, "NIS") == "acronym of National Intelligence Service (same country KOR)"


def test_matching_initials_alone_join_nothing(store: Store) -> None:
    store.write(article("a1", org("A1", "Fan Expo Canada")))
    store.write(article("a2", org("A1", "FEC")))
    assert store.count("actors") == 2


def test_four_initials_in_order_are_evidence_enough(store: Store) -> None:
    store.write(article("a1", org("A1", "Royal Coastal Rescue Institution")))
    store.write(article("a2", org("A1", "RCRI")))
    store.write(article("a3", org("A1", "FEC")))
    store.write(article("a4", org("A1", "Fan Expo Canada")))
    assert registry(store, "a2")["RCRI"] == registry(store, "a1")["Royal Coastal Rescue Institution"]
    assert registry(store, "a3")["FEC"] != registry(store, "a4")["Fan Expo Canada"]  # three are too few


def test_an_acronym_an_article_spelt_out_joins_its_body(store: Store) -> None:
    nis = org("A1", "National Intelligence Service")
    first = article("a1", nis)
    text = first.article.text + " NIS said."
    start = text.index("NIS said")
    nis.mentions.append(Mention(start, start + 3, "NIS"))
    store.write(Extraction(Article("a1", text, dt.date(2024, 10, 28)), actors=[nis]))
    store.write(article("a2", org("A1", "NIS")))
    assert registry(store, "a2")["NIS"] == registry(store, "a1")["National Intelligence Service"]
    # (the alias NIS came with the first article, which named the body so: no rule's reason on it)
    match = identity.find(store.conn, org("A1", "NIS"), set())
    assert match == (registry(store, "a1")["National Intelligence Service"],
                     "acronym of National Intelligence Service (called NIS in another article too)")


def test_acronym_of_another_country_stays_apart(store: Store) -> None:
    store.write(article("a1", org("A1", "National Intelligence Service", country="KOR")))
    store.write(article("a2", org("A1", "NIS", country="GRC")))
    assert store.count("actors") == 2


def test_a_merged_spelling_is_found_again_by_its_own_key(store: Store) -> None:
    store.write(article("a1", person("A1", "Dmitry Medvedev")))
    store.write(article("a2", person("A1", "Dmitry Medvedyev")))
    store.write(article("a3", person("A1", "Dmitry Medvedyev")))
    assert store.count("actors") == 1
    # the merged spelling's own key, kept once, finds the row for the third article
    assert store.conn.execute("SELECT count(*) FROM actor_keys WHERE key LIKE 'ex:%'").fetchone()[0] == 1


def test_states_still_merge_by_code_alone(store: Store) -> None:
    russia = Actor("A1", "Russia", "state", code="RUS", country="RUS")
    store.write(article("a1", russia))
    store.write(article("a2", Actor("A1", "Russian Federation", "state", code="RUS", country="RUS")))
    assert store.count("actors") == 1
    assert store.conn.execute("SELECT count(*) FROM actor_keys").fetchone()[0] == 0  # no name keys for codes


def test_actors_stored_before_the_migration_get_their_keys(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store.open(db) as s:
        s.write(article("a1", person("A1", "Volodymyr Zelensky")))
    conn = sqlite3.connect(db)  # as a store made before 0005: no keys, the actors marked pending
    conn.execute("DELETE FROM actor_keys")
    conn.execute("INSERT INTO actor_keys SELECT id, 'pending:' FROM actors")
    conn.commit()
    conn.close()
    with Store.open(db) as s:
        s.write(article("a2", person("A1", "Volodymyr Zelenskyy")))
        assert s.count("actors") == 1
        assert s.conn.execute("SELECT count(*) FROM actor_keys WHERE key = 'pending:'").fetchone()[0] == 0


def test_a_description_joins_no_body_by_initials(store: Store) -> None:
    store.write(article("a1", Actor("A1", "spy agency", "organization")))
    store.write(article("a2", org("A1", "SA")))
    assert store.count("actors") == 2
    assert store.conn.execute("SELECT count(*) FROM actor_keys WHERE key LIKE 'in:%'").fetchone()[0] == 0


def test_an_actor_known_by_a_description_is_its_reports_own(store: Store) -> None:
    """"Officials" in one report are not the officials of another, nor is "the spy agency" one body
    everywhere: a description is one registry actor per report."""
    store.write(article("d1", Actor("A1", "officials", "group"), Actor("A2", "spy agency", "organization")))
    store.write(article("d2", Actor("A1", "officials", "group"), Actor("A2", "spy agency", "organization")))
    first, second = registry(store, "d1"), registry(store, "d2")
    assert first["officials"] != second["officials"] and first["spy agency"] != second["spy agency"]
    store.write(article("d3", Actor("A1", "officials", "group")))
    store.write(article("d3", Actor("A1", "officials", "group")))  # the same text again: stored once
    assert len({registry(store, a)["officials"] for a in ("d1", "d2", "d3")}) == 3


def test_a_description_the_text_ties_to_a_named_body_is_that_body(store: Store) -> None:
    """"South Korea's National Intelligence Service said ... The spy agency said": the description is the
    NIS's name in that report, filed under it with the reason; in a report that names no body before it,
    it stays its report's own."""
    text = ("South Korea's National Intelligence Service said troops had left. "
            "The spy agency said more would follow.")
    nis = Actor("A1", "National Intelligence Service", "organization", country="KOR",
                mentions=[Mention(text.index("National"), text.index(" said"), "National Intelligence Service")])
    spy = Actor("A2", "spy agency", "organization",
                mentions=[Mention(text.index("spy"), text.index("spy") + 10, "spy agency")])
    ext = Extraction(Article("t1", text, dt.date(2024, 10, 28)), actors=[nis, spy])
    ext.sentences = [Sentence(0, text.index(" The") + 1, text[: text.index(" The") + 1]),
                     Sentence(text.index("The"), len(text), text[text.index("The"):])]
    store.write(ext)
    ids = registry(store, "t1")
    assert ids["spy agency"] == ids["National Intelligence Service"]
    assert "describes National Intelligence Service" in (reason(store, "spy agency") or "")
    store.write(article("t2", Actor("A1", "spy agency", "organization")))
    assert registry(store, "t2")["spy agency"] != ids["National Intelligence Service"]


def test_a_description_is_not_a_body_whose_name_says_it_is_another_kind() -> None:
    from newsgraph.store.descriptions import recent_body
    text = "The toll stands at 900, AFAD said. The Ministry of Health recorded 300 deaths. The agency said more."
    def at(words: str) -> Mention:
        return Mention(text.index(words), text.index(words) + len(words), words)

    afad = Actor("A1", "AFAD", "organization", mentions=[at("AFAD")])
    ministry = Actor("A2", "Ministry of Health", "organization", mentions=[at("Ministry of Health")])
    ext = Extraction(Article("t1", text, dt.date(2024, 10, 28)), actors=[afad, ministry])
    second, third = text.index("The Ministry"), text.index("The agency")
    ext.sentences = [Sentence(0, second - 1, text[:second - 1]), Sentence(second, third - 1, text[second:third - 1]),
                     Sentence(third, len(text), text[third:])]
    assert recent_body(ext, third) is None  # two bodies: no telling which
    assert recent_body(ext, third, head="agency") is afad  # the ministry is no agency


def test_a_full_name_registered_after_its_bare_surname_adopts_it(store: Store) -> None:
    """An article that only says "Soleimani", stored before the one that introduces "Qasem Soleimani":
    once the full name is registered, the surname's row joins it, with the reason."""
    store.write(article("b1", person("A1", "Soleimani")))
    store.write(article("b2", person("A1", "Soleimani", country="IRN")))  # the one bare row, found again
    assert registry(store, "b2")["Soleimani"] == registry(store, "b1")["Soleimani"]
    store.write(article("b3", person("A1", "Qasem Soleimani", country="IRN")))
    assert store.count("actors") == 1
    assert registry(store, "b1")["Soleimani"] == registry(store, "b3")["Qasem Soleimani"]
    assert "surname of Qasem Soleimani, registered after it" in (reason(store, "Soleimani") or "")


@pytest.mark.parametrize(("first", "then"), [
    # another registered person of that surname: the bare one could be either
    (["Maria Garcia"], "Luis Garcia"),
    # a different country
    ([], "Pat Ryder"),
])
def test_a_bare_surname_is_adopted_only_when_it_can_be_no_one_else(store: Store, first: list[str],
                                                                  then: str) -> None:
    surname = then.split()[-1]
    for i, full in enumerate(first):
        store.write(article(f"f{i}", person("A1", full, country="PRK")))
    store.write(article("bare", person("A1", surname, country="GBR" if not first else None)))
    store.write(article("full", person("A1", then, country="USA" if not first else "PRK")))
    assert registry(store, "bare")[surname] != registry(store, "full")[then]


def test_query_actors_lists_a_persons_surname_only_when_no_other_person_has_it(store: Store) -> None:
    store.write(article("a1", person("A1", "Dmitry Peskov", country="RUS"), person("A2", "Kim Jong Un", country="PRK")))
    store.write(article("a2", person("A1", "Kim Yong-hyun", country="KOR")))
    aliases = {r["name"]: r["aliases"].split("; ") for r in query_actors(store.conn, 10)}
    assert "Peskov" in aliases["Dmitry Peskov"]
    assert "Kim" not in aliases["Kim Jong Un"] and "Kim" not in aliases["Kim Yong-hyun"]


def test_query_actors_lists_the_surname_of_every_spelling(store: Store) -> None:
    store.write(article("a1", person("A1", "Recep Tayyip Erdogan", country="TUR")))
    store.write(article("a2", person("A1", "Recep Tayyip Erdoğan", country="TUR")))
    aliases = {r["name"]: r["aliases"].split("; ") for r in query_actors(store.conn, 10)}
    assert len(aliases) == 1
    assert {"Erdogan", "Erdoğan"} <= set(next(iter(aliases.values())))


def test_a_rank_is_no_role_that_keeps_a_bare_surname_apart(store: Store) -> None:
    store.write(article("a1", person("A1", "Abdel Fattah al-Burhan", role="army chief")))
    store.write(article("a2", person("A1", "al-Burhan", role="General")))
    store.write(article("a3", person("A1", "Ryder", role="minister")))  # (no full name of that surname)
    assert registry(store, "a1")["Abdel Fattah al-Burhan"] == registry(store, "a2")["al-Burhan"]
