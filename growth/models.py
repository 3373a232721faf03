"""A person's own growth: the private learning journal, the agreements of an appraisal
conversation with their progress notes, and the school's yearly professionalisation plan."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Changed, Created, created_at_field
from organisations.models import Membership


class JournalEntry(Created, Changed):
    """One entry of a person's learning journal. Private unless its author shares it with one
    coach, a learning group or a PLG they are in; read only through `growth.selectors`."""

    class Sharing(models.TextChoices):
        PRIVATE = "private", _("only me")
        COACH = "coach", _("shared with a coach")
        GROUP = "group", _("shared with a learning group")
        PLG = "plg", _("shared with a PLG")

    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="journal_entries",
        verbose_name=_("author"),
    )
    date = models.DateField(_("date"))
    what_happened = models.TextField(_("what happened"))
    what_i_learned = models.TextField(_("what I learned"), blank=True)
    what_i_will_try = models.TextField(_("what I will try"), blank=True)
    sharing = models.CharField(
        _("who may read this"), max_length=10, choices=Sharing.choices, default=Sharing.PRIVATE
    )
    coach = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coach"),
    )
    learning_group = models.ForeignKey(
        "networks.LearningGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("learning group"),
    )
    plg = models.ForeignKey(
        "communities.PLG",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("PLG"),
    )

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["membership", "-date"], name="journal_entry_author_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(sharing__in=["private", "coach", "group", "plg"]),
                name="journal_entry_sharing_valid",
            ),
        ]
        # No constraint ties `sharing` to its reader: when a coach leaves, SET_NULL empties the
        # reader and the entry is then read by nobody but its author, as a private one.

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"

    @property
    def is_private(self) -> bool:
        return self.sharing == self.Sharing.PRIVATE

    @property
    def shared_with(self):
        """The coach, learning group or PLG the entry is shared with, or None."""
        return {
            self.Sharing.COACH: self.coach,
            self.Sharing.GROUP: self.learning_group,
            self.Sharing.PLG: self.plg,
        }.get(self.sharing)


class DevelopmentAgreement(Created, Changed):
    """An agreement made in an appraisal conversation (functioneringsgesprek): a goal, the
    support the school gives and by when. Read by the person and the leader who made it only."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("agreed")
        ON_TRACK = "on_track", _("under way")
        ACHIEVED = "achieved", _("achieved")
        DROPPED = "dropped", _("dropped")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_agreements",
        verbose_name=_("school"),
    )
    person = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="development_agreements",
        verbose_name=_("person"),
    )
    # When the leader's account is removed the agreement stays with its person, who is then
    # its only reader.
    leader = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        related_name="agreements_made",
        verbose_name=_("leader"),
    )
    conversation_on = models.DateField(_("date of the appraisal conversation"))
    goal = models.TextField(_("goal"))
    support = models.TextField(_("support"), blank=True, help_text=_("What the school offers."))
    due_on = models.DateField(_("by when"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AGREED
    )

    class Meta:
        verbose_name = _("development agreement")
        verbose_name_plural = _("development agreements")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["agreed", "on_track", "achieved", "dropped"]),
                name="development_agreement_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(person=models.F("leader")),
                name="development_agreement_not_with_oneself",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "due_on"], name="agreement_person_idx"),
            models.Index(fields=["leader", "due_on"], name="agreement_leader_idx"),
        ]

    def __str__(self):
        return self.goal[:60]


class ProgressNote(Created):
    """What the person writes about their progress on an agreement."""

    agreement = models.ForeignKey(
        DevelopmentAgreement,
        on_delete=models.CASCADE,
        related_name="progress_notes",
        verbose_name=_("agreement"),
    )
    text = models.TextField(_("progress"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = created_at_field(_("written at"))

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


def school_year_of(day) -> str:
    """The school year a day falls in, as "2026-2027": a Flemish school year starts on
    1 September."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


class ProfessionalisationPlan(Created, Changed):
    """A school's professionalisation plan for one school year."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="professionalisation_plans",
        verbose_name=_("school"),
    )
    school_year = models.CharField(
        _("school year"),
        max_length=9,
        validators=[RegexValidator(r"^\d{4}-\d{4}$", _("Write the school year as 2026-2027."))],
        help_text=_("For example: 2026-2027."),
    )
    focus = models.TextField(
        _("focus"), blank=True, help_text=_("What the school wants to grow in this year.")
    )

    class Meta:
        verbose_name = _("professionalisation plan")
        verbose_name_plural = _("professionalisation plans")
        ordering = ["-school_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "school_year"],
                name="professionalisation_plan_one_per_year",
                violation_error_message=_("This school already has a plan for that school year."),
            ),
        ]

    def __str__(self):
        return self.school_year


class Need(Created):
    """A need for professional development in a plan, with where it came from."""

    class Dimension(models.TextChoices):
        INDIVIDUAL = "individual", _("individual")
        TEAM = "team", _("team")
        SCHOOL = "school", _("school organisation")

    class Source(models.TextChoices):
        COMPETENCE_GAP = "competence_gap", _("competence gap")
        DEVELOPMENT_POINT = "development_point", _("development point")
        APPRAISAL = "appraisal", _("appraisal agreement")
        OTHER = "other", _("other")

    plan = models.ForeignKey(
        ProfessionalisationPlan,
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("plan"),
    )
    dimension = models.CharField(_("dimension"), max_length=12, choices=Dimension.choices)
    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="professionalisation_needs",
        verbose_name=_("team"),
    )
    person = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="professionalisation_needs",
        verbose_name=_("person"),
    )
    description = models.TextField(_("need"))
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.OTHER
    )
    # Where the need came from (a competence gap, a development point, an agreement), when
    # the app that found it made the need.
    source_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    origin = GenericForeignKey("source_type", "source_id")

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["dimension", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__in=["individual", "team", "school"]),
                name="need_dimension_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    source__in=["competence_gap", "development_point", "appraisal", "other"]
                ),
                name="need_source_valid",
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="need_origin_complete",
            ),
        ]
        indexes = [models.Index(fields=["plan", "dimension"], name="need_plan_dimension_idx")]

    def __str__(self):
        return self.description[:60]


class Response(Created, Changed):
    """What the school does about a need, with its budget, hours and status in the year."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course from the catalogue")
        PLG = "plg", _("PLG")
        COACHING = "coaching", _("coaching")
        VISIT = "visit", _("visit")
        READING = "reading", _("reading")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="responses", verbose_name=_("need")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    edition = models.ForeignKey(
        "networks.Edition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("An edition from the course catalogue."),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    budget = models.DecimalField(
        _("budget (euro)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, default=0, validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["course", "plg", "coaching", "visit", "reading", "other"]),
                name="response_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "running", "done", "cancelled"]),
                name="response_status_valid",
            ),
            models.CheckConstraint(condition=Q(budget__gte=0), name="response_budget_not_negative"),
            models.CheckConstraint(condition=Q(hours__gte=0), name="response_hours_not_negative"),
        ]

    def __str__(self):
        return self.description or self.get_kind_display()
