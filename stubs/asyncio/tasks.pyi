from typing import Any, Awaitable, Coroutine, TypeVar

from asyncio.events import AbstractEventLoop
from asyncio.futures import Future
from budgetlint.models.markers import spawns

_T = TypeVar("_T")

class Task(Future[_T]): ...

@spawns("coro")
def create_task(coro: Coroutine[Any, Any, _T], *, name: str | None = None, context: Any = None) -> Task[_T]: ...
@spawns("coro_or_future")
def ensure_future(coro_or_future: Awaitable[_T], *, loop: AbstractEventLoop | None = None) -> Future[_T]: ...
# Every awaitable runs as its own task: one budget reaching two is fan-out.
@spawns("coros_or_futures", repeated=("coros_or_futures",))
def gather(*coros_or_futures: Awaitable[Any], return_exceptions: bool = False) -> Future[list[Any]]: ...
# Runs the coroutine on another thread's loop while the caller goes on.
@spawns("coro")
def run_coroutine_threadsafe(coro: Coroutine[Any, Any, _T], loop: AbstractEventLoop) -> Any: ...
