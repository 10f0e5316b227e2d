"""The glossary applied to machine translation output; what each language's
translation was made from; the review task with four eyes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page, TaskState

from languages import registry

from .services import gate


def _language_choices():
    return [(language.code, f"{language.name} ({language.native_name})") for language in registry.LANGUAGES]


class GlossaryTerm(ClusterableModel):
    """A term that machine translation must leave alone, or render one fixed way.

    "ODOP", product names, GI names and office names. With `do_not_translate`
    the term is kept as written in every language; otherwise each rendering
    fixes its translation in one language (languages without a rendering
    leave it to the machine).
    """

    term = models.CharField(_("term"), max_length=255, unique=True)
    do_not_translate = models.BooleanField(
        _("do not translate"),
        default=False,
        help_text=_("Keep the term exactly as written in every language."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("do_not_translate"),
        FieldPanel("note"),
        InlinePanel("renderings"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")

    def __str__(self):
        return self.term


class GlossaryRendering(Orderable):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="renderings")
    language_code = models.CharField(_("language"), max_length=8, choices=_language_choices)
    rendering = models.CharField(_("rendering"), max_length=255)

    panels = [FieldPanel("language_code"), FieldPanel("rendering")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language_code"], name="unique_glossary_rendering_per_language"
            )
        ]
        verbose_name = _("rendering")

    def __str__(self):
        return f"{self.term} → {self.rendering} ({self.language_code})"


class SourceSync(models.Model):
    """Which revision of the source page a wagtail-localize TranslationSource
    holds: the one it was last extracted ("synced") from."""

    source = models.OneToOneField(
        "wagtail_localize.TranslationSource", on_delete=models.CASCADE, related_name="odop_sync"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    synced_at = models.DateTimeField(_("synced at"), auto_now=True)

    class Meta:
        verbose_name = _("source sync")

    def __str__(self):
        return f"{self.source} @ revision {self.revision_id}"


class LanguageVersion(models.Model):
    """What one language's live translation is up to date with.

    Written when a translation page is published (through the review gate).
    `source_revision` is the source revision the language is up to date
    with: the synced one, unless this publish shows source text where the
    previous one had a translation (changed or new segments left
    untranslated), in which case it stays where it was. The translation is
    outdated while that is not the source page's live revision.
    """

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="odop_version"
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    complete = models.BooleanField(
        _("complete"), default=False, help_text=_("No segment fell back to the source.")
    )
    untranslated = models.JSONField(
        _("untranslated segments"), default=list, blank=True, help_text=_("Paths that show the source text.")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    # Derived: `source_revision` is not the source page's live revision (the
    # dashboards' "outdated" list reads the few such rows by their index
    # instead of comparing every language version). Kept by
    # services.publishing on every publish and unpublish of either page.
    outdated = models.BooleanField(default=False, editable=False)  # not shown: no label to translate

    class Meta:
        verbose_name = _("language version")
        indexes = [
            models.Index(
                fields=["published_at"], condition=Q(outdated=True), name="language_version_outdated"
            ),
        ]

    def __str__(self):
        return f"{self.translation} up to date with revision {self.source_revision_id}"


class ReviewTask(AbstractGroupApprovalTask):
    """Group approval with four eyes, through the review gate.

    Nobody approves what they sent for review, and a translation is approved
    only by a reviewer of its language (services/gate.py), superusers
    included. The "Editorial review" and every "Language review (<code>)"
    workflow use it (setup_roles).
    """

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")

    def approval_refusal(self, obj, user) -> str | None:
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id == user.pk:
            return _("You sent this for review: somebody else must approve it (four eyes).")
        if isinstance(obj, Page):
            return gate.page_refusal(page=obj, user=user, check_requester=False)
        return None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.approval_refusal(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            reason = self.approval_refusal(task_state.workflow_state.content_object, user)
            if reason:
                raise gate.PublishRefused(reason)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(
            workflow_state__requested_by=user
        )
