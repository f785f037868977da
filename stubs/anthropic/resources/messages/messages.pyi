from typing import Any

from budgetlint.models.markers import cost_bearing

# Each call is a billed model request (count_tokens is free and not modelled).
class Messages:
    @cost_bearing
    def create(self, **params: Any) -> Any: ...
    @cost_bearing
    def stream(self, **params: Any) -> Any: ...

class AsyncMessages:
    @cost_bearing
    async def create(self, **params: Any) -> Any: ...
    @cost_bearing
    def stream(self, **params: Any) -> Any: ...
