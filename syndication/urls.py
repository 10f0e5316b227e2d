"""/api/v1/ (included from cms/urls.py)."""

from django.urls import path, re_path

from .api import api
from .problems import Problem, problem_response


def _unknown(request, rest=""):
    return problem_response(Problem(404, f"No API endpoint at {request.path}."), request)


urlpatterns = [
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", _unknown),
]
