"""Speed of the runtime against a bare ``threading.Lock`` counter, in one run.

    python bench/runtime.py [--ops N]

The counter is the four-line check-then-add under a lock that budgetlint
replaces. For each of ``spend`` and ``reserve`` + ``commit`` (one charged
call either way), uncontended and with 4 threads sharing one budget, it
prints operations per second of both, side by side, and how many times
slower budgetlint is. Best of three runs. Each is measured with the
compiled fast paths (``budgetlint.runtime.fastpath``, what an install with
a C compiler runs) and with the pure-Python methods. The target is
``reserve`` + ``commit`` within 3x of the counter uncontended, as installed.

Nothing here is asserted: machines are shared and noisy; read the ratios.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable

from budgetlint import Budget
from budgetlint.runtime import fastpath

THREADS = 4
REPEATS = 3
TARGET = 3.0
PRICE = 0.000_25  # a float, as user code passes it
CAP = 10**9


class LockCounter:
    """The baseline: a lock, a check, an add."""

    def __init__(self, cap: float) -> None:
        self.cap, self.spent, self.lock = cap, 0.0, threading.Lock()

    def spend(self, usd: float) -> None:
        with self.lock:
            if self.spent + usd > self.cap:
                raise RuntimeError("over the cap")
            self.spent += usd


Workload = Callable[[int], None]
"""Runs the operation ``n`` times."""


def counter_spend(counter: LockCounter) -> Workload:
    def run(n: int) -> None:
        for _ in range(n):
            counter.spend(PRICE)

    return run


def budget_spend(budget: Budget) -> Workload:
    def run(n: int) -> None:
        for _ in range(n):
            budget.spend(usd=PRICE)

    return run


def budget_reserve_commit(budget: Budget) -> Workload:
    def run(n: int) -> None:
        for _ in range(n):
            budget.reserve(usd=2 * PRICE).commit(usd=PRICE)

    return run


def ops_per_second(make: Callable[[], Workload], ops: int, threads: int) -> float:
    """One run: ``ops`` operations split over ``threads``."""
    workload = make()
    start = threading.Barrier(threads + 1)

    def worker() -> None:
        start.wait()
        workload(ops // threads)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in pool:
        thread.join()
    return ops / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=200_000, help="operations per measurement")
    ops = parser.parse_args().ops

    cases: list[tuple[str, Callable[[], Workload]]] = [
        ("spend", lambda: budget_spend(Budget(usd=CAP))),
        ("reserve+commit", lambda: budget_reserve_commit(Budget(usd=CAP))),
    ]
    implementations = ["compiled", "python"] if fastpath.AVAILABLE else ["python"]
    row = "{:16} {:>7} {:>14} {:>17} {:>14} {:>7}"
    print(
        row.format(
            "operation", "threads", "implementation", "budgetlint ops/s", "counter ops/s", "slower"
        )
    )
    ratios: dict[tuple[str, int, str], float] = {}
    for threads in (1, THREADS):
        for label, make in cases:
            for implementation in implementations:
                fastpath.use_compiled(implementation == "compiled")
                # Best of REPEATS, the two sides alternating so that both see
                # the same load on a shared machine.
                ours = theirs = 0.0
                for _ in range(REPEATS):
                    ours = max(ours, ops_per_second(make, ops, threads))
                    theirs = max(
                        theirs,
                        ops_per_second(lambda: counter_spend(LockCounter(CAP)), ops, threads),
                    )
                ratios[label, threads, implementation] = theirs / ours
                print(
                    row.format(
                        label,
                        threads,
                        implementation,
                        f"{ours:,.0f}",
                        f"{theirs:,.0f}",
                        f"{theirs / ours:.1f}x",
                    )
                )
    fastpath.use_compiled(True)
    installed = implementations[0]
    ratio = ratios["reserve+commit", 1, installed]
    verdict = "met" if ratio <= TARGET else "not met"
    print(
        f"\ntarget: reserve+commit within {TARGET:.0f}x of the counter uncontended "
        f"({installed}, as installed here): {ratio:.1f}x ({verdict})"
    )


if __name__ == "__main__":
    main()
