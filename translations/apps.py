from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from core import work as dashboard

        from . import choke_points, signals, work

        choke_points.install()
        signals.connect()
        dashboard.register_user_languages(work.user_languages)
        dashboard.register_people(work.people)
        dashboard.register_work_list("outdated_translations", work.outdated_translations)
