"""`dataclasses.replace` on an `@affine` dataclass copies it: BUD002."""
import dataclasses

from budgetlint import affine


@affine
@dataclasses.dataclass
class Quota:
    usd: float
    owner: str


def reassign(q: Quota, owner: str) -> Quota:
    return dataclasses.replace(q, owner=owner)  # expect: BUD002
