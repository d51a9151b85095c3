"""What a bounded-memory load costs: an N-Quads file bulk-loaded into an empty store whole, then in
pieces read one after another, each way in a fresh process so that its peak RSS is its own.

    python bench/load_pieces.py nquads/shard-00000.nq --pieces 1 3 10 30

Prints one line per way: pieces, seconds, peak RSS in MB, and the time over the one-shot load's.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def load(path: Path, pieces: int, store_dir: Path) -> tuple[float, int]:
    """Bulk-load `path` into a new store at `store_dir` in `pieces` loads; (seconds, peak RSS in MB)."""
    import pyoxigraph as ox

    store = ox.Store(str(store_dir))
    started = time.perf_counter()
    if pieces == 1:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    else:
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        step = lines // pieces + 1
        with path.open("rb") as f:
            while chunk := b"".join(itertools.islice(f, step)):
                store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    return time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--pieces", type=int, nargs="+", default=[1, 3, 10, 30])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: one way only
    args = parser.parse_args()
    if args.one is not None:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, rss = load(args.nquads, args.one, Path(tmp) / "store")
        print(f"{seconds:.3f} {rss}")
        return
    baseline = None
    for pieces in args.pieces:
        out = subprocess.run([sys.executable, __file__, str(args.nquads), "--one", str(pieces)],
                             check=True, capture_output=True, text=True).stdout.split()
        seconds, rss = float(out[0]), int(out[1])
        baseline = baseline or (seconds if pieces == 1 else None)
        ratio = f"{seconds / baseline:.2f}" if baseline else "-"
        print(f"pieces={pieces} time={seconds:.1f}s peak_rss={rss}MB vs_one_load={ratio}", flush=True)


if __name__ == "__main__":
    main()
