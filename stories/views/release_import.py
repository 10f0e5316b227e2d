"""Admin: import a PIB release (upload or paste) → confirm → draft story;
a zip of releases → a background batch with a report per file. Parsing and
writing go through `stories.services.release_import`, as the command does."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from languages import registry
from languages.formatting import to_ist

from ..models import ReleaseImportBatch, StoryIndexPage
from ..services.release_batches import ReleaseArchiveError, create_batch, is_zip
from ..services.release_import import (
    ReleaseImportError,
    import_release_text,
    parse_release_text,
    plan_import,
)
from ..services.release_parser import ReleaseFormatError, decode_release


def user_may_import(user) -> bool:
    """Users who may add story pages: add permission on some story index."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(index.permissions_for_user(user).can_add_subpage() for index in StoryIndexPage.objects.all())


class ReleaseUploadForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language of the release"))
    file = forms.FileField(
        label=gettext_lazy("Release file"),
        required=False,
        help_text=gettext_lazy("A UTF-8 .txt file holding one release, or a .zip of such files"),
    )
    text = forms.CharField(
        label=gettext_lazy("Or paste the release"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"}),
        strip=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        self.fields["locale"].choices = [(code, _language_label(code)) for code in codes]

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the text of a release."))
        return data

    def target_locale(self) -> Locale:
        return Locale.objects.get(language_code=self.cleaned_data["locale"])


class ReleaseConfirmForm(forms.Form):
    locale = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.HiddenInput, strip=False)


def _language_label(code: str) -> str:
    try:
        language = registry.get(code)
    except KeyError:
        return code
    return f"{language.native_name} ({language.name})"


def release_import_view(request):
    if not user_may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    form = ReleaseUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _upload_page(request, form)
    upload, locale = form.cleaned_data["file"], form.target_locale()
    if upload is not None:
        data = upload.read()
        if is_zip(data):
            return _start_batch(request, form, data=data, name=upload.name, locale=locale)
        try:
            text = decode_release(data)
        except ReleaseFormatError as error:
            return _upload_page(request, form, error=_describe(error, ""))
    else:
        text = form.cleaned_data["text"]
    return _preview(request, form, text=text, locale=locale)


def _preview(request, form, *, text: str, locale: Locale):
    try:
        release = parse_release_text(text, locale)
        plan = plan_import(release=release, locale=locale)
    except ReleaseFormatError as error:
        return _upload_page(request, form, error=_describe(error, text))
    except ReleaseImportError as error:
        return _upload_page(request, form, error=str(error))
    confirm = ReleaseConfirmForm(initial={"locale": locale.language_code, "text": text})
    posted = f"{to_ist(release.posted_at):%Y-%m-%d %H:%M} IST"
    context = {"release": release, "plan": plan, "posted": posted, "confirm_form": confirm}
    context |= {"language": _language_label(locale.language_code), "page_title": _("Confirm the release")}
    return TemplateResponse(request, "stories/admin/release_confirm.html", context)


def _confirm(request):
    form = ReleaseConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("stories_release_import:upload")
    locale = Locale.objects.filter(language_code=form.cleaned_data["locale"]).first()
    text = form.cleaned_data["text"]
    upload = ReleaseUploadForm(initial={"locale": form.cleaned_data["locale"], "text": text})
    if locale is None:
        return _upload_page(request, upload, error=_("That language is not enabled on this site."))
    try:
        result = import_release_text(text=text, locale=locale, user=request.user, publish=False)
    except ReleaseFormatError as error:
        return _upload_page(request, upload, error=_describe(error, text))
    except ReleaseImportError as error:
        return _upload_page(request, upload, error=str(error))
    page = result.page
    done = _("Draft story created: %(title)s") if result.created else _("Draft revision saved: %(title)s")
    messages.success(request, done % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", page.pk)


def _start_batch(request, form, *, data: bytes, name: str, locale: Locale):
    try:
        batch = create_batch(data=data, archive_name=name, locale=locale, user=request.user)
    except ReleaseArchiveError as error:
        return _upload_page(request, form, error=str(error))
    messages.success(request, _("The releases are being imported in the background."))
    return redirect("stories_release_import:batch", batch.pk)


def batch_report_view(request, batch_id: int):
    if not user_may_import(request.user):
        raise PermissionDenied
    batches = ReleaseImportBatch.objects.select_related("locale")
    if not request.user.is_superuser:
        batches = batches.filter(user=request.user)
    batch = get_object_or_404(batches, pk=batch_id)
    files = batch.files.select_related("page").order_by("name", "pk")
    context = {
        "batch": batch,
        "files": files,
        "page_title": _("Release import: %(name)s") % {"name": batch.archive_name},
    }
    context["language"] = _language_label(batch.locale.language_code)
    return TemplateResponse(request, "stories/admin/release_batch.html", context)


def _upload_page(request, form, *, error: str = ""):
    recent = ReleaseImportBatch.objects.filter(user=request.user).select_related("locale")[:10]
    context = {
        "form": form,
        "error": error,
        "recent_batches": recent,
        "page_title": _("Import a PIB release"),
    }
    return TemplateResponse(request, "stories/admin/release_import.html", context)


def _describe(error: ReleaseFormatError, text: str) -> str:
    """'Line 3 («…»): what is wrong. Nothing was written.'"""
    if not error.line:
        return _("%(message)s. Nothing was written.") % {"message": error.message}
    lines = text.split("\n")
    quoted = lines[error.line - 1].strip()[:120] if 0 < error.line <= len(lines) else ""
    values = {"line": error.line, "text": quoted, "message": error.message}
    if quoted:
        return _("Line %(line)s («%(text)s»): %(message)s. Nothing was written.") % values
    return _("Line %(line)s: %(message)s. Nothing was written.") % values
