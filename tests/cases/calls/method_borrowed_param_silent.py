"""A method taking `Borrowed[Budget]` borrows: the caller can call it again."""
from budgetlint import Borrowed, Budget


class Researcher:
    def run(self, question: str, budget: Borrowed[Budget]) -> str:
        budget.spend(usd=0.01)
        return question


def orchestrate(questions: list[str]) -> None:
    b = Budget(usd=5)
    agent = Researcher()
    for q in questions:
        agent.run(q, b)
    b.spend(usd=0.01)
