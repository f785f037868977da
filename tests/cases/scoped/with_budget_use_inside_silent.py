"""`with Budget(...) as b:` — any use inside the block is fine."""
from budgetlint import Budget


def run_job(prompts: list[str]) -> None:
    with Budget(usd=1, name="job") as b:
        for p in prompts:
            b.spend(usd=0.01, tokens=len(p))
        print(b.remaining)
