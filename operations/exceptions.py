"""Why the worker or the recovery stopped a task. BaseException subclasses,
so that a task's own `except Exception` cannot swallow them."""


class TaskInterrupted(BaseException):  # noqa: N818 (not an error of the task's own)
    """A task stopped from outside; the message says why."""


class TaskTimeLimitExceeded(TaskInterrupted):
    """The task ran past its time limit (OPERATIONS_TASK_TIME_LIMIT[S])."""


class TaskAbandoned(TaskInterrupted):
    """The worker was told to stop (SIGTERM) and the task did not finish in the grace period."""


class WorkerLost(TaskInterrupted):
    """The worker running the task stopped sending heartbeats (killed, machine lost)."""
