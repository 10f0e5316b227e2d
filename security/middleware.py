"""django-csp's middleware, with the admin's policy under the admin's URLs."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

from .policy import ADMIN_PREFIXES


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public policy is CONTENT_SECURITY_POLICY; requests under
    /admin/ and /django-admin/ get ADMIN_CONTENT_SECURITY_POLICY instead
    (unless a view set its own with django-csp's decorators)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
