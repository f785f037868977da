from typing import Any, Callable, TypeVar

from budgetlint.models.markers import spawns

_T = TypeVar("_T")

@spawns("sync_fn", "args")
async def to_thread_run_sync(sync_fn: Callable[..., _T], *args: object, thread_name: str | None = None, abandon_on_cancel: bool = False, limiter: Any = None) -> _T: ...
