# mypy names these by the submodule that defines them; re-export them so
# that `asyncio.create_task` and `from asyncio import gather` resolve there.
from asyncio.base_events import BaseEventLoop as BaseEventLoop
from asyncio.events import (
    AbstractEventLoop as AbstractEventLoop,
    get_event_loop as get_event_loop,
    get_running_loop as get_running_loop,
    new_event_loop as new_event_loop,
)
from asyncio.futures import Future as Future
from asyncio.queues import (
    LifoQueue as LifoQueue,
    PriorityQueue as PriorityQueue,
    Queue as Queue,
)
from asyncio.runners import Runner as Runner, run as run
from asyncio.taskgroups import TaskGroup as TaskGroup
from asyncio.tasks import (
    Task as Task,
    create_task as create_task,
    ensure_future as ensure_future,
    gather as gather,
    run_coroutine_threadsafe as run_coroutine_threadsafe,
)
from asyncio.threads import to_thread as to_thread
