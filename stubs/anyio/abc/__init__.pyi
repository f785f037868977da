from anyio.abc._tasks import TaskGroup as TaskGroup
