"""A school's consultation structure: the bodies (overlegorganen) that meet, inside the school
and with its partners outside it. Their meetings are communities' `Meeting` with a `body`."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation


class Body(models.Model):
    class Kind(models.TextChoices):
        STAFF_MEETING = "staff_meeting", _("staff meeting")
        POLICY_TEAM = "policy_team", _("policy team")
        TEAM_MEETING = "team_meeting", _("team meeting")
        PUPIL_CARE = "pupil_care", _("pupil care meeting")
        PARENTS_COUNCIL = "parents_council", _("parents' council")
        SCHOOL_COUNCIL = "school_council", _("school council")
        PUPILS_COUNCIL = "pupils_council", _("pupils' council")
        INSPECTORATE = "inspectorate", _("inspectorate visit")
        PARTNERS = "partners", _("partner companies")

    class Rule(models.TextChoices):
        NONE = "", _("no fixed rule")
        WEEKS = "weeks", _("every n weeks")
        MONTHLY = "monthly", _("monthly, on the same weekday")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="consultation_bodies",
        verbose_name=_("school"),
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    purpose = models.TextField(_("purpose"), blank=True)
    rhythm = models.CharField(
        _("rhythm"),
        max_length=200,
        blank=True,
        help_text=_("For example: the first Tuesday of the month, 15:45."),
    )
    rule = models.CharField(
        _("repeat rule"), max_length=10, choices=Rule.choices, default="", blank=True
    )
    rule_weeks = models.PositiveSmallIntegerField(_("every how many weeks"), null=True, blank=True)
    rule_start = models.DateTimeField(
        _("first meeting of the rule"),
        null=True,
        blank=True,
        help_text=_("The rule repeats from this day and time."),
    )
    rule_duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    members = models.ManyToManyField(
        Membership, blank=True, related_name="consultation_bodies", verbose_name=_("members")
    )
    stakeholders = models.JSONField(
        _("stakeholder groups"),
        default=list,
        blank=True,
        help_text=_("For example: parents, pupils, local community."),
    )
    is_public = models.BooleanField(
        _("minutes open to all staff"),
        default=False,
        help_text=_("Otherwise only its members and the school leaders read the minutes."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consultation body")
        verbose_name_plural = _("consultation bodies")
        ordering = ["position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "organisation", models.functions.Lower("name"), name="body_unique_name"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="body_has_name"),
            models.CheckConstraint(
                condition=~Q(rule="weeks") | Q(rule_weeks__gte=1, rule_weeks__lte=26),
                name="body_weeks_rule_has_interval",
            ),
            models.CheckConstraint(
                condition=Q(rule="") | Q(rule_start__isnull=False),
                name="body_rule_has_start",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_external(self) -> bool:
        return self.kind in EXTERNAL_KINDS


EXTERNAL_KINDS = (
    Body.Kind.PARENTS_COUNCIL,
    Body.Kind.SCHOOL_COUNCIL,
    Body.Kind.PUPILS_COUNCIL,
    Body.Kind.INSPECTORATE,
    Body.Kind.PARTNERS,
)
