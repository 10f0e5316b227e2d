"""Background work (django-tasks): the notifications of one event. A thin
wrapper so tests can call `services.notify` directly."""

from django_tasks import task

from . import services


@task()
def notify_task(*, kind: str, facts: dict):
    return services.notify(kind=kind, **facts)
