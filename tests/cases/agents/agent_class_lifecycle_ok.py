"""An agent object that owns its budget, spends through methods and releases it in a `@consumes` method: silent."""
from budgetlint import Budget, Usage, affine, consumes


def call_llm_blocking(prompt: str) -> str:
    return prompt


@affine
class ChatAgent:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.history: list[str] = []

    def ask(self, prompt: str) -> str:
        with self.budget.reserve(usd=0.02, tokens=2_000) as r:
            reply = call_llm_blocking(prompt)
            r.commit(usd=0.01, tokens=len(reply))
        self.history.append(reply)
        return reply

    def spawn_helper(self) -> "ChatAgent":
        return ChatAgent(self.budget.split(usd=0.10))

    @consumes
    def finish(self) -> Usage:
        return self.budget.close()


def chat(b: Budget, prompts: list[str]) -> Usage:
    agent = ChatAgent(b.delegate())
    helper = agent.spawn_helper()
    for p in prompts:
        agent.ask(p)
    helper.finish()
    return agent.finish()
