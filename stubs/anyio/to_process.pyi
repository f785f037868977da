from typing import Any, Callable, TypeVar

from budgetlint.models.markers import spawns

_T = TypeVar("_T")

@spawns("func", "args")
async def run_sync(func: Callable[..., _T], *args: object, cancellable: bool = False, limiter: Any = None) -> _T: ...
