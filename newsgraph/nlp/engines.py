"""Ray Data: the engine for more than one machine.

The same pipeline as the local engine, run as a Ray Data ``map_batches`` over a pool of actors, each of which
loads the model and the gazetteer once and then extracts batches of articles. Reading and validating the input
stays on the driver, so a bad record is named and skipped exactly as with the local engine; articles travel
to the cluster through Ray's object store, so the nodes need no shared file system, only newsgraph installed
(the same ``requirements.lock``).

Results come back as the extract JSON and are rebuilt into Extractions in input order, window by window,
so memory on the driver stays bounded and ``newsgraph extract``'s output is the same line for line.

    newsgraph extract --input big.jsonl --output out.jsonl --engine ray                  # a local Ray instance
    newsgraph ingest corpus/ --engine ray --ray-address auto                            # a running cluster
    newsgraph ingest corpus/ --engine ray --ray-address ray://head:10001 --workers 16    # Ray Client
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.model import Article
from newsgraph.nlp.pipeline import PARALLEL_TASK, Result, article_row, extract_rows, from_row, in_batches

# Articles per Ray dataset: large enough that starting the actor pool (each actor loads the model, ~2 s)
# is a small share of the work, small enough that the driver holds only this many results at a time.
WINDOW = 2000
ROW_KEYS = ("id", "text", "published", "title", "url")


class RayNotInstalled(NewsgraphError):
    pass


def extract_on_ray(
    articles: Iterable[Article], address: str | None = None, workers: int | None = None,
    window: int = WINDOW, batch_size: int = PARALLEL_TASK,
) -> Iterator[Result]:
    """Extractions (or Rejected texts) in input order, computed by ``workers`` Ray actors (default: one
    per CPU of the cluster).

    ``address`` is None to start a Ray instance on this machine for the run, "auto" for a cluster already
    started on this machine (``ray start``), or ``ray://host:10001`` for a remote cluster.
    """
    ray = _import_ray()
    started = _connect(ray, address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        for batch in in_batches(articles, window):
            yield from _extract_window(ray, batch, pool, batch_size)
    finally:
        if started:
            ray.shutdown()


def _extract_window(ray: Any, articles: list[Article], pool: int, batch_size: int) -> Iterator[Result]:
    rows = [{"seq": i, **article_row(a)} for i, a in enumerate(articles)]
    dataset = ray.data.from_items(rows).map_batches(
        _Extractor, batch_size=batch_size, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(pool, len(rows))),
    )
    results: dict[int, dict[str, Any]] = {}
    for row in dataset.iter_rows():
        results[int(row["seq"])] = json.loads(row["result"])
    for i, article in enumerate(articles):
        yield from_row(results[i], article)  # the driver's Article (origin included), as the local engine does


class _Extractor:
    """One per Ray actor: the pipeline loads once, then each call extracts a batch of article rows."""

    def __init__(self) -> None:
        from newsgraph.nlp.pipeline import build_nlp

        build_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        rows = [{key: _plain(batch[key][i]) for key in ROW_KEYS} for i in range(len(batch["seq"]))]
        return {"seq": batch["seq"], "result": [json.dumps(r, ensure_ascii=False) for r in extract_rows(rows)]}


def _plain(value: Any) -> Any:
    """numpy strings and nulls from the Arrow batch as the plain Python values extract_rows expects."""
    return None if value is None else str(value)


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise RayNotInstalled("the ray engine needs Ray Data: install it with pip install 'ray[data]' "
                              "(it is in requirements.lock), or use --engine local") from e
    return ray


def _connect(ray: Any, address: str | None, workers: int | None) -> bool:
    """Join or start Ray; True when this call started it (and so must stop it)."""
    if ray.is_initialized():
        return False
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(num_cpus=workers or None, include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as e:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        raise NewsgraphError(f"cannot start or reach {where} ({e}); check --ray-address") from e
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return True
