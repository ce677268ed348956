"""Switch each named rule off in turn and report what it does to every development gate, on the half of
each set that was tuned on and on the half that was not.

A rule that helps only the tuned half is a candidate for removal: it learnt those texts, not the task.
A rule that never fires on any development text is reported as such (it may be dead, or written for one
text we no longer have).

    python bench/ablate.py                        # every rule; writes bench/ablation.md and .json
    python bench/ablate.py --rules events.target   # only rules whose name starts so
    python bench/ablate.py --baseline-only         # the gates with every rule on

spaCy's own model (tokens, tags, parse, entities) runs once per text and its Docs are kept in memory; only
our stages run again for each rule switched off, which is what makes a few hundred runs affordable.

The splits (documented in tests/data/README.md and the gate tests):
- seed: the founding article, a specification (tuned on by design);
- plover: the GSR records, md5(id) % 2 == 0 tuned on (154), == 1 held out (162);
- trnews, wikiwars: md5(id) % 2 (all of TR-News and WikiWars were read while tuning earlier stages, so both
  halves are "tuned" in truth; the split still shows rules that fit a few documents);
- attributions: attributions_tuning.jsonl tuned, attributions_check*.jsonl held out;
- quantities: quantities_tuning.jsonl tuned, quantities_check.jsonl held out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
Score = dict[str, float]


# ------------------------------------------------------------------------------------------------ gates


@dataclass
class Gate:
    """A development set, its halves, and how to score a list of extractions of its texts."""

    name: str
    texts: list[dict[str, Any]]  # {"id", "text", "published"}
    half: dict[str, str]  # text id -> "tuned" | "held_out"
    score: Callable[[list[str], dict[str, Any]], Score]  # (ids of one half, id -> extract JSON) -> figures
    headline: str  # the figure the report sorts by


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _md5_half(key: str) -> str:
    return "tuned" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 2 == 0 else "held_out"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def plover_gate() -> Gate:
    se = _load("score_events", SHARED / "eval" / "score_events.py")
    records = se.load_records(str(SHARED / "data" / "plover-gsr" / "plover_gsr.jsonl"))
    by_id = {r["id"]: r for r in records}

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        m = se.evaluate([by_id[i] for i in ids], [out[i] for i in ids])
        return {k: round(float(m[k]), 2) for k in ("accuracy", "macro_f1", "source", "target", "joint")}

    texts = [{"id": r["id"], "text": r["text"], "published": None} for r in records]
    return Gate("plover", texts, {r["id"]: _md5_half(r["id"]) for r in records}, score, "accuracy")


def _placed_f1(res: dict[str, Any]) -> float:
    """F1 of places found AND placed within 161 km: recall over all gold places (the scorer's end-to-end
    Acc@161), precision over all places given (recognition precision times Acc@161). A rule that finds more
    places, some hard to place, lowers acc161 (a share of those found) and may still be right; one that finds
    wrong places raises the end-to-end recall alone; this counts both."""
    recall = res["e2e_primary"]["acc161"]
    precision = res["recog_primary_overlap"]["P"] * res["resolution_primary"]["acc161"] / 100
    return round(2 * precision * recall / (precision + recall), 2) if precision + recall else 0.0


def trnews_gate() -> Gate:
    sp = _load("score_places", SHARED / "eval" / "score_places.py")
    rows = _jsonl(SHARED / "data" / "tr-news" / "tr-news.jsonl")
    docs = {r["id"]: sp.normalise_gold_doc(r, r["id"]) for r in rows}

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        res, _ = sp.score_corpus([docs[i] for i in ids], [out[i]["places"] for i in ids])
        return {"recognition_f1": round(res["recog_primary_overlap"]["F1"], 2),
                "acc161": round(res["resolution_primary"]["acc161"], 2),
                "country": round(res["resolution_primary"]["country_acc"], 2),
                "placed_f1": _placed_f1(res)}

    texts = [{"id": r["id"], "text": docs[r["id"]]["text"], "published": r.get("published")} for r in rows]
    return Gate("trnews", texts, {r["id"]: _md5_half(r["id"]) for r in rows}, score, "placed_f1")


def wikiwars_gate() -> Gate:
    st = _load("score_times", SHARED / "eval" / "score_times.py")
    docs = {d.id: d for d in st.load_gold_jsonl(SHARED / "data" / "wikiwars" / "wikiwars.jsonl")}

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        total = st.Counts()
        for i in ids:
            system = [st.Timex(t["start"], t["end"], t["value"], t["type"], t["text"]) for t in out[i]["times"]]
            total.add(st.score_doc(docs[i], system).counts)
        f = st.figures(total)
        return {k: round(float(f[k] or 0), 2) for k in ("strict_f1", "relaxed_f1", "value_f1")}

    texts = [{"id": d.id, "text": d.text, "published": d.published} for d in docs.values()]
    return Gate("wikiwars", texts, {i: _md5_half(i) for i in docs}, score, "value_f1")


def seed_gate() -> Gate:
    ss = _load("score_seed", SHARED / "eval" / "score_seed.py")
    text = (SHARED / "seed" / "rferl-2024-10-28.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "seed" / "rferl-2024-10-28.gold.json").read_text(encoding="utf-8"))

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        doc = out["seed"]
        actors = {a["id"]: a for a in doc["actors"]}
        s = {p: ss.__dict__[f"score_{p}"](text, gold[p], doc[p])[0] for p in ("times", "quantities", "actors",
                                                                                "events")}
        s["places"] = ss.score_places(text, gold["places"], doc["places"], gold.get("places_wrong"))[0]
        s["quotes"] = ss.score_quotes(text, gold["quotes"], doc["quotes"], actors)[0]
        s["overall"] = sum(s.values()) / len(s)
        return {k: round(v, 3) for k, v in s.items()}

    texts = [{"id": "seed", "text": text, "published": gold["article"]["published"]}]
    return Gate("seed", texts, {"seed": "tuned"}, score, "overall")


def attributions_gate() -> Gate:
    sa = _load("score_attributions", ROOT / "bench" / "score_attributions.py")
    files = {"attributions_tuning.jsonl": "tuned", "attributions_check.jsonl": "held_out",
             "attributions_check2.jsonl": "held_out"}
    gold = {a["id"]: a for name in files for a in sa.load_gold(ROOT / "tests" / "data" / name)}
    half = {a["id"]: files[name] for name in files for a in sa.load_gold(ROOT / "tests" / "data" / name)}

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        s = sa.score([gold[i] for i in ids], {i: out[i] for i in ids}).scores()
        return {k: round(float(s[k]), 3) for k in ("content_f1", "source_acc", "e2e_f1")}

    texts = [{"id": a["id"], "text": a["text"], "published": a.get("published")} for a in gold.values()]
    return Gate("attributions", texts, half, score, "e2e_f1")


def quantities_gate() -> Gate:
    sq = _load("score_quantities", ROOT / "bench" / "score_quantities.py")
    files = {"quantities_tuning.jsonl": "tuned", "quantities_check.jsonl": "held_out"}
    gold = {g["id"]: g for name in files for g in _jsonl(ROOT / "tests" / "data" / name)}
    half = {g["id"]: files[name] for name in files for g in _jsonl(ROOT / "tests" / "data" / name)}

    def score(ids: list[str], out: dict[str, Any]) -> Score:
        tally = sq.Tally()
        for i in ids:
            sq.score_sentence(gold[i], out[i]["quantities"], tally)
        return {name: round(tally.f1(tp)[2], 2) for name, tp in
                (("value", tally.value), ("value+unit", tally.unit), ("value+change", tally.change))}

    texts = [{"id": g["id"], "text": g["text"], "published": g.get("published")} for g in gold.values()]
    return Gate("quantities", texts, half, score, "value+unit")


GATES: dict[str, Callable[[], Gate]] = {
    "seed": seed_gate, "plover": plover_gate, "trnews": trnews_gate, "wikiwars": wikiwars_gate,
    "attributions": attributions_gate, "quantities": quantities_gate,
}


# ------------------------------------------------------------------------------------------------ running


@dataclass
class Runner:
    """spaCy's model once per text; our stages again for each set of rules switched off, from the stage the
    rules belong to: each text keeps a snapshot of its Doc before each of our stages (the Doc's bytes and
    its user data, where spaCy keeps the Doc._ values), so a rule of the events stage reruns events and
    links only."""

    gates: list[Gate]
    snapshots: dict[tuple[str, str], list[tuple[bytes, bytes]]] = field(default_factory=dict)

    def prepare(self) -> None:
        from newsgraph.nlp.pipeline import COMPONENTS, build_nlp, make_doc

        nlp = build_nlp()
        for gate in self.gates:
            articles = [_article(t) for t in gate.texts]
            with nlp.select_pipes(disable=list(COMPONENTS)):
                for article, doc in zip(articles, nlp.pipe(make_doc(nlp, a) for a in articles), strict=True):
                    shots = self.snapshots[(gate.name, article.id)] = []
                    for name in COMPONENTS:
                        shots.append((doc.to_bytes(exclude=["user_data"]), pickle.dumps(doc.user_data)))
                        doc = nlp.get_pipe(name)(doc)

    def run(self, rules_off: tuple[str, ...], only: tuple[str, ...] | None = None,
            first_stage: str | None = None) -> dict[str, dict[str, Any]]:
        """gate -> text id -> extract JSON, with these rules off (only these gates, if given), running our
        stages from ``first_stage`` on (the earlier ones are as with every rule on)."""
        from spacy.tokens import Doc

        from newsgraph.nlp.pipeline import COMPONENTS, build_nlp, doc_to_extraction

        nlp = build_nlp()
        start = COMPONENTS.index(f"newsgraph_{first_stage}") if f"newsgraph_{first_stage}" in COMPONENTS else 0
        stages = [nlp.create_pipe(name, config=_config(nlp, name, rules_off)) for name in COMPONENTS[start:]]
        out: dict[str, dict[str, Any]] = {}
        for gate in self.gates:
            if only is not None and gate.name not in only:
                continue
            results = out.setdefault(gate.name, {})
            for t in gate.texts:
                doc_bytes, user_data = self.snapshots[(gate.name, t["id"])][start]
                doc = Doc(nlp.vocab).from_bytes(doc_bytes, exclude=["user_data"])
                doc.user_data.update(pickle.loads(user_data))
                for stage in stages:
                    doc = stage(doc)
                results[t["id"]] = doc_to_extraction(doc, _article(t)).to_json()
        return out

    def scores(self, outputs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Score]]:
        """gate -> half -> figures, for the gates run."""
        table: dict[str, dict[str, Score]] = {}
        for gate in (g for g in self.gates if g.name in outputs):
            halves: dict[str, list[str]] = {}
            for t in gate.texts:
                halves.setdefault(gate.half[t["id"]], []).append(t["id"])
            table[gate.name] = {h: gate.score(ids, outputs[gate.name]) for h, ids in sorted(halves.items())}
        return table


def _article(t: dict[str, Any]) -> Any:
    from newsgraph.model import Article

    published = dt.date.fromisoformat(t["published"][:10]) if t.get("published") else None
    return Article(t["id"], t["text"], published)


def _config(nlp: Any, name: str, rules_off: tuple[str, ...]) -> dict[str, Any]:
    takes = "rules_off" in (nlp.get_factory_meta(name).default_config or {})
    return {"rules_off": list(rules_off)} if takes and rules_off else {}


def fired_rules(outputs: dict[str, dict[str, Any]]) -> Counter[str]:
    """How many items of the development sets each rule produced or changed."""
    counts: Counter[str] = Counter()
    for results in outputs.values():
        for record in results.values():
            for kind in ("times", "places", "quantities", "actors", "quotes", "claims", "events"):
                for item in record.get(kind, []):
                    counts.update({step[0] for step in item.get("trace") or []})
    return counts


# ------------------------------------------------------------------------------------------------ report


def delta(base: dict[str, dict[str, Score]], run: dict[str, dict[str, Score]]) -> dict[str, dict[str, float]]:
    """gate -> half -> change of the gate's headline figure with the rule OFF (negative: the rule helps)."""
    out: dict[str, dict[str, float]] = {}
    for gate, halves in base.items():
        for h, figures in halves.items():
            key = HEADLINES[gate]
            out.setdefault(gate, {})[h] = round(run[gate][h][key] - figures[key], 3) if gate in run else 0.0
    return out


