from typing import Any, Callable, TypeVar

from budgetlint.models.markers import spawns

_T = TypeVar("_T")

@spawns("func", "args")
async def run_sync(func: Callable[..., _T], *args: object, abandon_on_cancel: bool = False, cancellable: bool | None = None, limiter: Any = None) -> _T: ...
