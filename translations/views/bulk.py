"""Bulk action on page listings: submit the selected stories for translation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from ..forms import LocalesForm
from ..services.submission import enqueue_submission


class SubmitForTranslationBulkAction(PageBulkAction):
    display_name = _("Translate")
    action_type = "odop_submit_translation"
    aria_label = _("Submit selected pages for translation")
    template_name = "translations/bulk_submit.html"
    action_priority = 60
    form_class = LocalesForm

    def check_perm(self, page):
        return (
            self.request.user.has_perm("wagtail_localize.submit_translation")
            and page.permissions_for_user(self.request.user).can_edit()
        )

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "locale_codes": list(self.cleaned_form.cleaned_data["locales"]) or None,
        }

    @classmethod
    def execute_action(cls, objects, user=None, locale_codes=None, **kwargs):
        # Only enqueues: one task per 50 pages, so thousands of stories return at once.
        enqueue_submission(pages=list(objects), locale_codes=locale_codes, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d page was queued for translation",
            "%(count)d pages were queued for translation",
            num_parent_objects,
        ) % {"count": num_parent_objects}
