from typing import Any, Callable, Iterable

from budgetlint.models.markers import spawns
from multiprocessing.pool import Pool as _Pool
from multiprocessing.process import BaseProcess

class Process(BaseProcess): ...

class BaseContext:
    # multiprocessing.Pool(...) is this method of the default context.
    @spawns("initializer", "initargs", repeated=("initializer", "initargs"))
    def Pool(self, processes: int | None = None, initializer: Callable[..., object] | None = None, initargs: Iterable[Any] = (), maxtasksperchild: int | None = None) -> _Pool: ...
