"""The newspaper portal (/<lang>/partners/): for papers without a developer.

A person signs in with a Django user linked to one partner (Partner.users),
through Django's login view, so django-axes throttles wrong passwords as for
the admin. What they see comes through the API's own doors: the list is
``grants.story_query`` + ``selectors.portal_stories`` (``syndicated_pages``,
the API list's selector), a story and its PDFs ``access.item_for_partner`` and
``access.pdf_response``. So the portal never shows a story, embargoed or
outside the grant, that the API would refuse the same partner.

Views are thin; the page is in the URL's language (i18n_patterns).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.readonly import tolerate_read_only
from core.site import absolute_url
from languages import registry
from languages.formatting import IST

from . import access, services
from .body import render_bodies
from .grants import story_query
from .problems import Problem
from .renditions import image_renditions, pdf_renditions
from .selectors import pages_for_items, partner_districts, partner_for_user, portal_stories

PAGE_SIZE = 20
LOGIN_URL = reverse_lazy("portal:login")
# The portal's PDFs, in the order it offers them (names of printing's renditions).
PDF_LABELS = {
    "newsbox-pdf": gettext_lazy("Newspaper box (greyscale, PDF/X-1a)"),
    "newsbox-cmyk-pdf": gettext_lazy("Newspaper box (CMYK, PDF/X-1a)"),
    "release-pdf": gettext_lazy("A4 press release (PDF/A)"),
}


class LoginView(auth_views.LoginView):
    template_name = "syndication/portal/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("portal:stories")


class LogoutView(auth_views.LogoutView):
    next_page = LOGIN_URL


class StoryFilterForm(forms.Form):
    lang = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    district = forms.TypedChoiceField(
        label=gettext_lazy("District"), required=False, coerce=int, empty_value=None
    )
    date = forms.DateField(
        label=gettext_lazy("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, partner, language_code: str):
        super().__init__(data)
        self.fields["lang"].choices = [("", _("All my languages"))] + [
            (code, registry.get(code).native_name) for code in partner.languages if code in registry.BY_CODE
        ]
        self.fields["district"].choices = [("", _("All districts"))] + partner_districts(
            partner, language_code=language_code
        )


def _partner_or_refuse(request):
    partner = partner_for_user(request.user)
    if partner is None:
        message = _("Your account is not linked to a newspaper. Please ask PIB to link it.")
        return None, render(request, "syndication/portal/problem.html", {"message": message}, status=403)
    return partner, None


def _problem_page(request, problem: Problem):
    messages = {
        400: _("Please check the filters."),
        403: _("This story is outside what your newspaper takes."),
        404: _("This story is not available to you."),
        503: _("This PDF is being prepared. Please try again shortly."),
    }
    message = messages.get(problem.status, _("This story is not available to you."))
    response = render(request, "syndication/portal/problem.html", {"message": message}, status=problem.status)
    for name, value in problem.headers.items():
        response[name] = value
    return response


@login_required(login_url=LOGIN_URL)
def stories(request):
    partner, refused = _partner_or_refuse(request)
    if refused:
        return refused
    form = StoryFilterForm(request.GET or None, partner=partner, language_code=get_language())
    filters = form.cleaned_data if form.is_valid() else {}
    params = {"lang": filters.get("lang") or None}
    if filters.get("district"):
        params["district"] = str(filters["district"])
    try:
        query = story_query(partner, params)
    except Problem as problem:
        return _problem_page(request, problem)
    if filters.get("date"):
        start = dt.datetime.combine(filters["date"], dt.time.min, tzinfo=IST)
        query = dataclasses.replace(query, since=start - dt.timedelta(microseconds=1))
    page_obj = Paginator(portal_stories(query), PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "story": story,
            "language": registry.get(story.locale.language_code),
            "embargoed": bool(story.embargo_until and story.embargo_until > now),
            "url": reverse("portal:story", args=[story.release_id, story.locale.language_code]),
        }
        for story in page_obj
    ]
    context = {"partner": partner, "form": form, "rows": rows, "page_obj": page_obj, "invalid": form.errors}
    return render(request, "syndication/portal/stories.html", context)


@login_required(login_url=LOGIN_URL)
def story(request, release_id: str, lang: str):
    partner, refused = _partner_or_refuse(request)
    if refused:
        return refused
    try:
        key = access.item_for_partner(partner, release_id=release_id, lang=lang)
        if key.canceled is not None:
            raise Problem(404, "withdrawn")
    except Problem as problem:
        return _problem_page(request, problem)
    page = pages_for_items([key.page_id]).get(key.page_id)
    if page is None:  # removed since the grant check
        return _problem_page(request, Problem(404, "removed"))
    body = render_bodies([page], images={}, absolute=absolute_url)[page.pk]
    pdfs = [
        {**rendition, "label": PDF_LABELS.get(rendition["name"], rendition["title"])}
        for rendition in pdf_renditions([page], request=request).get(page.pk, [])
    ]
    context = {
        "partner": partner,
        "story": page,
        "language": registry.get(key.language),
        "embargo_until": key.embargo_until,
        "text": "\n\n".join(part for part in (page.title, page.summary, body.text) if part),
        "images": image_renditions(page.hero_image, absolute=absolute_url) if page.hero_image else [],
        "pdfs": pdfs,
    }
    return render(request, "syndication/portal/story.html", context)


@login_required(login_url=LOGIN_URL)
def story_pdf(request, release_id: str, lang: str, name: str):
    partner, refused = _partner_or_refuse(request)
    if refused:
        return refused
    try:
        key = access.item_for_partner(partner, release_id=release_id, lang=lang)
        response = access.pdf_response(partner, key, name=name, revision=None, request=request)
    except Problem as problem:
        return _problem_page(request, problem)
    fetch = services.Fetch(
        page_id=key.page_id, release_id=key.release_id, language=key.language, version=key.version
    )
    with tolerate_read_only("the pickup log"):  # a read-only database: the download still works
        services.record_fetches(partner_id=partner.pk, fetches=[fetch], at=timezone.now())
    return response
