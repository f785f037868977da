"""Two reservations in one `with` statement are both released on exit unless committed."""
from budgetlint import Budget


def call_models(b: Budget) -> None:
    with b.reserve(usd=0.05) as draft, b.reserve(usd=0.10) as review:
        draft.commit(usd=0.03)
        print(review)
