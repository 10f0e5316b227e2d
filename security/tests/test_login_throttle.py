"""Login throttling (django-axes): five wrong passwords for one username from
one address lock that pair out, on Wagtail's and Django's admin logins; other
users and addresses still get in; an administrator's reset unlocks."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory, TestCase, override_settings

from core.client_ip import client_ip

WAGTAIL_LOGIN = "/admin/login/"
DJANGO_LOGIN = "/django-admin/login/"
PASSWORD = "right-horse-battery"  # noqa: S105


class LoginThrottleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.editor = users.create_superuser("editor", "editor@example.gov.in", PASSWORD)
        cls.other = users.create_superuser("other", "other@example.gov.in", PASSWORD)

    def sign_in(self, username, password, *, url=WAGTAIL_LOGIN, client_address=None, **extra):
        if client_address:  # as nginx says it (REMOTE_ADDR is the proxy, 127.0.0.1)
            extra["HTTP_X_FORWARDED_FOR"] = client_address
        return self.client.post(url, {"username": username, "password": password}, **extra)

    def signed_in_as(self):
        return self.client.session.get("_auth_user_id")

    def fail_five_times(self, username="editor", **kwargs):
        return [self.sign_in(username, f"wrong-{n}", **kwargs).status_code for n in range(5)]

    def test_five_wrong_passwords_lock_out_and_the_right_one_is_then_refused(self):
        self.assertEqual(self.fail_five_times(), [200, 200, 200, 200, 429])
        response = self.sign_in("editor", PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertIsNone(self.signed_in_as())
        self.assertContains(response, "Sign-in blocked", status_code=429)
        self.assertContains(response, "blocked for 15 minutes", status_code=429)
        self.assertContains(response, f'href="{WAGTAIL_LOGIN}"', status_code=429)

    def test_four_wrong_passwords_then_the_right_one_signs_in(self):
        for n in range(4):
            self.sign_in("editor", f"wrong-{n}")
        self.assertEqual(self.sign_in("editor", PASSWORD).status_code, 302)
        self.assertEqual(self.signed_in_as(), str(self.editor.pk))

    def test_another_user_from_the_same_address_is_not_locked_out(self):
        self.fail_five_times()
        self.assertEqual(self.sign_in("other", PASSWORD).status_code, 302)
        self.assertEqual(self.signed_in_as(), str(self.other.pk))

    def test_the_same_user_from_another_address_is_not_locked_out(self):
        self.fail_five_times(client_address="203.0.113.7")
        self.assertEqual(self.sign_in("editor", PASSWORD, client_address="203.0.113.7").status_code, 429)
        self.assertEqual(self.sign_in("editor", PASSWORD, client_address="198.51.100.20").status_code, 302)
        self.assertEqual(self.signed_in_as(), str(self.editor.pk))

    def test_a_forged_forwarded_for_does_not_escape_the_lockout(self):
        # The attacker writes a new address each time; nginx appends the real one.
        for n in range(5):
            self.sign_in("editor", "wrong", client_address=f"10.0.0.{n}, 203.0.113.7")
        response = self.sign_in("editor", PASSWORD, client_address="10.9.9.9, 203.0.113.7")
        self.assertEqual(response.status_code, 429)

    def test_reset_by_an_administrator_unlocks(self):
        self.fail_five_times()
        call_command("axes_reset_username", "editor", verbosity=0)
        self.assertEqual(self.sign_in("editor", PASSWORD).status_code, 302)
        self.assertEqual(self.signed_in_as(), str(self.editor.pk))

    def test_django_admin_login_is_throttled_too(self):
        statuses = self.fail_five_times(url=DJANGO_LOGIN)
        self.assertEqual(statuses[-1], 429)
        response = self.sign_in("editor", PASSWORD, url=DJANGO_LOGIN)
        self.assertContains(response, f'href="{DJANGO_LOGIN}"', status_code=429)
        self.assertIsNone(self.signed_in_as())

    def test_lockout_page_speaks_the_login_pages_language(self):
        self.fail_five_times()
        for code, text in {"hi": "15 मिनट के लिए रोका गया", "ur": "15 منٹ کے لیے روک دیا گیا"}.items():
            response = self.sign_in("editor", PASSWORD, HTTP_ACCEPT_LANGUAGE=code)
            self.assertContains(response, text, status_code=429)

    @override_settings(AXES_FAILURE_LIMIT=2, AXES_COOLOFF_TIME=timedelta(minutes=30))
    def test_limit_and_wait_come_from_settings(self):
        self.assertEqual([self.sign_in("editor", "wrong").status_code for _ in range(2)], [200, 429])
        self.assertContains(self.sign_in("editor", PASSWORD), "blocked for 30 minutes", status_code=429)


class ClientAddressTests(TestCase):
    factory = RequestFactory()

    def address(self, remote_addr, forwarded=None):
        extra = {"REMOTE_ADDR": remote_addr}
        if forwarded is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return client_ip(self.factory.get("/", **extra))

    def test_direct_client_is_its_own_address_whatever_it_claims(self):
        self.assertEqual(self.address("198.51.100.20", "10.0.0.1"), "198.51.100.20")

    def test_behind_the_local_proxy_the_address_it_appended(self):
        self.assertEqual(self.address("127.0.0.1", "10.0.0.1, 198.51.100.20"), "198.51.100.20")
        self.assertEqual(self.address("::1", "2001:db8::5"), "2001:db8::5")

    @override_settings(TRUSTED_PROXIES=["127.0.0.1", "192.0.2.0/24"])
    def test_a_chain_of_trusted_proxies_is_walked_back(self):
        self.assertEqual(self.address("127.0.0.1", "10.0.0.1, 198.51.100.20, 192.0.2.9"), "198.51.100.20")

    def test_the_proxy_itself_without_forwarded_for(self):
        self.assertEqual(self.address("127.0.0.1"), "127.0.0.1")
