# Model of a third-party GPU-lease client: a Lease is linear (it must be
# given back exactly once); renewing it only borrows it.
from budgetlint import consumes, linear

@linear
class Lease:
    name: str
    @consumes
    def give_back(self) -> None: ...
    def renew(self, seconds: int) -> None: ...

class LeaseClient:
    def __init__(self, region: str) -> None: ...
    def acquire(self, name: str) -> Lease: ...
