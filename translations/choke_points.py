"""Where the review gate (services/gate.py) sits in Wagtail and wagtail-localize.

Every publish of a page passes `PublishPageRevisionAction.check()`: the edit
view, the bulk action, the admin API, workflow approval, `Revision.publish()`
from any code, `publish_scheduled`. wagtail-localize publishes from
`TranslationSource.create_or_update_translation(publish=True)`, but only on
commit, after it has written the page: the gate must answer before that, so
that a refused publish writes nothing. Neither library offers a hook at these
points, so `install()` wraps the two methods (once, from AppConfig.ready);
`test_choke_points_are_installed` fails if a library upgrade renames them.

The wrapper also keeps a live translation's public content when
wagtail-localize saves a *draft* of it (`publish=False` writes the page row,
which is what the public site reads): the draft becomes the latest revision
and the live row is put back as it was.
"""

from __future__ import annotations

import functools

from django.db import transaction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from .services import gate, publishing


def _gated_check(original):
    @functools.wraps(original)
    def check(self, skip_permission_checks=False):
        original(self, skip_permission_checks=skip_permission_checks)
        gate.check_page_publish(page=self.object, revision=self.revision, action_user=self.user)

    check.odop_review_gate = True
    return check


def _gated_create_or_update(original):
    @functools.wraps(original)
    def create_or_update_translation(
        self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
    ):
        if publish:
            gate.check_localize_publish(source=self, locale=locale, user=user)
            return original(self, locale, user, publish, copy_parent_pages, fallback)
        live_page_id = publishing.live_target_page_id(source=self, locale=locale)
        if live_page_id is None:
            return original(self, locale, user, publish, copy_parent_pages, fallback)
        with transaction.atomic():
            result = original(self, locale, user, publish, copy_parent_pages, fallback)
            publishing.keep_live_content(page=Page.objects.get(pk=live_page_id))
        return result

    create_or_update_translation.odop_review_gate = True
    return create_or_update_translation


def install() -> None:
    if not getattr(PublishPageRevisionAction.check, "odop_review_gate", False):
        PublishPageRevisionAction.check = _gated_check(PublishPageRevisionAction.check)
    method = TranslationSource.create_or_update_translation
    if not getattr(method, "odop_review_gate", False):
        TranslationSource.create_or_update_translation = _gated_create_or_update(method)
