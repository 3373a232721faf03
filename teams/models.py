"""A team's charter (who it is there for, its mission with its history, roles, rhythm) and the
school's decision matrix: who decides what — a team, the school leadership, or both."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Team, TeamMembership


class Owner(models.TextChoices):
    """Who decides. An empty owner means nobody has said yet."""

    TEAM = "team", _("the team")
    LEADERSHIP = "leadership", _("school leadership")
    TOGETHER = "together", _("together")


# The owners that mean a decision has moved to the teams (alone or shared).
MOVED_OWNERS = (Owner.TEAM, Owner.TOGETHER)


class Charter(models.Model):
    """What a team says about itself. The mission lives on the team (organisations.Team);
    its earlier texts are kept as MissionVersions."""

    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, related_name="charter", verbose_name=_("team")
    )
    pupils = models.TextField(
        _("pupils the team is there for"),
        blank=True,
        help_text=_("For example: first grade, classes 1A–1C."),
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        blank=True,
        help_text=_("For example: every other Tuesday, 15:30–16:30."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("team charter")
        verbose_name_plural = _("team charters")

    def __str__(self):
        return str(self.team)


class MissionVersion(models.Model):
    """One text of a team's mission as it was saved: the charter shows them newest first."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="mission_versions", verbose_name=_("team")
    )
    text = models.TextField(_("mission"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        verbose_name = _("mission version")
        verbose_name_plural = _("mission versions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["team", "-created_at"], name="mission_version_team_idx")]

    def __str__(self):
        return f"{self.team} ({self.created_at:%Y-%m-%d})"


class TeamRole(models.Model):
    """A member's role in the team, in the team's own words (e.g. "pupil care contact")."""

    team_membership = models.OneToOneField(
        TeamMembership, on_delete=models.CASCADE, related_name="team_role", verbose_name=_("member")
    )
    role = models.CharField(_("role in the team"), max_length=120)

    class Meta:
        verbose_name = _("role in the team")
        verbose_name_plural = _("roles in the team")

    def __str__(self):
        return self.role


class Decision(models.Model):
    """A row of the school's decision matrix: a task or decision, grouped by theme, with the
    school's default owner. Teams that differ have a TeamDecision."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("school")
    )
    theme = models.CharField(_("theme"), max_length=120)
    name = models.CharField(_("task or decision"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)
    owner = models.CharField(
        _("who decides"), max_length=20, choices=Owner.choices, blank=True, default=""
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    moved_on = models.DateField(_("moved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["theme", "position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="decision_unique_name"),
            models.CheckConstraint(
                condition=Q(owner__in=["", "team", "leadership", "together"]),
                name="decision_owner_valid",
            ),
        ]

    def __str__(self):
        return self.name


class TeamDecision(models.Model):
    """Who decides a row for one team, where that team differs from the school's default."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="team_owners", verbose_name=_("decision")
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("team")
    )
    owner = models.CharField(_("who decides"), max_length=20, choices=Owner.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    moved_on = models.DateField(_("moved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("team's owner of a decision")
        verbose_name_plural = _("teams' owners of decisions")
        constraints = [
            models.UniqueConstraint(fields=["decision", "team"], name="team_decision_unique"),
            models.CheckConstraint(
                condition=Q(owner__in=["team", "leadership", "together"]),
                name="team_decision_owner_valid",
            ),
        ]

    def __str__(self):
        return f"{self.decision} / {self.team}"


# Team goals ------------------------------------------------------------------------------------


class TeamGoal(models.Model):
    """Something a team wants to achieve, with an indicator: where it started (the baseline)
    and where it wants to be (the target). Its GoalMeasurements show how it goes."""

    class Kind(models.TextChoices):
        NUMBER = "number", _("number")
        PERCENTAGE = "percentage", _("percentage")
        SCALE = "scale", _("scale")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="goals", verbose_name=_("team")
    )
    title = models.CharField(_("goal"), max_length=200)
    kind = models.CharField(
        _("kind of indicator"), max_length=20, choices=Kind.choices, default=Kind.NUMBER
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest point of the scale"),
        null=True,
        blank=True,
        help_text=_("Only for a scale, which runs from 1 to this point, e.g. 5 or 10."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=40,
        blank=True,
        help_text=_("For example: pupils, reports, points."),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
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
        verbose_name = _("team goal")
        verbose_name_plural = _("team goals")
        ordering = ["team", "deadline", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(target=models.F("baseline")), name="team_goal_target_not_baseline"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["number", "percentage", "scale"]), name="team_goal_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=["higher", "lower"]), name="team_goal_direction_valid"
            ),
            models.CheckConstraint(
                condition=(Q(kind="scale") & Q(scale_max__gte=2))
                | (~Q(kind="scale") & Q(scale_max__isnull=True)),
                name="team_goal_scale_max_for_scales",
            ),
        ]

    def __str__(self):
        return self.title


class GoalMeasurement(models.Model):
    """One value of a goal's indicator, on a date."""

    goal = models.ForeignKey(
        TeamGoal, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("goal")
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["goal", "date", "pk"]
        indexes = [
            models.Index(fields=["goal", "-date", "-id"], name="goal_measurement_latest_idx")
        ]

    def __str__(self):
        return f"{self.goal}: {self.value} ({self.date:%Y-%m-%d})"


# Appreciation ----------------------------------------------------------------------------------


class Appreciation(models.Model):
    """A note of appreciation a colleague leaves for a team or for a person (a membership) of
    the same school. The author chooses who may read it: the whole school, or only the team
    (its members) or the person; the author always sees their own notes."""

    class Visibility(models.TextChoices):
        SCHOOL = "school", _("the whole school")
        RECIPIENT = "recipient", _("only the team or the person")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="appreciations",
        verbose_name=_("school"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appreciations",
        verbose_name=_("for the team"),
    )
    membership = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appreciations_received",
        verbose_name=_("for the person"),
    )
    text = models.TextField(_("note"), max_length=1000)
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SCHOOL,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="appreciations_written",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appreciation note")
        verbose_name_plural = _("appreciation notes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=False, membership__isnull=True)
                | Q(team__isnull=True, membership__isnull=False),
                name="appreciation_for_a_team_or_a_person",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["school", "recipient"]),
                name="appreciation_visibility_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "-created_at"], name="appreciation_team_idx"),
            models.Index(fields=["membership", "-created_at"], name="appreciation_person_idx"),
        ]

    def __str__(self):
        return f"{self.author} → {self.team or self.membership}"
