"""The admin dashboard of each role (`python manage.py bench --only workspace`).

On the bench dataset (stories x locales, every story also a page in every
locale) it adds what a working newsroom has: the demo roles (`setup_roles
--demo-users`), every English story requested in every other locale (bulk
rows, as translations' own suite does; no extraction), a share of them
machine-translated drafts, some English drafts, a scheduled revision and
embargoes, workflow states in review and returned, and notifications. Then
GET /admin/ through the full stack as each role, timed with its queries.
"""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, TaskState, Workflow, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationSource,
)

from stories.models import SuccessStoryPage

from .models import Notification
from .panels import panels_for

TARGET_P95_MS = 150
TARGET_QUERIES = 70  # the whole page: Wagtail's own panels are most of it (ours: PANEL_QUERIES)
PANEL_QUERIES = 14  # editors: 13 on the bench data (notifications, 6 lists, the feature lists)
ROLES = ("editor", "moderator", "translator-{code}", "reviewer-{code}")


def _request_everything(english: list[SuccessStoryPage], locales: list[Locale]) -> None:
    """TranslatableObject, TranslationSource and Translation rows for every
    English story into every other locale, where missing. Bulk inserts."""
    page_type = ContentType.objects.get_for_model(Page)
    story_type = ContentType.objects.get_for_model(SuccessStoryPage)
    keys = [story.translation_key for story in english]
    TranslatableObject.objects.bulk_create(
        [TranslatableObject(translation_key=key, content_type=page_type) for key in keys],
        ignore_conflicts=True,
    )
    have = set(TranslationSource.objects.filter(object_id__in=keys).values_list("object_id", flat=True))
    now = timezone.now()
    TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object_id=story.translation_key,
                specific_content_type=story_type,
                locale_id=story.locale_id,
                object_repr=story.title[:200],
                content_json="{}",
                last_updated_at=now,
            )
            for story in english
            if story.translation_key not in have
        ],
        batch_size=1000,
    )
    sources = TranslationSource.objects.filter(object_id__in=keys).values_list("pk", "locale_id")
    existing = set(Translation.objects.values_list("source_id", "target_locale_id"))
    Translation.objects.bulk_create(
        [
            Translation(source_id=source_id, target_locale=locale, enabled=True)
            for source_id, source_locale in sources
            for locale in locales
            if locale.pk != source_locale and (source_id, locale.pk) not in existing
        ],
        batch_size=2000,
    )


def _machine_drafts(locale: Locale, pages: list[Page]) -> None:
    """Mark `pages` (in `locale`) as drafts with machine-translated strings."""
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(live=False)
    segments = StringSegment.objects.filter(context__object_id__in=[page.translation_key for page in pages])
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=segment.string_id,
                context_id=segment.context_id,
                locale=locale,
                data="…",
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            )
            for segment in segments
        ],
        ignore_conflicts=True,
    )


def _workflow(page: Page, *, requested_by, status: str, comment: str = "") -> None:
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is None or page.latest_revision_id is None:
        return
    task = workflow.tasks.first()
    page_type = ContentType.objects.get_for_model(Page)
    open_states = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
    if WorkflowState.objects.filter(
        base_content_type=page_type, object_id=str(page.pk), status__in=open_states
    ).exists():
        return  # this database's earlier run (bench --stories 200,20000 tops it up)
    state = WorkflowState.objects.create(
        base_content_type=page_type,
        content_type=ContentType.objects.get_for_model(SuccessStoryPage),
        object_id=str(page.pk),
        workflow=workflow,
        status=status,
        requested_by=requested_by,
    )
    task_state = TaskState.objects.create(
        workflow_state=state,
        revision_id=page.latest_revision_id,
        task=task,
        status=TaskState.STATUS_IN_PROGRESS
        if status == WorkflowState.STATUS_IN_PROGRESS
        else TaskState.STATUS_REJECTED,
        comment=comment,
        finished_at=None if status == WorkflowState.STATUS_IN_PROGRESS else timezone.now(),
        content_type=task.content_type,
    )
    state.current_task_state = task_state
    state.save(update_fields=["current_task_state"])


