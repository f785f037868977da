# stubs/token_budgets.pyi
from budgetlint import affine, consumes
@affine
class Budget:
    @consumes
    def spend(self, amount_uc: int) -> Budget: ...
    @consumes
    def split(self, amount_uc: int) -> tuple[Budget, Budget]: ...
    @consumes("self", "other")
    def merge_with(self, other: Budget) -> Budget: ...
