"""Development points: a weak dimension, a priority or a large perception gap of a report,
proposed for the school's plan. The plan itself lives in the development app; a point keeps
the link back to the exact report section it came from."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .surveys import Round, Survey


class DevelopmentPoint(models.Model):
    class Source(models.TextChoices):
        WEAK_DIMENSION = "weak", _("weak dimension")
        PRIORITY = "priority", _("priority (important but weak)")
        SELF_GAP = "self_gap", _("perception gap: self and others")
        DIALOGUE_GAP = "dialogue_gap", _("perception gap: leadership and staff")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_points",
        verbose_name=_("school"),
    )
    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="development_points",
        verbose_name=_("survey"),
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="development_points", verbose_name=_("round")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    code = models.CharField(
        _("dimension or statement code"),
        max_length=40,
        help_text=_("The code of the dimension or, for the dialogue, of the statement."),
    )
    anchor = models.CharField(_("report section"), max_length=60)
    description = models.CharField(_("description"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("development point")
        verbose_name_plural = _("development points")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "source", "code"], name="development_point_once_per_round"
            ),
        ]

    def __str__(self):
        return self.description

    def source_url(self) -> str:
        """The report section this point came from: the round and the anchor."""
        url = reverse(
            "surveys:report", kwargs={"slug": self.organisation.slug, "pk": self.survey_id}
        )
        return f"{url}?round={self.round.number}#{self.anchor}"
