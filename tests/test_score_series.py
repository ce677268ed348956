"""The series scorer's arithmetic on tiny hand-made gold and fake system output (no NLP, no store)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import score_series

REPO = Path(__file__).resolve().parents[1]


def fig(aid: str, start: int, value: float, series: str, source: str = "NIS", status: str = "occurred",
        bound: str = "=") -> dict[str, Any]:
    return {"article_id": aid, "start": start, "end": start + 5, "text": "x" * 5, "value": value, "high": None,
            "bound": bound, "series": series, "source": source, "origin": source, "status": status}


def point(aid: str, start: int, value: float, source: str = "NIS", status: str = "occurred",
          bound: str = "=") -> dict[str, Any]:
    return {"article_id": aid, "start": start, "end": start + 4, "value": value, "high": None, "bound": bound,
            "status": status, "source": source, "origin": source, "published": "2024-10-18", "time": None}


GOLD: dict[str, Any] = {
    "thread": "tiny",
    "figures": [
        fig("a1", 10, 1500, "troops | PRK | Russia | stock"),                       # 0 -> s1
        fig("a2", 20, 3000, "troops | PRK | Russia | stock", source="Park Sun-won"),  # 1 -> s1, source by alias
        fig("a2", 40, 8000, "troops | PRK | Kursk | stock", source="Antony Blinken"),  # 2 -> s1: mixes
        fig("a3", 5, 11000, "troops | PRK | Kursk | stock", status="estimated"),    # 3 -> s2, status wrong
        fig("a3", 60, 11500, "troops | PRK | Kursk | stock", bound="~"),           # 4 -> s2, bound wrong
        fig("a3", 90, 40, "killed | PRK | Kursk | total"),                          # 5 -> s3 (singleton)
        fig("a4", 0, 12, "wounded | PRK | Kursk | total"),                          # 6: value differs -> missed
    ],
    "actors": [["Volodymyr Zelensky", "Zelenskyy"], ["National Intelligence Service", "NIS"]],
    "apart": [["Park Sun-won", "Sarah Park"], ["Kim Jong Un", "Kim Yong-hyun"]],
}

SERIES = [
    {"id": 1, "label": "troops PRK Russia", "points": [point("a1", 12, 1500.0), point("a2", 18, 3000, "Mr Park"),
                                                        point("a2", 41, 8000, "Blinken")]},
    {"id": 2, "label": "troops PRK Kursk", "points": [point("a3", 6, 11000), point("a3", 61, 11500, bound="=")]},
    {"id": 3, "label": "killed PRK", "points": [point("a3", 92, 40, source="Wire"),
                                                point("a3", 200, 40)]},  # a second 40 far away: not the match
    {"id": 4, "label": "wounded", "points": [point("a4", 0, 13)]},
]
ACTORS = [
    {"id": 7, "name": "Volodymyr Zelensky", "aliases": "Zelenskyy; Zelenskiy"},
    {"id": 8, "name": "National Intelligence Service", "aliases": "the spy agency"},
    {"id": 9, "name": "NIS", "aliases": ""},
    {"id": 10, "name": "Park Sun-won", "aliases": "Mr Park; Sarah Park"},
    {"id": 11, "name": "Kim Jong Un", "aliases": "Kim"},
    {"id": 12, "name": "Kim Yong-hyun", "aliases": ""},
]


def test_shares_count_every_gold_figure_and_a_mixing_series_is_listed() -> None:
    r = score_series.score(GOLD, SERIES, ACTORS)
    assert r["found"] == pytest.approx(6 / 7)
    assert r["source"] == pytest.approx(5 / 7)  # all but figure 5 ("Wire" names no NIS)
    assert r["status"] == pytest.approx(5 / 7) and r["bound"] == pytest.approx(5 / 7)
    # Russia -> s1 (2), Kursk -> s2 (2 of its 3), killed -> s3: 5 figures sit where their gold series went
    assert r["series"] == pytest.approx(5 / 7)
    assert r["mixed"] == 1 and r["mixed_series"][0]["id"] == "1"
    assert r["mixed_series"][0]["gold_series"] == ["troops | PRK | Kursk | stock", "troops | PRK | Russia | stock"]
    assert [m["text"] for m in r["missed"]] == ["xxxxx"] and r["missed"][0]["article_id"] == "a4"


def test_actor_groups_resolve_whole_and_apart_pairs_count_when_merged() -> None:
    r = score_series.score(GOLD, SERIES, ACTORS)
    assert r["actors"] == pytest.approx(1 / 2)
    assert r["actor_groups_split"] == [["National Intelligence Service", "NIS"]]
    assert r["apart_merged"] == 1 and r["apart_merged_pairs"] == [["Park Sun-won", "Sarah Park"]]


def test_names_match_by_containment_after_folding_or_through_the_registry() -> None:
    reg = score_series.registry_of(ACTORS)
    assert score_series.same_name("Example Wire", "example-wire.org", reg)
    assert score_series.same_name("Zelenskyy", "Volodymyr Zelensky", reg)
    assert not score_series.same_name("Kim Jong Un", "Kim Yong-hyun", reg)
    assert not score_series.same_name("NIS", None, reg)


def test_a_point_matches_one_gold_figure_only() -> None:
    gold = {"figures": [fig("a", 0, 5, "s1"), fig("a", 2, 5, "s2")], "actors": [], "apart": []}
    r = score_series.score(gold, [{"id": 1, "points": [point("a", 1, 5)]}], [])
    assert r["found"] == pytest.approx(1 / 2)


def fake_newsgraph(tmp: Path) -> str:
    """A stand-in for the CLI that prints the fake answers, one JSON object a line."""
    (tmp / "series.jsonl").write_text("\n".join(json.dumps(s) for s in SERIES) + "\n")
    (tmp / "actors.jsonl").write_text("\n".join(json.dumps(a) for a in ACTORS) + "\n")
    script = tmp / "fake_ng.py"
    script.write_text("import sys, pathlib\n"
                      "assert sys.argv[1] == 'query' and '--json' in sys.argv and '--db' in sys.argv\n"
                      f"print(pathlib.Path({str(tmp)!r}, sys.argv[2] + '.jsonl').read_text(), end='')\n")
    return f"{sys.executable} {script}"


def test_cli_reads_the_answers_through_the_query_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD))
    argv = ["--db", "x.db", "--gold", str(gold), "--newsgraph", fake_newsgraph(tmp_path)]
    assert score_series.main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["found"] == pytest.approx(6 / 7)
    assert score_series.main(argv) == 0
    out = capsys.readouterr().out
    assert "found     85.7%" in out and "mixed         1" in out


@pytest.mark.parametrize("content", ["{not json", json.dumps({"figures": [{"article_id": "a"}]}), "[]"])
def test_a_bad_gold_file_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: str) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(content)
    assert score_series.main(["--db", "x.db", "--gold", str(gold), "--newsgraph", fake_newsgraph(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("score_series:") and err.count("\n") == 1


def articles_of(path: Path) -> dict[str, str]:
    return {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.parametrize("gold_path, corpora", [
    ("bench/series/dev_corona.json", ["data/corpus/sample.jsonl", "data/corpus/conflict.jsonl"]),
    ("bench/series/heldout_iran.json", ["data/corpus/sample.jsonl", "data/corpus/conflict.jsonl"]),
    ("tests/data/series_story/gold.json", ["tests/data/series_story/articles.jsonl"]),
    ("tests/data/series_story_sudan/gold.json", ["tests/data/series_story_sudan/articles.jsonl"]),
    ("bench/series/heldout_story_congo/gold.json", ["bench/series/heldout_story_congo/articles.jsonl"]),
    ("tests/data/series_story_haiti/gold.json", ["tests/data/series_story_haiti/articles.jsonl"]),
    ("tests/data/series_story_quake/gold.json", ["tests/data/series_story_quake/articles.jsonl"]),
    ("bench/series/heldout_story_drones/gold.json", ["bench/series/heldout_story_drones/articles.jsonl"]),
    ("bench/series/heldout_story_sahel/gold.json", ["bench/series/heldout_story_sahel/articles.jsonl"]),
    ("tests/data/series_story_rohingya/gold.json", ["tests/data/series_story_rohingya/articles.jsonl"]),
    ("tests/data/series_story_mpox/gold.json", ["tests/data/series_story_mpox/articles.jsonl"]),
    ("bench/series/heldout_story_floods/gold.json", ["bench/series/heldout_story_floods/articles.jsonl"]),
    ("bench/series/heldout_story_cyclone/gold.json", ["bench/series/heldout_story_cyclone/articles.jsonl"]),
    ("tests/data/series_story_channel/gold.json", ["tests/data/series_story_channel/articles.jsonl"]),
])
def test_the_gold_spans_are_the_texts_they_quote(gold_path: str, corpora: list[str]) -> None:
    texts: dict[str, str] = {}
    for c in corpora:
        texts.update(articles_of(REPO / c))
    gold = score_series.load_gold(REPO / gold_path)
    assert set(gold["articles"]) <= set(texts)
    for f in gold["figures"]:
        assert f["article_id"] in gold["articles"]
        assert texts[f["article_id"]][f["start"]:f["end"]] == f["text"], f
        assert f["bound"] in {"=", ">", ">=", "<", "<=", "~"}
        assert f["status"] in {"occurred", "planned", "expected", "estimated", "denied"}
