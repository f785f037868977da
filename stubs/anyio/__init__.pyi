from anyio._core._tasks import create_task_group as create_task_group
