"""The fan-out race: sub-agents sharing one cap, three ways (simulated LLM calls).

Eight concurrent sub-agents share a $1.00 cap, 30 trials each way. Every
sub-agent wants 20 calls; a call is estimated at $0.02 (its maximum) and
really costs $0.005-0.020, known only when it returns (an asyncio sleep
stands in for the network). The three ways:

(a) a naive counter: check ``spent + estimate <= cap``, await the call, add
    its cost. Every sub-agent passes the check while the others' calls are
    in flight, so the cap is overshot;
(b) one shared ``Budget``: ``reserve`` the estimate before the call,
    ``commit`` the actual cost after it. The reservation is atomic, so no
    overshoot, but money held by calls in flight can refuse a call the cap
    would in the end have covered;
(c) ``split_even``: each sub-agent gets its own child budget. No overshoot
    and no contention, but a sub-agent that exhausts its share is refused
    while another one's share sits unused.

A *false refusal* is a call refused while the money actually spent so far
left room for its estimate under the cap.

Run: python examples/fanout_race.py   (a few seconds; no network)
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal

from budgetlint import Borrowed, Budget, BudgetExceeded

AGENTS = 8
TRIALS = 30
CALLS_PER_AGENT = 20
CAP = Decimal("1.00")
ESTIMATE = Decimal("0.02")


@dataclass
class Trial:
    """What happened in one trial of one variant."""

    spent: Decimal = Decimal(0)
    """Exact sum of the costs of every call that was made."""
    false_refusals: int = 0

    def refused(self) -> None:
        if CAP - self.spent >= ESTIMATE:
            self.false_refusals += 1

    @property
    def overshoot(self) -> Decimal:
        return max(self.spent - CAP, Decimal(0))


async def llm_call(rng: random.Random) -> Decimal:
    """A simulated model call: waits like one, returns what it cost."""
    await asyncio.sleep(rng.uniform(0.0005, 0.002))
    return Decimal(rng.randint(5_000, 20_000)).scaleb(-6)


class NaiveCounter:
    """The four-line counter: correct without concurrency, racy across an await."""

    def __init__(self, cap: float) -> None:
        self.cap, self.spent = cap, 0.0

    def allows(self, usd: float) -> bool:
        return self.spent + usd <= self.cap

    def add(self, usd: float) -> None:
        self.spent += usd


async def naive_agent(counter: NaiveCounter, rng: random.Random, trial: Trial) -> None:
    for _ in range(CALLS_PER_AGENT):
        if not counter.allows(float(ESTIMATE)):
            trial.refused()
            return
        cost = await llm_call(rng)  # the other agents check and call meanwhile
        counter.add(float(cost))
        trial.spent += cost


async def reserving_agent(budget: Borrowed[Budget], rng: random.Random, trial: Trial) -> None:
    for _ in range(CALLS_PER_AGENT):
        try:
            reservation = budget.reserve(usd=ESTIMATE)
        except BudgetExceeded:
            trial.refused()
            return
        try:
            cost = await llm_call(rng)
        except BaseException:
            reservation.release()
            raise
        reservation.commit(usd=cost)
        trial.spent += cost


def agent_rngs(trial_number: int) -> list[random.Random]:
    """The same call durations and costs for every variant of one trial."""
    return [random.Random(f"{trial_number}/{agent}") for agent in range(AGENTS)]


async def naive(trial_number: int) -> Trial:
    trial, counter = Trial(), NaiveCounter(float(CAP))
    await asyncio.gather(*(naive_agent(counter, rng, trial) for rng in agent_rngs(trial_number)))
    return trial


async def shared(trial_number: int) -> Trial:
    trial = Trial()
    with Budget(usd=CAP, name="shared") as budget:
        # Deliberate fan-out (BUD005): this variant measures what reserve/commit
        # alone guarantees when every sub-agent draws on one budget.
        rngs = agent_rngs(trial_number)
        await asyncio.gather(
            *(reserving_agent(budget, rng, trial) for rng in rngs)  # budgetlint: ignore[BUD005]
        )
        assert budget.spent.usd == trial.spent
    return trial


async def split(trial_number: int) -> Trial:
    trial = Trial()
    with Budget(usd=CAP, name="split") as budget:
        kids = budget.split_even(AGENTS)
        await asyncio.gather(
            *(
                reserving_agent(kid, rng, trial)
                for kid, rng in zip(kids, agent_rngs(trial_number), strict=True)
            )
        )
        for kid in kids:
            budget.reclaim(kid)
        assert budget.spent.usd == trial.spent
    return trial


async def run(variant: Callable[[int], Awaitable[Trial]]) -> list[Trial]:
    return [await variant(number) for number in range(TRIALS)]


def main() -> None:
    variants = [
        ("(a) naive check-then-spend counter", naive),
        ("(b) one shared Budget, reserve/commit", shared),
        ("(c) Budget.split_even per sub-agent", split),
    ]
    print(
        f"{AGENTS} concurrent sub-agents, ${CAP} cap, {TRIALS} trials, "
        f"{CALLS_PER_AGENT} calls each at up to ${ESTIMATE}\n"
    )
    header = ("variant", "trials overshooting", "worst overshoot", "false refusals (total)")
    rows = []
    for label, variant in variants:
        trials = asyncio.run(run(variant))
        overshooting = sum(1 for trial in trials if trial.overshoot > 0)
        worst = max(trial.overshoot for trial in trials)
        false_refusals = sum(trial.false_refusals for trial in trials)
        rows.append((label, f"{overshooting}/{TRIALS}", f"${worst:.4f}", str(false_refusals)))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * width for width in widths), *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


if __name__ == "__main__":
    main()
