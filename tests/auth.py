"""django-axes in tests, with Django's test client.

`Client.login()` calls `authenticate()` without a request, which
AxesStandaloneBackend refuses (it throttles per client address). This
subclass lets that one call through and throttles every real request, so
login forms, the browser tests and the lockout tests go through axes as in
production (cms/settings/test.py)."""

from axes.backends import AxesStandaloneBackend


class ClientLoginAxesBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None  # the test client's login(): no address to throttle
        return super().authenticate(request, username=username, password=password, **kwargs)
