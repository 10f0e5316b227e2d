"""Sub-paths of a story page that feature apps add, the way Wagtail's
RoutablePageMixin routes work, without the story model knowing them.

A feature registers its routes in its AppConfig.ready() (printing adds
``pdf/newsbox/`` and ``pdf/release/``)::

    register_story_route("pdf/release/", release_pdf, name="pdf_release")

The view is called as ``view(page, request, *args, **kwargs)``, and
``page.reverse_subpage(name)`` gives its path.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import URLPattern, path

_routes: list[URLPattern] = []


def register_story_route(route: str, view: Callable, *, name: str) -> None:
    if any(pattern.name == name for pattern in _routes):
        return  # ready() may run more than once (tests, autoreload)
    _routes.append(path(route, view, name=name))


def story_routes() -> list[URLPattern]:
    return list(_routes)
