"""Offline translation: download a zip of PO files, upload PO files or zips."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..forms import POImportForm
from ..services import po_files


def export_po_zip(request):
    """?page=<id>&page=<id>... [&locale=<code>...]: one PO per requested
    language (no locale: every language the user may translate). An unknown
    language, or one the user may not translate, is 403."""
    try:
        pages = po_files.pages_to_export(ids=request.GET.getlist("page"))
    except po_files.BadExportRequest as refusal:
        return HttpResponseBadRequest(str(refusal), content_type="text/plain; charset=utf-8")
    if not pages:
        return HttpResponseBadRequest(
            _("Name at least one page: ?page=<id>"), content_type="text/plain; charset=utf-8"
        )
    try:
        codes = po_files.export_languages(user=request.user, requested=request.GET.getlist("locale"))
    except PermissionDenied as refusal:
        # A plain 403 (Wagtail's admin would turn PermissionDenied into a redirect).
        return HttpResponseForbidden(str(refusal), content_type="text/plain; charset=utf-8")
    data = po_files.export_zip(pages=pages, locale_codes=codes)
    response = HttpResponse(data, content_type="application/zip")
    name = f"story-{pages[0].pk}" if len(pages) == 1 else "stories"
    response["Content-Disposition"] = f'attachment; filename="{name}-translations.zip"'
    return response


def import_po(request, page_id: int | None = None):
    story = get_object_or_404(Page, pk=page_id) if page_id else None
    form = POImportForm(request.POST or None, request.FILES or None)
    reports = []
    if request.method == "POST" and form.is_valid():
        uploads = po_files.read_uploads(form.cleaned_data["files"])
        reports = po_files.import_uploads(files=uploads, user=request.user, story=story)
        good = sum(1 for report in reports if report.ok)
        if good:
            messages.success(request, _("Imported %(count)d file(s).") % {"count": good})
        if good < len(reports):
            messages.error(
                request,
                _("%(count)d file(s) were refused; nothing was written from them.")
                % {"count": len(reports) - good},
            )
    return render(
        request,
        "translations/po_import.html",
        {"form": form, "reports": reports, "story": story, "page_title": _("Import PO files")},
    )