# The gates a stage's rules can move: a stage reads only earlier stages (times -> actors -> places ->
# quantities -> quotes -> events -> links), and each gate scores some stages. The others are not run again
# for its rules: their change is 0 by construction. (Links sets which event a figure sizes: no gate scores it.)
REACHES = {
    "times": ("seed", "plover", "trnews", "wikiwars", "attributions", "quantities"),
    "actors": ("seed", "plover", "trnews", "attributions", "quantities"),
    "places": ("seed", "plover", "trnews", "quantities"),
    "quantities": ("seed", "plover", "attributions", "quantities"),
    "quotes": ("seed", "plover", "attributions"),
    "claims": ("seed", "plover", "attributions"),
    "events": ("seed", "plover"),
    "links": (),
}

HEADLINES = {"seed": "overall", "plover": "accuracy", "trnews": "placed_f1", "wikiwars": "value_f1",
             "attributions": "e2e_f1", "quantities": "value+unit"}


def points(gate: str, v: float) -> float:
    """A change in points of 100 (the founding article's figures are fractions of 1)."""
    return v * 100 if gate == "seed" else v


def verdict(d: dict[str, dict[str, float]]) -> str:
    """What the halves say: a rule helps a half when switching it off lowers that half's headline (changes
    summed over the gates in points; the founding article is a specification, tuned on by design, so a rule
    that moves only it is said so: no development gate measures what it does)."""
    tuned = sum(-points(g, v) for g, halves in d.items() for h, v in halves.items() if h == "tuned")
    held = sum(-points(g, v) for g, halves in d.items() for h, v in halves.items() if h == "held_out")
    if tuned == 0 and held == 0:
        return "no effect"
    if held > 0:
        return "helps held-out" if tuned >= 0 else "helps held-out, hurts tuned"
    if held == 0 and all(v == 0 for g, halves in d.items() if g != "seed" for v in halves.values()):
        return "helps only the founding article" if tuned > 0 else "hurts the founding article"
    if tuned > 0:
        return "helps only the tuned half: candidate for removal" if held == 0 else \
            "helps tuned, HURTS held-out: remove or generalise"
    return "hurts: remove" if held < 0 or tuned < 0 else "no effect"


