"""Admin wiring for the translation workflow: menu, buttons, bulk action,
locale guards and the editor's lang/dir script."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .models import GlossaryTerm
from .selectors import STORY_FIELDS, Status, pages_in_languages, source_stories, status_matrix
from .services import gate
from .services.access import require_locale
from .services.groups import locale_access
from .services.review import translation_for_page
from .views.bulk import SubmitForTranslationBulkAction
from .views.report import locales_for


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="odop_translations"))]


class StatusReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_status_report():
    return StatusReportMenuItem(
        gettext_lazy("Translation status"),
        reverse("odop_translations:status_report"),
        icon_name="table",
        order=8900,
    )


@hooks.register("register_admin_menu_item")
def register_po_import():
    return MenuItem(
        gettext_lazy("Import PO files"),
        reverse("odop_translations:po_import"),
        icon_name="upload",
        order=8950,
    )


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "pick"
    menu_label = gettext_lazy("Glossary")  # menus are built once: lazy, so each user's language
    list_display = ["term", "do_not_translate", "note"]
    search_fields = ["term"]
    add_to_admin_menu = True
    menu_order = 260


register_snippet(GlossaryTermViewSet)
hooks.register("register_bulk_action", SubmitForTranslationBulkAction)


def _is_story(page) -> bool:
    return page.specific_class is not None and page.specific_class.__name__ == "SuccessStoryPage"


@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name=None, next_url=None):
    if view_name != "edit" or not _is_story(page):
        return
    translation = translation_for_page(page)
    if translation is not None:
        yield Button(
            _("Submit for language review"),
            reverse("odop_translations:submit_for_review", args=[page.pk]),
            icon_name="tasks",
            priority=5,
        )
        return
    if user.has_perm("wagtail_localize.submit_translation"):
        yield Button(
            _("Submit for translation"),
            reverse("odop_translations:submit_page", args=[page.pk]),
            icon_name="globe",
            priority=6,
        )
    yield Button(
        _("Export PO files (zip)"),
        reverse("odop_translations:po_export") + f"?page={page.pk}",
        icon_name="download",
        priority=7,
    )
    yield Button(
        _("Import PO files"),
        reverse("odop_translations:po_import_story", args=[page.pk]),
        icon_name="upload",
        priority=8,
    )
    yield from _compact_status_buttons(page, user)


def _compact_status_buttons(page, user):
    """The story's row of the status report, one entry per language."""
    stories = list(source_stories(story_id=page.pk).values(*STORY_FIELDS))
    if not stories:
        return
    row = status_matrix(stories, locales=locales_for(user))[0]
    report_url = reverse("odop_translations:status_report") + f"?story={page.pk}"
    current = sum(1 for cell in row.cells if cell.status == Status.CURRENT)
    yield Button(
        _("Translations: %(current)d of %(total)d current")
        % {"current": current, "total": len(row.cells) - 1},
        report_url,
        icon_name="table",
        priority=9,
    )
    for index, cell in enumerate(row.cells):
        if cell.status == Status.SOURCE:
            continue
        url = reverse("wagtailadmin_pages:edit", args=[cell.page_id]) if cell.page_id else report_url
        yield Button(
            f"{cell.locale_code}: {cell.label}",
            url,
            priority=100 + index,
            classname=f"odop-status-{cell.status}",
        )


@hooks.register("register_snippet_listing_buttons")
def snippet_submit_button(snippet, user, next_url=None):
    if isinstance(snippet, TranslatableMixin) and user.has_perm("wagtail_localize.submit_translation"):
        meta = snippet._meta
        yield Button(
            _("Submit for translation (choose languages)"),
            reverse("odop_translations:submit_snippet", args=[meta.app_label, meta.model_name, snippet.pk]),
            icon_name="globe",
            priority=99,
        )


# --- Locale guards ------------------------------------------------------------


def _guard_page(request, page, *args, **kwargs):
    require_locale(request.user, page.locale.language_code)


# Publishing is not guarded here: the review gate (services/gate.py) sits
# where every publish passes, and the middleware reports its refusals.
for _hook in (
    "before_edit_page",
    "before_publish_page",
    "before_unpublish_page",
    "before_copy_page",
    "before_move_page",
):
    hooks.register(_hook, _guard_page, order=-100)


@hooks.register("before_delete_page", order=-100)
def guard_delete_page(request, page):
    """Dropping a language version is an editor's decision, not a translator's."""
    if locale_access(request.user).restricted:
        raise PermissionDenied(_("Translators and reviewers cannot delete pages."))


@hooks.register("before_create_page", order=-100)
def guard_create_page(request, parent_page, page_class):
    require_locale(request.user, parent_page.locale.language_code)


def _snippet_locale_code(instance):
    return instance.locale.language_code if isinstance(instance, TranslatableMixin) else None


@hooks.register("before_edit_snippet", order=-100)
def guard_edit_snippet(request, instance):
    require_locale(request.user, _snippet_locale_code(instance))


@hooks.register("before_delete_snippet", order=-100)
def guard_delete_snippet(request, instances):
    for instance in instances:
        require_locale(request.user, _snippet_locale_code(instance))


@hooks.register("before_create_snippet", order=-100)
def guard_create_snippet(request, model):
    if issubclass(model, TranslatableMixin) and locale_access(request.user).restricted:
        require_locale(request.user, request.GET.get("locale") or "en")


@hooks.register("before_bulk_action", order=-100)
def guard_bulk_action(request, action_type, objects, action_class_instance):
    for obj in objects:
        if isinstance(obj, TranslatableMixin):
            require_locale(request.user, obj.locale.language_code)
    if action_type == "publish":
        # Name every page the review gate refuses, before anything is published.
        refused = [(page, gate.page_refusal(page=page, user=request.user)) for page in objects]
        refused = [(page, reason) for page, reason in refused if reason]
        if refused:
            for page, reason in refused:
                messages.error(
                    request, _("“%(title)s”: %(reason)s") % {"title": page.title, "reason": reason}
                )
            messages.error(request, _("Nothing was published."))
            return redirect(action_class_instance.next_url)
    return None


# --- Listings: a translator sees their own languages ---------------------------


@hooks.register("construct_page_chooser_queryset")
def chooser_in_own_languages(pages, request):
    access = locale_access(request.user)
    return pages_in_languages(pages, codes=access.codes) if access.restricted else pages


@hooks.register("construct_explorer_page_queryset")
def explorer_in_own_languages(parent_page, pages, request):
    access = locale_access(request.user)
    return pages_in_languages(pages, codes=access.codes) if access.restricted else pages


# --- Every script in the editor ------------------------------------------------


@hooks.register("insert_editor_js")
def editor_direction_js():
    return format_html(
        '<script src="{}" data-direction-url="{}" defer></script>',
        static("translations/js/text-direction.js"),
        reverse("odop_translations:text_direction"),
    )


@hooks.register("insert_global_admin_css")
def translation_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("translations/css/text-direction.css"),
        static("translations/css/status-matrix.css"),
    )
