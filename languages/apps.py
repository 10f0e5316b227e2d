from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        from django.conf import locale

        from . import registry

        # Django lacks LANG_INFO for 12 of our languages and has Latin-script
        # native names for pa and kn: CLDR's facts win for all 23.
        for code, info in registry.django_lang_info().items():
            locale.LANG_INFO[code] = {**locale.LANG_INFO.get(code, {}), **info}

        # This app has no models, so it hears post_migrate through Wagtail's.
        post_migrate.connect(ensure_locales, sender=apps.get_app_config("wagtailcore"))


def ensure_locales(**kwargs):
    """Create a wagtail Locale for every enabled language (idempotent)."""
    from django.conf import settings
    from wagtail.models import Locale

    using = kwargs.get("using", "default")
    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    Locale.objects.using(using).bulk_create(
        [
            Locale(language_code=code)
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code not in existing
        ]
    )