def write_report(path: Path, base: dict[str, Any], rows: list[dict[str, Any]], never: list[str],
                 seconds: float) -> None:
    lines = ["# Ablation: each rule switched off in turn", "",
             f"{len(rows)} rules, {len(never)} of them on no item of the development sets; {seconds / 60:.0f} min "
             "of compute.",
             "Cells: change of each gate's headline figure with the rule OFF, tuned half / held-out half "
             "(negative: the rule helps). Headlines: " + ", ".join(f"{g} {k}" for g, k in HEADLINES.items()), "",
             "## Baseline (every rule on)", ""]
    for gate, halves in base.items():
        lines.append(f"- {gate}: " + "; ".join(f"{h} " + ", ".join(f"{k} {v}" for k, v in f.items())
                                               for h, f in halves.items()))
    lines += ["", "## Rules", "", "| rule | fires | " + " | ".join(HEADLINES) + " | verdict |",
              "|---|---|" + "---|" * len(HEADLINES) + "---|"]
    for r in sorted(rows, key=lambda r: (r["verdict"] == "no effect", r["verdict"], r["rule"])):
        cells = [" / ".join(f"{v:+g}" if v else "0" for h in ("tuned", "held_out")
                            for v in [r["delta"].get(g, {}).get(h)] if v is not None) or "-"
                 for g in HEADLINES]
        lines.append(f"| `{r['rule']}` | {r['fires']} | " + " | ".join(cells) + f" | {r['verdict']} |")
    lines += ["", "## On no item of the development sets (a filter acts without leaving a trace)", "",
              *(f"- `{n}`" for n in never)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rules", action="append", default=[], help="only rules whose name starts so (repeatable)")
    p.add_argument("--gates", default=",".join(GATES), help="comma-separated gates")
    p.add_argument("--baseline-only", action="store_true")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "ablation")
    p.add_argument("--shard", default="0/1", help="K/N: run every N-th rule from the K-th (N processes in parallel)")
    p.add_argument("--merge", nargs="+", type=Path, help="write the report from these shards' .json files")
    args = p.parse_args(argv)
    if args.merge:
        return merge(args.merge, args.out)
    from newsgraph.nlp.pipeline import import_stages
    from newsgraph.nlp.rules import REGISTRY

    started = time.monotonic()
    runner = Runner([GATES[g]() for g in args.gates.split(",")])
    runner.prepare()
    base_out = runner.run(())
    base = runner.scores(base_out)
    print(json.dumps(base, indent=1))
    if args.baseline_only:
        return 0
    import_stages()
    fires = fired_rules(base_out)
    k, n_shards = (int(x) for x in args.shard.split("/"))
    names = sorted(n for n in REGISTRY if not args.rules or n.startswith(tuple(args.rules)))[k::n_shards]
    rows, never = [], []
    for n, name in enumerate(names, 1):
        if not fires[name]:
            never.append(name)  # (it may still act without leaving a trace: a filter; it is run all the same)
        stage = name.split(".")[0]
        reached = tuple(g for g in REACHES.get(stage, HEADLINES) if g in base)
        d = delta(base, runner.scores(runner.run((name,), reached, "quotes" if stage == "claims" else stage)))
        rows.append({"rule": name, "fires": fires[name], "delta": d, "verdict": verdict(d)})
        print(f"[{n}/{len(names)}] {name}: {rows[-1]['verdict']} {json.dumps(d)}", flush=True)
    seconds = time.monotonic() - started
    args.out.with_suffix(".json").write_text(json.dumps({"baseline": base, "rules": rows, "never": never,
                                                         "seconds": seconds}, indent=1), encoding="utf-8")
    write_report(args.out.with_suffix(".md"), base, rows, never, seconds)
    print(f"ablate: {len(rows)} rules run ({len(never)} on no item); report in {args.out.with_suffix('.md')}")
    return 0


def merge(shards: list[Path], out: Path) -> int:
    """One report from shards: of rules (``--shard``) or of gates (a later run with ``--gates`` replaces
    those gates' figures for the rules it ran)."""
    parts = [json.loads(p.read_text(encoding="utf-8")) for p in shards]
    base: dict[str, Any] = {}
    by_rule: dict[str, dict[str, Any]] = {}
    for part in parts:
        base.update(part["baseline"])
        for r in part["rules"]:
            row = by_rule.setdefault(r["rule"], {"rule": r["rule"], "fires": r["fires"], "delta": {}})
            row["delta"].update(r["delta"])
    rows = [{**r, "verdict": verdict(r["delta"])} for r in by_rule.values()]
    never = sorted(r["rule"] for r in rows if not r["fires"])
    seconds = sum(p.get("seconds", 0.0) for p in parts)  # (compute time, the shards together)
    write_report(out.with_suffix(".md"), base, rows, never, seconds)
    out.with_suffix(".json").write_text(json.dumps({"baseline": base, "rules": rows, "never": never}, indent=1),
                                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
