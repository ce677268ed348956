"""Figure series are filled at ingest: reports of one measured thing join one series, with each point's
value, status, source and date; other things, places and kinds of measure stay apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.model import Article, Claim, Extraction, Quantity, Sentence
from newsgraph.store.series import counted_of, kind_of, series_key, status_of
from newsgraph.store.sqlite import Store

REPORTS = [
    ("r1", "2024-10-18", "https://www.one.example/a",
     "South Korea's spy agency said 1,500 North Korean troops had been sent to Russia."),
    ("r2", "2024-10-23", "https://www.two.example/b",
     "More than 3,000 North Korean troops have been sent to Russia, South Korea's military said on Wednesday."),
    ("r3", "2024-10-28", "https://www.three.example/c",
     "The Pentagon said some 10,000 North Korean troops are now in Russia."),
    ("r4", "2024-11-04", "https://www.four.example/d",
     "About 8,000 North Korean troops are in Kursk, US Secretary of State Antony Blinken said."),
    ("r5", "2024-11-05", "https://www.five.example/e",
     "The rebels said 40 civilians were killed in the shelling of the village."),
    ("r6", "2024-11-06", "https://www.six.example/f",
     "The pressure on Chad keeps growing. Nearly 750,000 Sudanese refugees are now in the country, the agency "
     "said. A cholera outbreak has killed 389 people in Sudan, and fighting killed 40 people in Sudan."),
]


@pytest.fixture(scope="module")
def store(extract_text, tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("series") / "s.db"
    with Store.open(path) as s:
        for article_id, published, url, text in REPORTS:
            ext = extract_text(text, published)
            ext.article = Article(article_id, text, dt.date.fromisoformat(published), url=url)
            s.write(ext)
    return Store.open_existing(path)


def points(store: Store, article_id: str) -> list[dict]:
    return list(store.rows("SELECT p.*, s.label, s.key FROM series_points p JOIN series s ON s.id = p.series_id "
                           "WHERE p.article_id = ? ORDER BY p.idx", (article_id,)))


def test_reports_of_one_measured_thing_join_one_series(store: Store) -> None:
    first, second, third = points(store, "r1")[0], points(store, "r2")[0], points(store, "r3")[0]
    assert first["series_id"] == second["series_id"] == third["series_id"]
    assert [first["value"], second["value"], third["value"]] == [1500, 3000, 10000]
    assert [second["bound"], third["bound"]] == [">", "~"]
    assert third["status"] == second["status"] == "occurred"  # "some 10,000" is a round figure, no estimate
    assert third["source"] == "Pentagon" and third["outlet"] == "three.example"
    assert first["label"] == "troops of North Korea in Russia"
    series = next(store.rows("SELECT * FROM series WHERE id = ?", (first["series_id"],)))
    assert (series["points"], series["sources"], series["measure"]) == (3, 3, "stock")
    assert (series["first_published"], series["last_published"]) == ("2024-10-18", "2024-10-28")


def test_another_place_is_another_series(store: Store) -> None:
    kursk, russia = points(store, "r4")[0], points(store, "r1")[0]
    assert kursk["series_id"] != russia["series_id"]
    assert kursk["label"] == "troops of North Korea in Kursk"


def test_another_thing_counted_is_another_series(store: Store) -> None:
    killed = points(store, "r5")[0]
    assert killed["label"].startswith("killed") and killed["series_id"] != points(store, "r1")[0]["series_id"]


def test_refugees_are_where_they_fled_to_and_a_cause_of_death_is_its_own_series(store: Store) -> None:
    refugees, cholera, fighting = points(store, "r6")
    assert refugees["label"] == "refugees in Chad"  # "the country" is Chad, named before; not Sudan, fled from
    assert cholera["label"].startswith("cholera killed") and cholera["series_id"] != fighting["series_id"]


def q(**kw: object) -> Quantity:
    base: dict[str, object] = {"start": 0, "end": 5, "text": "3,000", "value": 3000, "bound": "=", "unit": None}
    base.update(kw)
    return Quantity(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("quantity", "counted"), [
    (q(unit="soldiers", category="troops"), "troops"),
    (q(unit="deaths", category="casualties", subcategory="killed"), "killed"),
    (q(unit="people", category="casualties", subcategory="killed-or-wounded"), "killed-or-wounded"),
    (q(unit="infections", category="other"), "cases"),
    (q(unit="cases", category="other"), "cases"),
    (q(unit="percent", category="other"), None),  # a share follows no series
    (q(unit=None, category="other"), None),  # nor a number that counts nothing named
    (q(unit="USD", category="money"), "money (USD)"),
    (q(unit="refugees", category="displaced"), "refugees"),  # who crossed a border ...
    (q(unit="people", category="displaced"), "displaced"),  # ... apart from the displaced at home
])
def test_what_is_counted_is_normalised(quantity: Quantity, counted: str | None) -> None:
    assert counted_of(quantity) == counted


def claim(modality: str, text: str = "x") -> Claim:
    return Claim("C1", 0, len(text), text, modality)  # type: ignore[arg-type]


@pytest.mark.parametrize(("quantity", "the_claim", "sentence", "status"), [
    (q(), None, "", "occurred"),
    (q(status="planned"), None, "", "planned"),
    (q(status="expected"), claim("asserted"), "", "expected"),
    (q(), claim("hypothetical"), "", "expected"),
    (q(), claim("reported"), "Moscow dismissed the figure of 3,000 as a fabrication.", "denied"),
    (q(), claim("negated"), "Over 3,000 ballots were not returned.", "occurred"),  # not returned: no denial
    (q(bound="~"), claim("reported"), "", "occurred"),  # a round figure is no estimate
    (q(start=31, end=36), claim("reported", "Officials estimated the toll at 3,000."), "", "estimated"),
    (q(start=22, end=27), claim("reported", "The ministry believes 3,000 are there."), "", "estimated"),
    # an estimate after the figure is another figure's: "3,000, far more than its estimate of last week"
    (q(start=0, end=5), claim("reported", "3,000 were sent, far more than its estimate of last week."), "",
     "occurred"),
    # the report around the claim says it is an estimate: "We estimate that [at least 3,000 were killed]."
    (q(), Claim("C1", 17, 42, "at least 3,000 were killed", "asserted"),  # type: ignore[arg-type]
     "We estimate that at least 3,000 were killed.", "estimated"),
    (q(), Claim("C1", 10, 35, "at least 3,000 were killed", "asserted"),  # type: ignore[arg-type]
     "They said at least 3,000 were killed.", "occurred"),
    # a correction withdraws the figure it corrects
    (q(), claim("reported"), "An earlier version of this article said that 2,000 officers had arrived.", "denied"),
    # a passive belief with no believer: "Some 750 people are believed to have been killed"
    (q(start=5, end=8), None, "Some 750 people are believed to have died in the city.", "estimated"),
    (q(start=5, end=8), None, "Some 750 people have died in the city.", "occurred"),
])
def test_status_of_a_point(quantity: Quantity, the_claim: Claim | None, sentence: str, status: str) -> None:
    assert status_of(quantity, the_claim, Sentence(0, len(sentence), sentence)) == status


def test_a_state_whose_people_are_counted_is_where_they_are() -> None:
    ext = Extraction(Article("a", "x"))
    us_deaths = series_key(q(unit="deaths", category="casualties", subcategory="killed", owner="USA"), ext)
    troops = series_key(q(unit="troops", category="troops", owner="USA"), ext)
    assert us_deaths is not None and troops is not None
    assert (us_deaths.owner, us_deaths.place) == (None, "USA")  # = "deaths in the United States"
    assert (troops.owner, troops.place) == ("USA", None)  # US troops are the US's, wherever they are


def test_a_loose_region_of_one_country_is_followed_as_the_country() -> None:
    from newsgraph.model import Place

    ext = Extraction(Article("a", "x"), places=[
        Place(0, 8, "Far East", "Far East", "RUS", 60.0, 130.0, 1, "region"),
        Place(0, 5, "Kursk", "Kursk", "RUS", 51.7, 36.2, 2, "admin1")])
    far_east = series_key(q(unit="troops", category="troops", owner="PRK", place=0), ext)
    kursk = series_key(q(unit="troops", category="troops", owner="PRK", place=1), ext)
    assert far_east is not None and kursk is not None
    assert far_east.place == "RUS" and kursk.place == "Kursk"


def test_the_two_countries_are_the_two_the_text_names_most(extract_text) -> None:
    ext = extract_text("An earthquake hit Turkey and Syria on Monday. Rescuers in Turkey dug through the night, and "
                       "aid reached Syria from Turkey. A team flew in from Belgium. The combined death toll in the "
                       "two countries rose to 3,400.", "2025-02-10")
    toll = next(q for q in ext.quantities if q.value == 3400)
    key = series_key(toll, ext)
    assert key is not None and (key.place, key.place_name) == ("SYR+TUR", "Syria and Turkey")


def test_a_province_the_sentence_names_without_its_country_is_where_the_figure_is(extract_text) -> None:
    ext = extract_text("Sindh's relief camps now hold 12,000 people who fled the floods, officials said. Pakistan "
                       "asked for help.", "2025-09-01")
    key = series_key(next(q for q in ext.quantities if q.value == 12000), ext)
    assert key is not None and key.place == "Sindh"
    ext = extract_text("Pakistan said 12,000 people had fled the floods, most of them from Sindh.", "2025-09-01")
    key = series_key(next(q for q in ext.quantities if q.value == 12000), ext)
    assert key is not None and key.place == "PAK"  # (beside its country a province may say where only some are)


def test_a_figure_of_unknown_place_stays_in_its_report() -> None:
    one, two = Extraction(Article("a", "x")), Extraction(Article("b", "y"))
    cases = q(unit="cases", category="other")
    first, second = series_key(cases, one), series_key(cases, two)
    assert first is not None and second is not None and first.key != second.key
    troops = q(unit="troops", category="troops", owner="PRK")  # an owner's troops: followed as the owner's
    assert series_key(troops, one) == series_key(troops, two)


def test_the_same_count_months_apart_is_another_story(extract_text, tmp_path: Path) -> None:
    """"Killed in Russia" in January and again in June are two stories: a series whose reports stop for
    longer than EPISODE_GAP starts again as another series (an episode) of the same key."""
    text = "Officials said 40 people were killed in Russia on Monday."
    with Store.open(tmp_path / "s.db") as s:
        for article_id, published in (("jan", "2019-01-04"), ("jan2", "2019-01-20"), ("jun", "2019-06-10")):
            ext = extract_text(text + f" ({article_id})", published)
            ext.article = Article(article_id, ext.article.text, dt.date.fromisoformat(published))
            s.write(ext)
        rows = list(s.rows("SELECT p.article_id, s.key, s.base_key, s.label FROM series_points p "
                           "JOIN series s ON s.id = p.series_id ORDER BY p.published"))
    assert rows[0]["key"] == rows[1]["key"] != rows[2]["key"]
    assert rows[0]["base_key"] == rows[2]["base_key"] and rows[2]["label"].endswith("(from 2019-06)")


def test_a_report_puts_an_owners_figure_where_and_whose_its_other_figures_of_that_thing_are() -> None:
    from newsgraph.store.series import SeriesKey, placed_in_report
    placed = SeriesKey("troops", None, "PRK", "RUS", None, "stock")
    nowhere = SeriesKey("troops", None, "PRK", None, None, "stock", scope="a1")
    nobodys = SeriesKey("troops", None, None, "RUS", None, "stock")
    cases = SeriesKey("cases", None, None, "CHN", None, "stock")  # nobody owns cases: no owner is lent
    out = placed_in_report([placed, nowhere, nobodys, cases, None])
    assert out[1] == SeriesKey("troops", None, "PRK", "RUS", None, "stock")
    assert out[2] == placed and out[3] == cases and out[4] is None
    two_places = placed_in_report([placed, SeriesKey("troops", None, "PRK", "Kursk", "Kursk", "stock"), nowhere])
    assert two_places[2] == nowhere  # the report's figures disagree: it stays in its report


@pytest.mark.parametrize(("kind", "chain", "shown"), [
    ("organization", ["a UN spokesperson"], "UN spokesperson"),
    ("organization", ["a WHO official who spoke on condition of anonymity"], "WHO official"),
    # a person named beside the description is the source; a body named by description is shown by its name
    ("organization", ["the agency's regional spokesperson, Nadia Karim"], None),
    ("organization", ["the agency's spokesperson"], None),
    ("person", ["a UN spokesperson"], None),
    ("organization", [], None),
])
def test_a_body_s_spokesperson_is_shown_as_the_text_names_them(kind: str, chain: list[str], shown: str | None
                                                               ) -> None:
    from newsgraph.store.voices import _speaking_for
    assert _speaking_for(kind, chain) == shown


@pytest.mark.parametrize(("counted", "owner", "kind"), [
    ("confirmed cases", None, "confirmed"),
    ("probable cases", None, "suspected"),  # one kind, whatever word gives it
    ("aid trucks", None, None),  # a modifier that describes the thing splits no series
    ("hospital beds", None, None),
    (None, "worldwide", "worldwide"),  # where, named by no place
    (None, "confirmed in other countries", "confirmed in other countries"),
    (None, "humanitarian", None),
])
def test_only_kinds_followed_apart_split_a_series(counted: str | None, owner: str | None, kind: str | None) -> None:
    assert kind_of(q(counted=counted, owner=owner, unit=(counted or "x").split()[-1])) == kind


def test_members_of_an_armed_group_killed_are_fighters_not_the_civilian_toll() -> None:
    from newsgraph.store.series import combatants
    text = "Police killed 112 members of armed gangs, and 40 members of the choir sang."
    gang = q(start=14, end=17, unit="members", counted="members", category="casualties", subcategory="killed")
    choir = q(start=46, end=48, unit="members", counted="members")
    assert combatants(gang, text) and not combatants(choir, text)


def test_a_stock_and_a_total_of_one_thing_are_one_line_and_a_flow_is_another() -> None:
    from newsgraph.store.series import SeriesKey
    toll = SeriesKey("killed", None, None, "HTI", None, "stock")
    over_a_period = SeriesKey("killed", None, None, "HTI", None, "total")
    added = SeriesKey("killed", None, None, "HTI", None, "flow")
    assert toll.key == over_a_period.key != added.key
    assert over_a_period.label(None).endswith("(total)")  # (the label still says what the figure is)


@pytest.mark.parametrize(("text", "value", "place"), [
    # the dateline says where the reporter files from, not where the counted things are
    ("NAIROBI, May 2 (NWS) — Kenya has recorded 1,200 cholera cases this year, officials said.", 1200, "KEN"),
    # "the country" before the figure is the last country named before those words, whatever comes after
    ("Officials in Lilongwe said on Monday that the country had registered 300 cases since the outbreak spread "
     "from Mozambique.", 300, "MWI"),
    # where most of them are is not where all of them are
    ("The ministry of Malawi said 800 people had fallen ill, most of them in and around Blantyre.", 800, "MWI"),
    # where the source spoke is not where the counted things are ...
    ("Boats keep leaving Myanmar. More than 300 refugees have died at sea this year, the agency said in a "
     "statement from Geneva.", 300, None),
    # ... but a sentence that opens with a place frames all it says
    ("In eastern Chad, the Red Cross said 60 people had died in the camps where its teams work.", 60, "TCD"),
    # where they came from is not where they are; a state's own body counts in that state
    ("Zambia's Ministry of Health said it had confirmed nine cases, all in people who came from Malawi.", 9,
     "ZMB"),
    # "the province" before the figure is the last province named
    ("Sindh has become the centre of the outbreak. The province has confirmed about 700 cases since May.", 700,
     "Sindh"),
])
def test_where_a_figure_of_nobodys_things_is(extract_text, text: str, value: float, place: str | None) -> None:
    ext = extract_text(text, "2025-05-02")
    key = series_key(next(q for q in ext.quantities if q.value == value), ext)
    assert key is not None and key.place == place, key


def test_a_figure_in_the_claim_a_fact_check_rates_false_is_denied() -> None:
    from newsgraph.store.series import checked_false
    text = ("CLAIM: A post says 40,000 tents have reached the valley.\nVERDICT: False. Officials said 4,000 had "
            "arrived.")
    assert checked_false(text, text.index("40,000")) and not checked_false(text, text.index("4,000"))
    rated_true = "Claim: A post says 40,000 tents have reached the valley.\nVerdict: True."
    assert not checked_false(rated_true, rated_true.index("40,000"))


def test_a_sentence_that_calls_its_figure_wrong_denies_it() -> None:
    sentence = Sentence(0, 60, "Our ruling: the figure of 40,000 tents is wrong by a wide margin.")
    tents = q(unit="tents", category="other", start=26, end=32)
    assert status_of(tents, None, sentence) == "denied"


def test_people_counted_by_what_they_do_are_two_counts(extract_text) -> None:
    ext = extract_text("In Chile, about 40,000 people are living in tents. More than 900 people have been pulled "
                       "alive from the rubble.", "2025-03-01")
    living, pulled = (series_key(next(q for q in ext.quantities if q.value == v), ext) for v in (40000, 900))
    assert living is not None and pulled is not None and living.key != pulled.key


def test_a_claim_foretells_only_the_figures_of_its_clauses_that_say_so() -> None:
    text = "the deal would put more guards on the border, and that patrols had already stopped 4,200 crossings"
    claim = Claim("C1", 0, len(text), text, "expected")  # type: ignore[arg-type]
    done = q(start=text.index("4,200"), end=text.index("4,200") + 5)
    assert status_of(done, claim) == "occurred"
    text = "the deal would put 400 more guards on the border, and that patrols had stopped some crossings"
    claim = Claim("C1", 0, len(text), text, "expected")  # type: ignore[arg-type]
    foretold = q(start=text.index("400"), end=text.index("400") + 3)
    assert status_of(foretold, claim) == "expected"


def test_the_authors_own_people_are_the_outlet_and_a_dateline_is_no_part_of_a_source(extract_text,
                                                                                     tmp_path: Path) -> None:
    """"KABUL, 3 May 2024 — Our monitors estimate that ...": the report's authors (the outlet) give the figure;
    the dateline before the dash is no part of who speaks."""
    text = ("KABUL, 3 May 2024 — Our monitors in the camps estimate that about 2,000 families have left the city "
            "since March.\nCorrection, 4 May: An earlier version of this article said that 3,000 families had left.")
    with Store.open(tmp_path / "s.db") as s:
        ext = extract_text(text, "2024-05-03")
        ext.article = Article("brief", text, dt.date(2024, 5, 3), url="https://www.example-monitor.org/b/1")
        s.write(ext)
        points = list(s.rows("SELECT source, source_key FROM series_points"))
        names = [r["name"] for r in s.rows("SELECT name FROM actors")]
    assert [p["source_key"] for p in points] == ["outlet:example-monitor.org"] * 2  # (and the corrected report)
    assert not [n for n in names if "KABUL" in n]


def test_a_report_put_in_another_source_s_mouth_is_that_source_s(extract_text, tmp_path: Path) -> None:
    """The subject of "recorded" reports the figure, but the sentence is the agency's: its source is the agency."""
    texts = {"put": "Zambia has recorded 1,200 suspected cases since March, the World Health "
                    "Organization said on Thursday.",
             "own": "Zambia has recorded 1,300 suspected cases since March."}
    with Store.open(tmp_path / "s.db") as s:
        for article_id, text in texts.items():
            ext = extract_text(text, "2024-08-09")
            ext.article = Article(article_id, text, dt.date(2024, 8, 9), url=f"https://www.{article_id}.example/a")
            s.write(ext)
        sources = {r["article_id"]: r["source"] for r in s.rows("SELECT article_id, source FROM series_points")}
    assert sources == {"put": "World Health Organization", "own": "Zambia"}


def test_each_giver_s_pledge_is_followed_apart(extract_text, tmp_path: Path) -> None:
    texts = {"can": "Canada has promised 40,000 tents for the camps.",
             "jpn": "Japan has promised 25,000 tents for the camps.",
             "can2": "Canada has promised 45,000 tents for the camps."}
    with Store.open(tmp_path / "s.db") as s:
        for article_id, text in texts.items():
            ext = extract_text(text, "2024-08-09")
            ext.article = Article(article_id, text, dt.date(2024, 8, 9))
            s.write(ext)
        series = {r["article_id"]: r["label"] for r in s.rows(
            "SELECT p.article_id, s.label FROM series_points p JOIN series s ON s.id = p.series_id")}
    assert series["can"] == series["can2"] != series["jpn"]
    assert series["can"].startswith("tents of Canada")
