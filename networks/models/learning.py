from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .catalogue import Edition, Programme, Session
from .registration import Participant
from .running import LearningGroup


class Assignment(models.Model):
    """Work between sessions, for each participant or for each learning group."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_group = models.BooleanField(_("one submission per learning group"), default=False)
    due_on = models.DateField(_("due date"))
    is_reading = models.BooleanField(_("reading assignment"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


def _submission_path(instance, filename):
    return f"networks/submissions/{instance.assignment_id}/{filename}"


class Submission(models.Model):
    """A participant's (or their group's) work for an assignment, with the trainer's feedback."""

    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("assignment"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("submitted by"),
    )
    group = models.ForeignKey(
        LearningGroup,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("learning group"),
    )
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("file"), upload_to=_submission_path, blank=True)
    # A value stream assignment can be handed in as a link to the participant's school's map;
    # the edition's trainers then read that map (and nothing else of the school).
    value_stream = models.ForeignKey(
        "valuestreams.ValueStreamMap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_submissions",
        verbose_name=_("value stream map"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("feedback by"),
    )
    feedback_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "participant"], name="submission_once_per_participant"
            ),
        ]

    def __str__(self):
        return f"{self.assignment} — {self.participant}"


class CoachingGroup(models.Model):
    """A peer-coaching pair or trio of participants."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="coaching_groups",
        verbose_name=_("edition"),
    )
    members = models.ManyToManyField(
        Participant, related_name="coaching_groups", verbose_name=_("members")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("coaching pair or trio")
        verbose_name_plural = _("coaching pairs and trios")
        ordering = ["pk"]

    def __str__(self):
        return " & ".join(str(m) for m in self.members.all())


class CoachingMoment(models.Model):
    coaching_group = models.ForeignKey(
        CoachingGroup,
        on_delete=models.CASCADE,
        related_name="moments",
        verbose_name=_("coaching pair or trio"),
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    logged_by = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("coaching moment")
        verbose_name_plural = _("coaching moments")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.coaching_group} {self.date:%Y-%m-%d}"


def _research_path(instance, filename):
    return f"networks/research/{instance.edition_id}/{filename}"


class ResearchGroup(models.Model):
    """A research duo or trio: a theme, a question, a plan and results presented at a session.

    A trajectory runs two years; the research usually happens in the second one."""

    class Year(models.IntegerChoices):
        FIRST = 1, _("year 1")
        SECOND = 2, _("year 2")

    ONE_SCHOOL_WARNING = _(
        "All members come from the same school; a research group should mix schools."
    )

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="research_groups",
        verbose_name=_("edition"),
    )
    members = models.ManyToManyField(
        Participant, related_name="research_groups", verbose_name=_("members")
    )
    theme = models.CharField(_("theme"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year of the trajectory"), choices=Year.choices, default=Year.SECOND
    )
    question = models.TextField(_("research question"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    presentation_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("results presented at"),
    )
    presents_on = models.DateField(_("presentation date"), null=True, blank=True)
    results = models.FileField(_("results document"), upload_to=_research_path, blank=True)

    class Meta:
        verbose_name = _("research group")
        verbose_name_plural = _("research groups")
        ordering = ["theme", "pk"]

    def __str__(self):
        return self.theme

    @property
    def presentation_date(self):
        """The date set by the trainer, or else the date of the chosen session."""
        if self.presents_on:
            return self.presents_on
        return self.presentation_session.date if self.presentation_session else None

    @property
    def one_school(self) -> bool:
        """All members come from the same school; research groups should mix schools.
        Reads the (prefetched) members."""
        schools = {m.school_id for m in self.members.all()}
        return len(schools) == 1 and None not in schools


class LiteratureItem(models.Model):
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="literature",
        verbose_name=_("programme"),
    )
    reference = models.CharField(_("reference"), max_length=400)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("literature item")
        verbose_name_plural = _("literature")
        ordering = ["reference", "pk"]

    def __str__(self):
        return self.reference


class Reflection(models.Model):
    """A participant's short reflection after a session (their own learning journal)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("session")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="reflections",
        verbose_name=_("participant"),
    )
    text = models.TextField(_("reflection"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="reflection_once_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.participant} — {self.session}"
