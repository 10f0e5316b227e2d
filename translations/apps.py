from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from core import work as dashboard
        from stories.annotations import register_story_annotation

        from . import choke_points, signals, work
        from .selectors import FRESHNESS_ANNOTATIONS

        choke_points.install()
        signals.connect()
        dashboard.register_user_languages(work.user_languages)
        dashboard.register_people(work.people)
        dashboard.register_work_list("outdated_translations", work.outdated_translations)
        for name, expression in FRESHNESS_ANNOTATIONS.items():  # the stale notice, with the story
            register_story_annotation(name, expression)
