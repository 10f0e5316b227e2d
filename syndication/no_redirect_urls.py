"""An empty URLconf: see problems.NO_REDIRECT_URLCONF."""

urlpatterns: list = []
