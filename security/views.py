"""The page a locked-out login gets, in the language the login page was in."""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

DJANGO_ADMIN_PREFIX = "/django-admin/"


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429 with what happened, for how long and what to do."""
    cool_off = get_cool_off(request)
    login_url = (
        reverse("admin:login")
        if request.path_info.startswith(DJANGO_ADMIN_PREFIX)
        else reverse("wagtailadmin_login")
    )
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else 0,
        "login_url": login_url,
    }
    return render(request, "security/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
