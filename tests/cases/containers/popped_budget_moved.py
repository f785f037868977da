"""A budget popped from a typed dict is owned; only mypy sees its type (no annotation or constructor)."""
from budgetlint import Budget


def hand_over(registry: dict[str, Budget], name: str) -> Budget:
    b = registry.pop(name)
    owner = b.delegate()
    b.spend(usd=0.01)  # expect-mypy: BUD001
    return owner
