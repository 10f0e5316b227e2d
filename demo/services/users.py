from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from .result import DemoResult

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "odop-demo-admin"  # noqa: S105 - the documented demo login, created only here


@transaction.atomic
def ensure_admin(*, result: DemoResult):
    User = get_user_model()
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
        result.add("admin user")
    return user
