"""Background work (django-tasks). Each task is a thin wrapper around a service
so tests can call the service directly. Production runs `manage.py db_worker`."""

from django_tasks import task

from .services import submission


@task()
def submit_translations_task(
    *, page_ids: list[int], snippets: list[dict], locale_codes: list[str], user_id: int | None
):
    return submission.submit_by_reference(
        page_ids=page_ids, snippets=snippets, locale_codes=locale_codes or None, user_id=user_id
    )


@task()
def recount_summary_task(*, query: dict, locale_ids: list[int]):
    """The status report's totals for one query, counted again after a change
    (summary_cache.cached_status_summary asks for it when counting is slow)."""
    from . import summary_cache

    summary = summary_cache.recount(query=query, locale_ids=locale_ids)
    return {"total": summary.total}
