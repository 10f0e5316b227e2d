"""The newspaper portal, under each language prefix: /<lang>/partners/ (cms/urls.py)."""

from django.urls import path

from . import portal

app_name = "portal"

urlpatterns = [
    path("", portal.stories, name="stories"),
    path("login/", portal.LoginView.as_view(), name="login"),
    path("logout/", portal.LogoutView.as_view(), name="logout"),
    path("<str:release_id>/<str:lang>/", portal.story, name="story"),
    path("<str:release_id>/<str:lang>/pdf/<str:name>/", portal.story_pdf, name="pdf"),
]
