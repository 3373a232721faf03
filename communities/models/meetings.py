"""Meetings of a PLG or of a school's consultation body: agenda, minutes and decisions; for a
PLG also rotating roles, attendance and actions (they refer to its members)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .plgs import PLG, PLGMember, Role


class Meeting(models.Model):
    """A meeting of exactly one owner: a PLG or a consultation body."""

    plg = models.ForeignKey(
        PLG, on_delete=models.CASCADE, null=True, blank=True, related_name="meetings"
    )
    body = models.ForeignKey(
        "consultation.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    place = models.CharField(_("place"), max_length=150, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    phase = models.CharField(_("phase"), max_length=30, blank=True)
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown is allowed."))
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["plg", "starts_at"]),
            models.Index(fields=["body", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_url=""), name="meeting_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=Q(plg__isnull=False, body__isnull=True)
                | Q(plg__isnull=True, body__isnull=False),
                name="meeting_has_one_owner",
            ),
        ]

    def __str__(self):
        return f"{self.owner} {self.starts_at:%Y-%m-%d}"

    @property
    def owner(self):
        """The PLG or the consultation body; both have an `organisation` and a `name`."""
        return self.plg if self.plg_id is not None else self.body


class MeetingRole(models.Model):
    """A role held for one meeting only: roles rotate from meeting to meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roles")
    member = models.ForeignKey(PLGMember, on_delete=models.CASCADE, related_name="meeting_roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "role"], name="meeting_role_one_holder"),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_role_display()}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    time = models.TimeField(_("time"))
    title = models.CharField(_("agenda item"), max_length=200)
    owner = models.ForeignKey(
        PLGMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )

    class Meta:
        ordering = ["time", "pk"]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(PLGMember, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_unique"),
        ]

    def __str__(self):
        return f"{self.member} ({self.present})"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class ActionItem(models.Model):
    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        PLGMember, on_delete=models.CASCADE, related_name="actions", verbose_name=_("owner")
    )
    deadline = models.DateField(_("deadline"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["owner", "done_at"])]

    def __str__(self):
        return self.description
