"""Competence frameworks (key competences with four levels in words), people's ratings with
their history, and the coverage rules that say when a team holds a competence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation, Team

LEVELS = (1, 2, 3, 4)
# A level readable without colour: as many filled dots as the level.
LEVEL_DOTS = {level: "●" * level + "○" * (4 - level) for level in LEVELS}


class Framework(models.Model):
    """A set of key competences, kept by a school or by its school community (then every
    school of the community may use it)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="competence_frameworks",
        verbose_name=_("school or school community"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="competence_framework_unique_name"
            ),
        ]

    def __str__(self):
        return self.name


class Competence(models.Model):
    """A key competence of a framework, with what each of its four levels looks like."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="competences",
        verbose_name=_("framework"),
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    level_1 = models.TextField(_("level 1"))
    level_2 = models.TextField(_("level 2"))
    level_3 = models.TextField(_("level 3"))
    level_4 = models.TextField(_("level 4"))

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["order", "code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="competence_unique_code"),
        ]

    def __str__(self):
        return self.name

    @property
    def levels(self) -> list[tuple[int, str]]:
        return [(level, getattr(self, f"level_{level}")) for level in LEVELS]

    @property
    def level_rows(self) -> list[tuple[int, str, str]]:
        """(level, its dots, its text) for the pages."""
        return [(level, LEVEL_DOTS[level], text) for level, text in self.levels]


class Rating(models.Model):
    """One rating of one person on one competence. Ratings are never changed: a new rating
    of the same kind becomes the current one (`is_current`), the earlier ones are history."""

    class Kind(models.TextChoices):
        SELF = "self", _("self-rating")
        VIEW = "view", _("view of the leader or coach")
        AGREED = "agreed", _("agreed level")

    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="competence_ratings",
        verbose_name=_("person"),
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("competence")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    rated_on = models.DateField(_("date"), default=timezone.localdate)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rated by"),
    )
    is_current = models.BooleanField(_("current"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="competence_rating_level_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["self", "view", "agreed"]),
                name="competence_rating_kind_valid",
            ),
            # The latest rating of each kind is the current one; the others are history.
            models.UniqueConstraint(
                fields=["membership", "competence", "kind"],
                condition=Q(is_current=True),
                name="competence_rating_one_current",
            ),
        ]
        indexes = [
            models.Index(fields=["competence", "kind", "is_current"], name="rating_current_idx"),
            models.Index(fields=["membership", "-created_at"], name="rating_history_idx"),
        ]

    def __str__(self):
        return f"{self.membership} / {self.competence}: {self.level}"

    @property
    def dots(self) -> str:
        return LEVEL_DOTS.get(self.level, "")


class CoverageRule(models.Model):
    """When a team holds a competence: at least `min_people` members at `min_level` or higher.
    A school has one default rule (no team, no competence); a team may differ for a
    competence."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="coverage_rules",
        verbose_name=_("school"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coverage_rules",
        verbose_name=_("team"),
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coverage_rules",
        verbose_name=_("competence"),
    )
    min_people = models.PositiveSmallIntegerField(_("at least this many people"), default=2)
    min_level = models.PositiveSmallIntegerField(_("at this level or higher"), default=3)

    class Meta:
        verbose_name = _("coverage rule")
        verbose_name_plural = _("coverage rules")
        constraints = [
            models.CheckConstraint(condition=Q(min_people__gte=1), name="coverage_rule_people"),
            models.CheckConstraint(
                condition=Q(min_level__gte=1, min_level__lte=4), name="coverage_rule_level"
            ),
            models.CheckConstraint(
                condition=Q(team__isnull=True, competence__isnull=True)
                | Q(team__isnull=False, competence__isnull=False),
                name="coverage_rule_default_or_override",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(team__isnull=True),
                name="coverage_rule_one_default",
            ),
            models.UniqueConstraint(
                fields=["team", "competence"], name="coverage_rule_one_per_team_competence"
            ),
        ]

    def __str__(self):
        return f"≥ {self.min_people} × {self.min_level}"
