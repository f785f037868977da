"""A method of a class in the same file whose parameter is `Budget` owns it: passing moves."""
from budgetlint import Budget


class Researcher:
    def run(self, question: str, budget: Budget) -> str:
        budget.spend(usd=0.01)
        return question


def orchestrate() -> None:
    b = Budget(usd=5)
    agent = Researcher()
    agent.run("why", b)
    b.spend(usd=0.01)  # expect: BUD001