@transaction.atomic
def build_work(ctx, code: str) -> dict:
    call_command("setup_roles", "--demo-users", verbosity=0)
    users = {user.username: user for user in get_user_model().objects.filter(username__in=_usernames(code))}
    locales = list(Locale.objects.all())
    # Without their streams (at 20,000 stories, loading every body took longer
    # than the measurements); the few revisions saved below load theirs.
    english = list(
        SuccessStoryPage.objects.filter(locale__language_code="en").order_by("pk").defer_streamfields()
    )
    _request_everything(english, locales)
    target = Locale.objects.get(language_code=code)
    translated = list(
        SuccessStoryPage.objects.filter(
            locale=target, translation_key__in=[story.translation_key for story in english]
        )
        .order_by("pk")
        .defer_streamfields()
    )
    now = timezone.now()
    for story in english[:3]:  # the editor's drafts, never published
        Page.objects.filter(pk=story.pk).update(
            live=False, first_published_at=None, last_published_at=None, owner=users["editor"]
        )
    for story in english[3:6]:
        SuccessStoryPage.objects.filter(pk=story.pk).update(embargo_until=now + dt.timedelta(hours=6))
    for story in english[6:8]:
        story.save_revision(user=users["editor"], approved_go_live_at=now + dt.timedelta(days=1), clean=False)
    for story in english[8:10]:
        story.save_revision(user=users["editor"], clean=False)
        _workflow(story, requested_by=users["editor"], status=WorkflowState.STATUS_IN_PROGRESS)
    Page.objects.filter(pk__in=[story.pk for story in english[-20:]]).update(last_published_at=now)
    _machine_drafts(target, translated[:10])
    for page in translated[10:15]:
        page.save_revision(user=users[f"translator-{code}"], clean=False)
        _workflow(page, requested_by=users[f"translator-{code}"], status=WorkflowState.STATUS_IN_PROGRESS)
    for page in translated[15:18]:
        page.save_revision(user=users[f"translator-{code}"], clean=False)
        _workflow(
            page,
            requested_by=users[f"translator-{code}"],
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            comment="Please check the district name.",
        )
    Page.objects.filter(pk__in=[page.pk for page in translated[18:40]]).update(live=False)  # waiting
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=Notification.Kind.SUBMITTED,
                event=f"bench:{n}",
                title=english[n].title,
                language=code,
                url=f"/admin/pages/{english[n].pk}/edit/",
            )
            for user in users.values()
            for n in range(10)
        ],
        ignore_conflicts=True,
    )
    # The updates above bypass publishing: mend what is derived from the
    # stories, as after any bulk change, so later suites read a true site.
    for command in ("rebuild_story_counts", "rebuild_feed_positions"):
        call_command(command, stdout=io.StringIO())
    return {"pages": Page.objects.count(), "translations": Translation.objects.count()}


def _usernames(code: str) -> list[str]:
    return [role.format(code=code) for role in ROLES]


def run(ctx) -> dict:
    code = next((code for code in ctx.locales if code != "en"), "hi")
    built = build_work(ctx, code)
    ctx.log(f"workspace.bench: {built['pages']} pages, {built['translations']} translation requests")
    results: dict = {"dataset": built}
    for username in _usernames(code):
        user = get_user_model().objects.get(username=username)
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        response = client.get("/admin/")
        if response.status_code != 200:
            raise RuntimeError(f"GET /admin/ as {username} answered {response.status_code}")
        fresh = get_user_model().objects.get(pk=user.pk)
        results[username] = {
            "dashboard": ctx.measure(lambda client=client: client.get("/admin/")),
            "panels_only": ctx.measure(lambda fresh=fresh: panels_for(type(fresh).objects.get(pk=fresh.pk))),
            "items": {name: work_list.count for name, _heading, work_list in panels_for(fresh)},
        }
    worst_p95 = max(result["dashboard"]["p95_ms"] for result in results.values() if "dashboard" in result)
    worst_queries = max(
        result["dashboard"]["queries"] for result in results.values() if "dashboard" in result
    )
    results["worst"] = {"p95_ms": worst_p95, "queries": worst_queries}
    worst_panels = max(
        result["panels_only"]["queries"] for result in results.values() if "panels_only" in result
    )
    results["worst"]["panel_queries"] = worst_panels
    results["meets_target"] = (
        worst_p95 <= TARGET_P95_MS and worst_queries <= TARGET_QUERIES and worst_panels <= PANEL_QUERIES
    )
    return results
