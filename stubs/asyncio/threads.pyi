from typing import Any, Callable, TypeVar

from budgetlint.models.markers import spawns

_R = TypeVar("_R")

@spawns("func", "args", "kwargs")
async def to_thread(func: Callable[..., _R], /, *args: Any, **kwargs: Any) -> _R: ...
