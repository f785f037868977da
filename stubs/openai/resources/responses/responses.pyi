from typing import Any

from budgetlint.models.markers import cost_bearing

# Each call is a billed model request.
class Responses:
    @cost_bearing
    def create(self, **params: Any) -> Any: ...

class AsyncResponses:
    @cost_bearing
    async def create(self, **params: Any) -> Any: ...
