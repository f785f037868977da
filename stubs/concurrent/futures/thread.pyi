from typing import Any, Callable, Iterable

from budgetlint.models.markers import spawns
from concurrent.futures._base import Executor

class ThreadPoolExecutor(Executor):
    # The initializer runs in every worker thread, with the same initargs.
    @spawns("initializer", "initargs", repeated=("initializer", "initargs"))
    def __init__(self, max_workers: int | None = None, thread_name_prefix: str = "", initializer: Callable[..., object] | None = None, initargs: Iterable[Any] = ()) -> None: ...
