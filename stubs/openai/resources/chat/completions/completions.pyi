from typing import Any

from budgetlint.models.markers import cost_bearing

# Each call is a billed model request.
class Completions:
    @cost_bearing
    def create(self, **params: Any) -> Any: ...
    @cost_bearing
    def parse(self, **params: Any) -> Any: ...

class AsyncCompletions:
    @cost_bearing
    async def create(self, **params: Any) -> Any: ...
    @cost_bearing
    async def parse(self, **params: Any) -> Any: ...
