"""School development: the development points found anywhere in Leerkring (a survey report, a
team's competences, a value stream, a PLG finding), each linked back to where it came from, and
the school's decision on it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import ChangedBy, Created, CreatedBy, author_field, created_at_field


class DevelopmentPoint(CreatedBy):
    """Something worth working on, proposed for the school's plan. `origin` is the object it
    came from (a survey round, a team's competence, …) and `key` what in that object (a
    dimension, statement or competence code): the same point sent twice is one point."""

    class Source(models.TextChoices):
        WEAK_DIMENSION = "weak", _("weak dimension")
        PRIORITY = "priority", _("priority (important but weak)")
        SELF_GAP = "self_gap", _("perception gap: self and others")
        DIALOGUE_GAP = "dialogue_gap", _("perception gap: leadership and staff")
        COMPETENCE_MISSING = "competence_missing", _("competence missing in a team")
        COMPETENCE_FRAGILE = "competence_fragile", _("competence resting on one person")
        VALUE_STREAM_PAIN = "value_stream_pain", _("pain point in a value stream")
        TEAM_GOAL_OFF_TRACK = "team_goal_off_track", _("team goal off track")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        PLANNED = "planned", _("planned")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_points",
        verbose_name=_("school"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("origin type")
    )
    object_id = models.PositiveBigIntegerField(_("origin id"))
    origin = GenericForeignKey("content_type", "object_id")
    source = models.CharField(_("source"), max_length=30, choices=Source.choices)
    key = models.CharField(
        _("code"),
        max_length=60,
        blank=True,
        help_text=_("What in the origin: a dimension, statement or competence code."),
    )
    anchor = models.CharField(
        _("link back"),
        max_length=300,
        blank=True,
        help_text=_("The address of the part of the origin this point came from."),
    )
    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="development_points",
        verbose_name=_("team"),
    )
    description = models.CharField(_("description"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_by = author_field(_("proposed by"))
    decided_by = author_field(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("development point")
        verbose_name_plural = _("development points")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "content_type", "object_id", "source", "key"],
                name="development_point_once_per_origin",
            ),
        ]
        indexes = [
            # The inbox: a school's points, newest first, filtered by status or source.
            models.Index(
                fields=["organisation", "status", "-created_at"], name="development_point_inbox"
            ),
            models.Index(
                fields=["organisation", "source", "-created_at"], name="development_point_source"
            ),
            # "Which points came from this round / map / team?"
            models.Index(fields=["content_type", "object_id"], name="development_point_origin"),
        ]

    def __str__(self):
        return self.description

    @property
    def status_symbol(self) -> str:
        """Shown beside the status in words, so the status never rests on colour alone."""
        return POINT_SYMBOLS.get(self.status, "?")

    @property
    def origin_label(self) -> str:
        """How the origin is named in a list; an origin model may say it better with a
        `development_label`. '' when the origin is gone."""
        origin = self.origin
        if origin is None:
            return ""
        return getattr(origin, "development_label", None) or str(origin)

    def origin_url(self) -> str:
        """The link back to where the point came from; '' when there is none."""
        if not self.anchor or self.anchor.startswith(("/", "http://", "https://")):
            return self.anchor
        return f"#{self.anchor}"

    @property
    def section(self) -> str:
        """The section anchor of the link back (the part after '#')."""
        link, hash_, fragment = self.anchor.partition("#")
        if hash_:
            return fragment
        return "" if link.startswith(("/", "http://", "https://")) else link


# Kept by name so that a service can write one version for a save that also sets the goal's
# links (`development.history.record`), instead of one version per link set.
GOAL_HISTORY = HistoricalRecords(
    m2m_fields=["points", "expectations", "core_tasks"],
    excluded_fields=["created_at"],
    verbose_name=_("version of a goal"),
    verbose_name_plural=_("versions of goals"),
)


class Goal(CreatedBy):
    """A goal of an action plan: specific and measurable, with a deadline, and linked to the
    development points it answers. It belongs to a school's plan, or, with a `person`, to
    that person's own plan made during a course (`participant`); the organisation of a
    personal goal is the course's provider. Every save keeps a version (`history`)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        ACHIEVED = "achieved", _("achieved")
        STOPPED = "stopped", _("stopped")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_goals",
        verbose_name=_("school"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what we will see when it is reached"),
        help_text=_("Make it measurable: who, what, how much, by when."),
    )
    starts_on = models.DateField(_("start"), default=timezone.localdate)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    points = models.ManyToManyField(
        DevelopmentPoint, related_name="goals", blank=True, verbose_name=_("development points")
    )
    expectations = models.ManyToManyField(
        "development.QualityExpectation",
        related_name="goals",
        blank=True,
        verbose_name=_("quality expectations"),
    )
    core_tasks = models.ManyToManyField(
        "development.CoreTask", related_name="goals", blank=True, verbose_name=_("core tasks")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="personal_goals",
        verbose_name=_("person"),
        help_text=_("Empty for a goal of the school's plan."),
    )
    participant = models.ForeignKey(
        "networks.Participant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="personal_goals",
        verbose_name=_("course participation"),
    )
    history = GOAL_HISTORY

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["organisation", "deadline"], name="development_goal_plan"),
            models.Index(fields=["participant", "deadline"], name="development_goal_personal"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(participant__isnull=True) | Q(person__isnull=False),
                name="development_goal_participant_has_person",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_personal(self) -> bool:
        return self.person_id is not None

    @property
    def status_symbol(self) -> str:
        return GOAL_SYMBOLS.get(self.status, "○")


class QualityFramework(Created):
    """A framework of quality expectations a goal can answer: the shipped Flemish reference
    framework (no organisation) or one a school or provider loaded. Its rubrics and its scale
    are lists of names, in order."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quality_frameworks",
        verbose_name=_("owner"),
        help_text=_("Empty for a framework shipped with Leerkring."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    rubrics = models.JSONField(_("rubrics"), default=list)
    levels = models.JSONField(_("scale"), default=list)

    class Meta:
        verbose_name = _("quality framework")
        verbose_name_plural = _("quality frameworks")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="quality_framework_name_per_owner"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_shipped(self) -> bool:
        return self.organisation_id is None


class QualityExpectation(models.Model):
    """One expectation of a framework: its code (unique in the framework), a title, a short
    description and the rubric it belongs to."""

    framework = models.ForeignKey(
        QualityFramework,
        on_delete=models.CASCADE,
        related_name="expectations",
        verbose_name=_("framework"),
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("short description"), blank=True)
    rubric = models.CharField(_("rubric"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("quality expectation")
        verbose_name_plural = _("quality expectations")
        ordering = ["framework", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="quality_expectation_code_once"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class CoreTask(models.Model):
    """A core task the school names for itself; goals are tagged with them, so the plan shows
    which core task has no goal yet."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="core_tasks",
        verbose_name=_("school"),
    )
    name = models.CharField(_("core task"), max_length=200)
    position = models.PositiveIntegerField(
        _("position"), default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("core task")
        verbose_name_plural = _("core tasks")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="core_task_name_once"),
        ]

    def __str__(self):
        return self.name


