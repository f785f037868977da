"""Many threads and asyncio tasks hammering one budget: no overshoot, exact money.

Each trial runs 16 threads and 1,000 asyncio tasks against one budget. They
hold reservations across thread switches and awaits, so the budget stays
full and almost every charge is decided at the edge of the cap, and they mix
spend, reserve/commit, reserve/release and split/charge/reclaim. Right
after each charge that succeeded, the worker checks, under the tree's lock,
that spent + reserved does not pass a cap; at the end, what every worker
saw succeed must add up exactly to what the budget spent. (With the lock
removed from the ledger, this test fails.)
"""

from __future__ import annotations

import asyncio
import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

from budgetlint import Amount, Budget, BudgetExceeded
from budgetlint.runtime.ledger import DIMENSIONS
from budgetlint.runtime.money import usd_units

THREADS = 16
TASKS = 1_000
ROUNDS = 3
OPS_PER_THREAD = 1_000
TRIALS = 10
CAP_USD = Decimal("1")
CAP_TOKENS = 5_000_000
CAP_CALLS = 100_000
CAPS = (usd_units(CAP_USD), CAP_TOKENS, CAP_CALLS)


class Tally:
    """What one worker saw succeed, in dollars, tokens and calls, and any
    overshoot it saw."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.usd = Decimal(0)
        self.tokens = 0
        self.calls = 0
        self.refusals = 0
        self.overshoots: list[str] = []

    def check(self) -> None:
        """Spent + reserved against the caps, in one atomic view."""
        tree, node = self.budget._tree, self.budget._node
        assert node is not None
        with tree.lock:
            used = list(node.used)
        self.overshoots.extend(
            f"{DIMENSIONS[d]}: {used[d]} > {cap}" for d, cap in enumerate(CAPS) if used[d] > cap
        )

    def add(self, usd: Decimal, tokens: int, calls: int = 1) -> None:
        self.usd += usd
        self.tokens += tokens
        self.calls += calls


def estimate(rng: random.Random) -> tuple[Decimal, int]:
    """A reservation: a few percent of the cap, so a few dozen fill it."""
    return Decimal(rng.randint(10_000, 30_000)).scaleb(-6), rng.randint(500, 2_500)


def actual(rng: random.Random) -> Decimal:
    """What a call really cost: far less than its estimate, so the budget
    stays full of reservations instead of running out."""
    return Decimal(rng.randint(0, 20_000)).scaleb(-9)


def thread_worker(budget: Budget, seed: int, tally: Tally, start: threading.Barrier) -> None:
    rng = random.Random(seed)
    start.wait()
    for _ in range(OPS_PER_THREAD):
        usd, tokens = estimate(rng)
        choice = rng.random()
        try:
            if choice < 0.6:
                reservation = budget.reserve(usd=usd, tokens=tokens)
                tally.check()
                time.sleep(0)  # the call is in flight: let the others run
                if choice < 0.4:
                    cost = actual(rng)
                    reservation.commit(usd=cost, tokens=tokens // 10)
                    tally.add(cost, tokens // 10)
                else:
                    reservation.release()
            elif choice < 0.8:
                cost = actual(rng)
                budget.spend(usd=cost, tokens=10)
                tally.check()
                tally.add(cost, 10)
            else:
                child = budget.split(usd=usd, tokens=tokens)
                tally.check()
                try:
                    time.sleep(0)
                    cost = actual(rng)
                    child.reserve(usd=usd, tokens=tokens).commit(usd=cost, tokens=1)
                    tally.add(cost, 1)
                finally:
                    budget.reclaim(child)
        except BudgetExceeded:
            tally.refusals += 1


async def task_worker(budget: Budget, rng: random.Random, tally: Tally) -> None:
    for _ in range(ROUNDS):
        usd, tokens = estimate(rng)
        try:
            reservation = budget.reserve(usd=usd, tokens=tokens)
        except BudgetExceeded:
            tally.refusals += 1
            await asyncio.sleep(0)
            continue
        tally.check()
        await asyncio.sleep(0)  # the call is in flight
        if rng.random() < 0.7:
            cost = actual(rng)
            reservation.commit(usd=cost, tokens=tokens // 10)
            tally.add(cost, tokens // 10)
        else:
            reservation.release()


@contextmanager
def frequent_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


@pytest.mark.parametrize("trial", range(TRIALS))
def test_threads_and_tasks_never_overshoot_and_conserve_money(trial: int) -> None:
    budget = Budget(usd=CAP_USD, tokens=CAP_TOKENS, calls=CAP_CALLS, name="shared")
    tallies = [Tally(budget) for _ in range(THREADS + 1)]
    start = threading.Barrier(THREADS + 1)
    workers = [
        threading.Thread(target=thread_worker, args=(budget, trial * 100 + i, tallies[i], start))
        for i in range(THREADS)
    ]

    async def tasks() -> None:
        rng = random.Random(trial)
        start.wait()
        await asyncio.gather(*(task_worker(budget, rng, tallies[-1]) for _ in range(TASKS)))

    with frequent_switches():
        for worker in workers:
            worker.start()
        asyncio.run(tasks())
        for worker in workers:
            worker.join()

    assert [overshoot for t in tallies for overshoot in t.overshoots] == []
    usage = budget.close()
    assert usage.overage == Amount(usd=Decimal(0), tokens=0, calls=0)
    assert usage.spent.usd == sum(t.usd for t in tallies)
    assert usage.spent.tokens == sum(t.tokens for t in tallies)
    assert usage.spent.calls == sum(t.calls for t in tallies)
    assert sum(t.refusals for t in tallies) > 0  # the cap was contended
