"""Value stream maps of a school's processes: the steps in order with their actor, process and
waiting time, whether they add value, and the pain points found in them. A map is the current
way of working or a future one, based on the current map it improves."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import CreatedBy, author_field


class Unit(models.TextChoices):
    # "minutes" alone is a meeting's minutes elsewhere in Leerkring.
    MINUTES = "minutes", pgettext_lazy("time unit", "minutes")
    HOURS = "hours", pgettext_lazy("time unit", "hours")
    DAYS = "days", pgettext_lazy("time unit", "days")


class ValueStreamMap(CreatedBy):
    class Kind(models.TextChoices):
        CORE = "core", _("core process")
        SUPPORTING = "supporting", _("supporting process")
        POLICY = "policy", _("policy process")

    class Version(models.TextChoices):
        CURRENT = "current", _("current situation")
        FUTURE = "future", _("future situation")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="value_stream_maps",
        verbose_name=_("school"),
    )
    process = models.CharField(_("process"), max_length=150)
    kind = models.CharField(_("kind of process"), max_length=20, choices=Kind.choices)
    version = models.CharField(
        _("version"), max_length=20, choices=Version.choices, default=Version.CURRENT
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="futures",
        verbose_name=_("based on"),
    )

    class Meta:
        verbose_name = _("value stream map")
        verbose_name_plural = _("value stream maps")
        ordering = ["process", "pk"]
        constraints = [
            # Only a future map is based on another one.
            models.CheckConstraint(
                condition=Q(version="future") | Q(based_on__isnull=True),
                name="value_stream_map_only_future_is_based_on",
            ),
            # A current map has one future map at a time: "make a future map" opens it again.
            models.UniqueConstraint(
                fields=["based_on"],
                condition=Q(based_on__isnull=False),
                name="value_stream_map_one_future_per_current",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "process"], name="value_stream_map_list")]

    def __str__(self):
        return f"{self.process} ({self.get_version_display()})"


class Step(models.Model):
    """One step of a map. Times are stored in minutes (a day counts 24 hours, as a wait runs on
    over night); the unit it was entered in is kept for the edit form."""

    map = models.ForeignKey(
        ValueStreamMap, on_delete=models.CASCADE, related_name="steps", verbose_name=_("map")
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("step"), max_length=150)
    actor = models.CharField(_("who"), max_length=100, blank=True)
    process_minutes = models.PositiveIntegerField(_("process time (minutes)"), default=0)
    process_unit = models.CharField(
        _("unit of the process time"), max_length=10, choices=Unit.choices, default=Unit.MINUTES
    )
    waiting_minutes = models.PositiveIntegerField(_("waiting time (minutes)"), default=0)
    waiting_unit = models.CharField(
        _("unit of the waiting time"), max_length=10, choices=Unit.choices, default=Unit.DAYS
    )
    value_adding = models.BooleanField(_("adds value for the pupil or teacher"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["map", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(process_minutes__gte=0) & Q(waiting_minutes__gte=0),
                name="value_stream_step_times_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["map", "position"], name="value_stream_step_order")]

    def __str__(self):
        return self.name

    @property
    def lead_minutes(self) -> int:
        return self.process_minutes + self.waiting_minutes


class PainPoint(CreatedBy):
    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="pain_points", verbose_name=_("step")
    )
    description = models.CharField(_("pain point"), max_length=300)
    created_by = author_field(_("noted by"))

    class Meta:
        verbose_name = _("pain point")
        verbose_name_plural = _("pain points")
        ordering = ["step", "pk"]

    def __str__(self):
        return self.description

    @property
    def development_label(self) -> str:
        """How the development points inbox names this origin."""
        return f"{self.step.map.process}: {self.step.name}"
