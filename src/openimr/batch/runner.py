"""Run a batch: skip what is done, farm out the rest, append results as they come, show progress.

Results and errors are appended one JSON line at a time and flushed, so a killed run loses at most the
units in flight; a restarted run first drops a torn last line, then skips every key already written.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from openimr.batch.units import Unit, dumps, iter_units
from openimr.batch.work import run_chunk

RESULTS = "results.jsonl"
ERRORS = "errors.jsonl"
CHUNK = 8


@dataclass
class Summary:
    total: int
    skipped: int
    done: int
    errors: int


def _repair(path: Path) -> None:
    """Drop a last line that a kill left without its newline."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        fh.seek(0)
        data = fh.read()
        keep = data.rfind(b"\n") + 1
        fh.seek(keep)
        fh.truncate()


def done_keys(out: Path) -> set[str]:
    keys: set[str] = set()
    for name in (RESULTS, ERRORS):
        path = out / name
        _repair(path)
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    try:
                        record = json.loads(line)
                        # the unit's content key; runs before content keys wrote the path as "source"
                        keys.add(record.get("unit") or record["source"])
                    except (json.JSONDecodeError, KeyError, AttributeError):
                        continue
    return keys


def _chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _watch_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone (killed, not shut down): a pool worker
    waits on its queue forever otherwise."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_worker() -> None:
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


class _Local:
    def __init__(self, workers: int) -> None:
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) if workers > 1 else None

    def submit(self, mode: str, chunk: list[Unit]) -> Future:
        if self.pool is None:
            future: Future = Future()
            future.set_result(run_chunk(mode, chunk))
            return future
        return self.pool.submit(run_chunk, mode, chunk)

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)


class SchedulerUnavailable(RuntimeError):
    """The Dask scheduler named by the address cannot be reached."""


class _Dask:
    def __init__(self, scheduler: str, timeout: float = 5.0) -> None:
        from distributed import Client

        try:
            self.client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise SchedulerUnavailable(
                f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s: {reason}"
            ) from None

    def submit(self, mode: str, chunk: list[Unit]) -> Future:
        return self.client.submit(run_chunk, mode, chunk, pure=False)  # type: ignore[return-value]

    def close(self) -> None:
        self.client.close()


def run_batch(
    mode: str,
    sources: list[str],
    out: Path,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Run ``parse`` or ``review`` over the sources into ``out``; return what was done."""
    if mode not in ("parse", "review"):
        raise ValueError("mode is 'parse' or 'review'")
    out.mkdir(parents=True, exist_ok=True)
    seen = done_keys(out)
    units = list(iter_units(sources, mode))
    todo = [u for u in units if u.key not in seen]
    summary = Summary(total=len(units), skipped=len(units) - len(todo), done=0, errors=0)
    executor = _Dask(scheduler) if scheduler else _Local(workers)
    in_flight = max(2, (workers if not scheduler else 4) * 2)
    try:
        with (
            (out / RESULTS).open("a", encoding="utf-8") as results,
            (out / ERRORS).open("a", encoding="utf-8") as errors,
        ):
            pending: set = set()
            chunks = _chunks(todo, CHUNK)
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < in_flight:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending.add(executor.submit(mode, chunk))
                if not pending:
                    break
                finished = _wait_any(pending, scheduler is not None)
                for future in finished:
                    pending.discard(future)
                    for record in future.result():
                        sink = errors if "error" in record else results
                        sink.write(dumps(record) + "\n")
                        summary.errors += sink is errors
                        summary.done += 1
                    results.flush()
                    errors.flush()
                    if progress:
                        progress(summary.done, len(todo))
    finally:
        executor.close()
    return summary


def _wait_any(pending: set, is_dask: bool) -> list:
    if is_dask:
        from distributed import wait as dask_wait

        done, _ = dask_wait(list(pending), return_when="FIRST_COMPLETED")
        return list(done)
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    return list(done)
