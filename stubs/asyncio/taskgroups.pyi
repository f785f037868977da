from typing import Any, Coroutine, Self, TypeVar

from asyncio.tasks import Task
from budgetlint.models.markers import spawns

_T = TypeVar("_T")

class TaskGroup:
    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, et: Any, exc: Any, tb: Any) -> None: ...
    @spawns("coro")
    def create_task(self, coro: Coroutine[Any, Any, _T], *, name: str | None = None, context: Any = None) -> Task[_T]: ...