class Action(CreatedBy, ChangedBy):
    """An action under a goal of the plan: who carries it, by when, and where it stands in the
    plan-do-check-act cycle. `version` goes up with every save, so two people editing the same
    action never overwrite one another unnoticed."""

    class Status(models.TextChoices):
        PLAN = "plan", _("plan")
        DO = "do", _("do")
        CHECK = "check", _("check")
        ACT = "act", _("act")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_actions",
        verbose_name=_("school"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="actions", verbose_name=_("goal")
    )
    title = models.CharField(_("action"), max_length=200)
    # Empty only under a personal goal: its person carries every action of their own plan.
    owner = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_actions",
        verbose_name=_("owner"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLAN
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(
        excluded_fields=["created_at", "updated_at", "created_by", "updated_by"],
        verbose_name=_("version of an action"),
        verbose_name_plural=_("versions of actions"),
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["organisation", "deadline"], name="development_action_plan"),
            # "My overdue actions" on the owner's home page and in the weekly digest.
            models.Index(fields=["owner", "status", "deadline"], name="development_action_owner"),
        ]

    def __str__(self):
        return self.title

    @property
    def status_symbol(self) -> str:
        return ACTION_SYMBOLS.get(self.status, "○")

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.ACT and self.deadline < timezone.localdate()


def _evidence_path(instance, filename):
    return f"development/evidence/{instance.action.organisation_id}/{instance.action_id}/{filename}"


class ActionEvidence(models.Model):
    """A file that shows what an action did (a report, a photo, minutes)."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("action")
    )
    file = models.FileField(_("file"), upload_to=_evidence_path, max_length=300)
    uploaded_by = author_field(_("uploaded by"))
    uploaded_at = created_at_field(_("uploaded at"))

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.filename

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


POINT_SYMBOLS = {
    DevelopmentPoint.Status.PROPOSED: "?",
    DevelopmentPoint.Status.ACCEPTED: "✓",
    DevelopmentPoint.Status.DECLINED: "✗",
    DevelopmentPoint.Status.PLANNED: "▸",
}
GOAL_SYMBOLS = {
    Goal.Status.PLANNED: "○",
    Goal.Status.IN_PROGRESS: "▸",
    Goal.Status.ACHIEVED: "✓",
    Goal.Status.STOPPED: "✗",
}
ACTION_SYMBOLS = {
    Action.Status.PLAN: "○",
    Action.Status.DO: "▸",
    Action.Status.CHECK: "◐",
    Action.Status.ACT: "✓",
}
