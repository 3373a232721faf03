"""A school's vision built with its stakeholders: contributions are collected through a token
link per stakeholder group (no account), clustered into themes, prioritised by spreading a
fixed number of points, and published. Contributions and points carry no link to a person,
device or session: only to the group whose link was used."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

MIN_THRESHOLD = 3
CONTRIBUTION_MAX_LENGTH = 1000


class VisionProcess(models.Model):
    class Phase(models.TextChoices):
        COLLECT = "collect", _("collecting contributions")
        CLUSTER = "cluster", _("clustering into themes")
        PRIORITISE = "prioritise", _("prioritising")
        PUBLISHED = "published", _("published")

    # The order the phases follow; a process only moves forward.
    ORDER = (Phase.COLLECT, Phase.CLUSTER, Phase.PRIORITISE, Phase.PUBLISHED)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="vision_processes",
        verbose_name=_("school"),
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(
        _("question asked"),
        max_length=500,
        help_text=_("For example: what should every child take with them when leaving our school?"),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.COLLECT
    )
    points = models.PositiveSmallIntegerField(
        _("points per participant"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=5,
        validators=[MinValueValidator(MIN_THRESHOLD), MaxValueValidator(50)],
        help_text=_("A stakeholder group with fewer contributions is shown merged with others."),
    )
    published_text = models.TextField(_("vision text"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("vision process")
        verbose_name_plural = _("vision processes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__gte=MIN_THRESHOLD), name="vision_threshold_at_least_3"
            ),
            models.CheckConstraint(condition=Q(points__gte=1), name="vision_points_positive"),
            models.CheckConstraint(
                condition=Q(phase__in=["collect", "cluster", "prioritise", "published"]),
                name="vision_phase_valid",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def next_phase(self):
        index = self.ORDER.index(self.phase)
        return self.ORDER[index + 1] if index + 1 < len(self.ORDER) else None

    @property
    def is_published(self) -> bool:
        return self.phase == self.Phase.PUBLISHED


class StakeholderGroup(models.Model):
    """Staff, pupils, parents, partners, … of one process, each with its own token link."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("staff")
        PUPILS = "pupils", _("pupils")
        PARENTS = "parents", _("parents")
        PARTNERS = "partners", _("partners")
        OTHER = "other", _("other stakeholders")

    process = models.ForeignKey(
        VisionProcess, on_delete=models.CASCADE, related_name="groups", verbose_name=_("process")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="vision_group_unique_name")
        ]

    def __str__(self):
        return self.name


class Theme(models.Model):
    process = models.ForeignKey(
        VisionProcess, on_delete=models.CASCADE, related_name="themes", verbose_name=_("process")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="vision_theme_unique_name")
        ]

    def __str__(self):
        return self.name


class Contribution(models.Model):
    """One text sent through a group's link. Deliberately no user, IP address, session or
    device: only the group and the time."""

    process = models.ForeignKey(
        VisionProcess,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("process"),
    )
    group = models.ForeignKey(
        StakeholderGroup,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("stakeholder group"),
    )
    text = models.TextField(_("contribution"), max_length=CONTRIBUTION_MAX_LENGTH)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("theme"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["pk"]
        indexes = [models.Index(fields=["process", "group"], name="vision_contribution_group_idx")]

    def __str__(self):
        return self.text[:60]


class PointAllocation(models.Model):
    """Points one participant of a group gave one theme. A participant's spread is several
    rows written together; nothing ties them to the participant."""

    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("theme")
    )
    group = models.ForeignKey(
        StakeholderGroup,
        on_delete=models.CASCADE,
        related_name="allocations",
        verbose_name=_("stakeholder group"),
    )
    points = models.PositiveSmallIntegerField(_("points"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("points for a theme")
        verbose_name_plural = _("points for themes")
        constraints = [
            models.CheckConstraint(condition=Q(points__gt=0), name="vision_allocation_positive")
        ]

    def __str__(self):
        return f"{self.theme}: {self.points}"
