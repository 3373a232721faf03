from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership

from .catalogue import Edition, Session
from .registration import Participant


class LearningGroup(models.Model):
    """A learning group of an edition: normally 4–8 school leaders of one school community."""

    MIN_SIZE = 4
    MAX_SIZE = 8

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="groups", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=120)
    trainer = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_groups",
        verbose_name=_("trainer"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("learning group")
        verbose_name_plural = _("learning groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="learning_group_unique_name"),
        ]

    def __str__(self):
        return self.name


class Attendance(models.Model):
    """Whether one participant attended one session."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("participant"),
    )
    status = models.CharField(
        _("attendance"), max_length=10, choices=Status.choices, default=Status.PRESENT
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="attendance_once_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.participant} — {self.session}: {self.status}"


class ProfileRelease(models.Model):
    """A version of a learning group's combined 360° profile that its trainer has seen: the
    leaders' rounds it was computed from. A new version may only differ from every earlier one
    by none or at least three rounds, or subtracting the two would reveal one leader's results."""

    group = models.ForeignKey(
        LearningGroup,
        on_delete=models.CASCADE,
        related_name="profile_releases",
        verbose_name=_("learning group"),
    )
    # The survey rounds behind the profile, as sorted "survey:round" pairs separated by spaces.
    rounds = models.TextField(_("rounds"))
    shown_at = models.DateTimeField(_("first shown at"), auto_now_add=True)

    class Meta:
        verbose_name = _("profile version")
        verbose_name_plural = _("profile versions")
        constraints = [
            models.UniqueConstraint(fields=["group", "rounds"], name="profile_release_once"),
        ]

    def __str__(self):
        return f"{self.group} — {self.shown_at:%Y-%m-%d}"

    @property
    def keys(self) -> frozenset:
        return frozenset(self.rounds.split())
