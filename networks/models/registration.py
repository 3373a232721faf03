from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .catalogue import Edition, Question


class Application(models.Model):
    """One application for an edition, by one person for themselves or for a whole group.

    A group application is decided as a whole: all its participants are in or out together.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        WAITLISTED = "waitlisted", _("on the waiting list")
        OFFERED = "offered", _("place offered")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")
        DECLINED = "declined", _("offer declined")
        EXPIRED = "expired", _("offer expired")

    # Statuses whose participants hold a place of the edition.
    HOLDS_PLACE = (Status.ACCEPTED, Status.OFFERED)
    # Statuses in which the application is still alive (its people cannot apply again).
    ACTIVE = (Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED, Status.OFFERED)

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="applications", verbose_name=_("edition")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_applications",
        verbose_name=_("applicant"),
    )
    school = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_applications",
        verbose_name=_("school"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    size = models.PositiveSmallIntegerField(_("number of participants"), default=1)
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    intake_at = models.DateTimeField(_("intake conversation"), null=True, blank=True)
    intake_note = models.CharField(_("intake note"), max_length=300, blank=True)
    offer_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gte=1), name="application_size_positive"),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="application_waitlist_has_time",
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"], name="application_edition_status")]

    def __str__(self):
        return f"{self.applicant} → {self.edition}"

    @property
    def is_group(self) -> bool:
        return self.size > 1


class Participant(models.Model):
    """A person in an application; they take part in the edition once it is accepted."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="participants", verbose_name=_("edition")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("application"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_participations",
        verbose_name=_("person"),
    )
    school = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_participants",
        verbose_name=_("school"),
    )
    group = models.ForeignKey(
        "networks.LearningGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("learning group"),
    )
    # False once the application is refused, withdrawn, declined or expired: the person may
    # then apply again, which the partial unique constraint below allows.
    is_active = models.BooleanField(_("active"), default=True)
    # Set while the participant lets the trainer include their 360° in the learning group's
    # combined profile; cleared when they withdraw that consent.
    profile_consent_at = models.DateTimeField(
        _("shares their 360° in the group profile since"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["user__last_name", "user__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "user"],
                condition=Q(is_active=True),
                name="participant_once_per_edition",
            ),
        ]

    def __str__(self):
        return str(self.user)


class Answer(models.Model):
    """The applicant's answer to one question of the application form."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="answers", verbose_name=_("application")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="answer_once_per_question"
            ),
        ]

    def __str__(self):
        return self.value[:50]
