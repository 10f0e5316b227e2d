"""Feed URLs, included inside i18n_patterns: /<lang>/feeds/..."""

from django.urls import path

from .feeds import stories_atom

app_name = "syndication_feeds"
urlpatterns = [path("stories.atom", stories_atom, name="stories")]
