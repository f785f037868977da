from typing import Any, Callable, Iterable

from budgetlint.models.markers import spawns
from concurrent.futures._base import Executor

class ProcessPoolExecutor(Executor):
    # The initializer runs in every worker process, with the same initargs.
    @spawns("initializer", "initargs", repeated=("initializer", "initargs"))
    def __init__(self, max_workers: int | None = None, mp_context: Any = None, initializer: Callable[..., object] | None = None, initargs: Iterable[Any] = (), *, max_tasks_per_child: int | None = None) -> None: ...
