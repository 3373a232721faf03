"""PLG's, their members and roles, and their way through the cycle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Membership, Organisation

from ..cycles import CYCLES, cycle_for


class PLG(models.Model):
    """A learning community owned by a school or a school community."""

    class Type(models.TextChoices):
        LESSON_STUDY = "lesson_study", _("lesson study")
        DATA_TEAM = "data_team", _("data team")
        DESIGN_TEAM = "design_team", _("teacher design team")
        INTERVISION = "intervision", _("intervision")
        SUBJECT_DIDACTIC = "subject_didactic", _("subject-didactic community")
        LEADERS_GROUP = "leaders_group", _("leaders' learning group")
        COACH_THE_COACH = "coach_the_coach", _("coach the coach")

    class Focus(models.TextChoices):
        # A context of their own: "This question is about %(focus)s" needs the article.
        PUPILS = "pupils", pgettext_lazy("PLG focus", "the pupils")
        SCHOOL = "school", pgettext_lazy("PLG focus", "the school")
        TEAM = "team", pgettext_lazy("PLG focus", "the team")
        LEADERSHIP = "leadership", pgettext_lazy("PLG focus", "leadership")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACTIVE = "active", _("active")
        CLOSED = "closed", _("closed")

    class MinutesReaders(models.TextChoices):
        MEMBERS = "members", _("Only the members of the group")
        COLLEAGUES = "colleagues", _("Every colleague who can see the PLG")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="plgs", verbose_name=_("owner")
    )
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    name = models.CharField(_("name"), max_length=150)
    learning_question = models.TextField(_("learning question"))
    focus = models.CharField(
        _("the question is about"), max_length=20, choices=Focus.choices, default=Focus.PUPILS
    )
    subject = models.CharField(
        pgettext_lazy("school subject", "subject"),
        max_length=80,
        blank=True,
        help_text=_("For example: mathematics."),
    )
    is_open = models.BooleanField(
        _("open to join"),
        default=True,
        help_text=_("Colleagues of the school (or school community) may join by themselves."),
    )
    minutes_readers = models.CharField(
        _("who reads the minutes"),
        max_length=20,
        choices=MinutesReaders.choices,
        default=MinutesReaders.MEMBERS,
        help_text=_(
            "The minutes, decisions, actions and evidence. Leaders and coaches always see that "
            "the group meets, who attends and its yearly report."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    current_phase = models.CharField(_("current phase"), max_length=30)
    learnings = models.TextField(
        _("what we learned"), blank=True, help_text=_("Shown in the yearly report.")
    )
    shared_with = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shared_plgs",
        verbose_name=_("shared with provider"),
        help_text=_("A provider that may read this PLG's report."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("PLG")
        verbose_name_plural = _("PLG's")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(type__in=list(CYCLES)), name="plg_type_has_a_cycle"),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "active", "closed"]), name="plg_status_valid"
            ),
            models.UniqueConstraint(fields=["organisation", "name"], name="plg_unique_name"),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        known = self.type in CYCLES and self.current_phase
        if known and self.cycle.phase(self.current_phase) is None:
            raise ValidationError(
                {"current_phase": _("This phase is not part of the PLG's cycle.")}
            )

    @property
    def cycle(self):
        return cycle_for(self.type)

    @property
    def phase(self):
        return self.cycle.phase(self.current_phase)

    @property
    def keeps_minutes_private(self) -> bool:
        """Minutes, decisions, actions and evidence are for members only unless the group
        chose to let every colleague who sees the PLG read them; intervision brings
        confidential cases and never does. Who may join is a separate choice."""
        return (
            self.type == self.Type.INTERVISION
            or self.minutes_readers == self.MinutesReaders.MEMBERS
        )


class PLGMember(models.Model):
    """A person in a PLG, through their membership of a school (of the community)."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="plg_memberships",
        verbose_name=_("person"),
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("PLG member")
        verbose_name_plural = _("PLG members")
        ordering = ["person__user__last_name", "person__user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["plg", "person"], name="plg_member_unique_person"),
        ]

    def __str__(self):
        return str(self.person.user)


class Role(models.TextChoices):
    TEAM_COACH = "team_coach", _("team coach")
    PROCESS_COACH = "process_coach", _("process coach")
    NOTE_TAKER = "note_taker", _("note-taker")
    CURATOR = "curator", _("curator of learning resources")
    FACILITATOR = "facilitator", _("facilitator")


# Roles that lead the group: they plan meetings, add members and move the cycle on.
LEADING_ROLES = (Role.TEAM_COACH, Role.PROCESS_COACH, Role.FACILITATOR)
# Roles that, named for one meeting, let their holder keep that meeting's record (agenda,
# attendance, minutes, decisions, actions). The curator keeps the library, not the meeting.
MEETING_KEEPING_ROLES = (*LEADING_ROLES, Role.NOTE_TAKER)


class MemberRole(models.Model):
    """A standing role of a member; a person may hold several."""

    member = models.ForeignKey(PLGMember, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["member", "role"], name="member_role_unique"),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_role_display()}"


class PhaseRecord(models.Model):
    """One passage through a phase of the cycle: the PLG's phase history."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="phase_records")
    phase = models.CharField(_("phase"), max_length=30)
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    conclusion = models.TextField(_("what this phase brought"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phase record")
        verbose_name_plural = _("phase records")
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plg"], condition=Q(ended_at__isnull=True), name="phase_record_one_open"
            ),
        ]

    def __str__(self):
        return f"{self.plg}: {self.phase}"


class Evidence(models.Model):
    """Something gathered in a phase that shows what the group did or found."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="evidence")
    phase = models.CharField(_("phase"), max_length=30)
    text = models.TextField(_("evidence"))
    url = models.URLField(_("link"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
