"""Calling an agent after its `@consumes` finish: BUD001."""
from budgetlint import Budget, Usage, affine, consumes


@affine
class ChatAgent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def ask(self, prompt: str) -> str:
        self.budget.spend(usd=0.01, tokens=len(prompt))
        return prompt

    @consumes
    def finish(self) -> Usage:
        return self.budget.close()


def chat(b: Budget, prompts: list[str]) -> None:
    agent = ChatAgent(b)
    usage = agent.finish()
    print(usage.spent)
    agent.ask("one more thing")  # expect: BUD001
