"""Surveys sent in rounds, invitations and anonymous responses.

A Response never points at a person: it carries only its rater group and a pseudonymous key
(a keyed hash of the invitee's email and the survey) that links a rater's pre and post answers.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .instruments import InstrumentVersion, Item, OpenQuestion


class Survey(models.Model):
    """An instrument sent by a school, about a subject (a 360°) or school-wide. `version` is
    the version it was first sent with; each round keeps the version it was answered with."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("school"),
    )
    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("instrument"),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the invitations"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "For typed email addresses. Colleagues with an account get the mails in the "
            "language they chose."
        ),
    )
    subject = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys_about",
        verbose_name=_("subject"),
        help_text=_("The person being rated, for a 360°. Empty for a school-wide survey."),
    )
    shared_with = models.ManyToManyField(
        "organisations.Membership",
        blank=True,
        related_name="surveys_shared",
        verbose_name=_("report shared with"),
    )
    shared_with_providers = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="surveys_shared_with_us",
        limit_choices_to={"kind": "provider"},
        verbose_name=_("report shared with providers"),
        help_text=_("Their trainers may read the report, for example to coach the leader."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_360(self) -> bool:
        return self.subject_id is not None


class RaterGroup(models.Model):
    """Who rates: self, leadership colleagues, teachers… with its anonymity threshold."""

    class Kind(models.TextChoices):
        SELF = "self", _("self")
        SUPERIOR = "superior", _("own superior")
        LEADERSHIP = "leadership", _("leadership colleagues")
        TEACHERS = "teachers", _("teachers")
        SUPPORT = "support", _("support staff")
        STAFF = "staff", _("staff")
        PARENTS = "parents", _("parents")
        PUPILS = "pupils", _("pupils")
        PARTNERS = "partners", _("partners")
        PARTICIPANTS = "participants", _("participants")
        OTHERS = "others", _("others")

    # Only these groups may be reported with fewer than three answers: the subject themselves
    # and the one superior, whose answers are not anonymous by nature.
    SMALL_KINDS = ("self", "superior")
    MIN_THRESHOLD = 3

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="rater_groups", verbose_name=_("survey")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=3,
        help_text=_("A group with fewer answers is never shown on its own (at least 3)."),
    )

    class Meta:
        verbose_name = _("rater group")
        verbose_name_plural = _("rater groups")
        ordering = ["survey_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "kind"], name="rater_group_unique_kind"),
            models.CheckConstraint(
                condition=Q(threshold__gte=3)
                | (Q(kind__in=["self", "superior"]) & Q(threshold__gte=1)),
                name="rater_group_threshold_at_least_three",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()

    @property
    def is_small_kind(self) -> bool:
        return self.kind in self.SMALL_KINDS


class Round(models.Model):
    """One measurement of a survey; round 2 is the post-measurement of round 1."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("survey")
    )
    # The version of the survey's instrument this round is answered with: a post round may
    # use a newer version than the pre round (the report pairs only the unchanged items).
    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("instrument version"),
    )
    number = models.PositiveSmallIntegerField(_("round"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    closed = models.BooleanField(
        _("closed early"), default=False, help_text=_("Closed by hand before the close date.")
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The development points sent from this round's report go when the round goes.
    development_points = GenericRelation(
        "development.DevelopmentPoint", related_query_name="survey_round"
    )

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["survey_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="round_unique_number"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_opening"
            ),
        ]

    def __str__(self):
        return f"{self.survey} #{self.number}"

    def save(self, *args, **kwargs):
        if self.version_id is None and self.survey_id is not None:
            self.version_id = self.survey.version_id
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return _("pre-measurement") if self.number == 1 else _("post-measurement")

    @property
    def development_label(self) -> str:
        """How a development point names the round it came from."""
        return f"{self.survey.title} ({self.label})"

    @property
    def last_day(self):
        """The day answering stopped: the day it was closed by hand, else the planned day."""
        if self.closed and self.closed_on:
            return min(self.closed_on, self.closes_on)
        return self.closes_on

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return not self.closed and self.opens_on <= today <= self.closes_on

    def is_finished(self, today=None) -> bool:
        """Results are only reported once no answer can change any more: a report that
        grew answer by answer would let two views be subtracted."""
        today = today or timezone.localdate()
        return self.closed or today > self.closes_on


class Invitation(models.Model):
    """A personal token link for one invitee in one round. Progress lives here; the answers
    live on a Response that has no link back to this row."""

    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        STARTED = "started", _("started")
        COMPLETED = "completed", _("completed")

    # No index of its own: invitation_one_per_email (round, email) serves lookups by round.
    round = models.ForeignKey(
        Round,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("round"),
        db_index=False,
    )
    rater_group = models.ForeignKey(
        RaterGroup,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("rater group"),
    )
    email = models.EmailField(_("email address"))
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    # The language the mail was written in: the answer page opens in it.
    language = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["round_id", "rater_group__position", "email"]
        constraints = [
            models.UniqueConstraint(fields=["round", "email"], name="invitation_one_per_email"),
        ]

    def __str__(self):
        return self.email


class Response(models.Model):
    """One rater's answers in one round. Deliberately no link to a person or invitation."""

    class Status(models.TextChoices):
        STARTED = "started", _("started")
        SUBMITTED = "submitted", _("submitted")

    # No index of its own: response_one_per_rater (round, pseudonym) serves lookups by round.
    round = models.ForeignKey(
        Round,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("round"),
        db_index=False,
    )
    rater_group = models.ForeignKey(
        RaterGroup, on_delete=models.CASCADE, related_name="responses", verbose_name=_("group")
    )
    pseudonym = models.CharField(_("pseudonymous key"), max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.STARTED
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    # A date only: a timestamp would let someone match responses to invitation mails.
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["round", "pseudonym"], name="response_one_per_rater"),
        ]
        indexes = [models.Index(fields=["round", "status"], name="response_round_status_idx")]

    def __str__(self):
        return f"{self.round} · {self.rater_group}"


class Answer(models.Model):
    # The most written table (a submit inserts one row per item): no index of its own on
    # response, since answer_one_per_item (response, item) serves lookups by response.
    response = models.ForeignKey(
        Response,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("response"),
        db_index=False,
    )
    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="answers", verbose_name=_("item")
    )
    value = models.SmallIntegerField(_("value"), null=True, blank=True)  # null: "I don't know"
    score = models.FloatField(_("score"), null=True, blank=True)  # value, reversed if needed

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="answer_one_per_item"),
        ]

    def __str__(self):
        return f"{self.item}: {self.value}"


class Comment(models.Model):
    """An answer to an open question."""

    # Lookups by response use comment_one_per_question (response, question).
    response = models.ForeignKey(
        Response,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("response"),
        db_index=False,
    )
    question = models.ForeignKey(
        OpenQuestion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("question")
    )
    text = models.TextField(_("text"), max_length=4000)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="comment_one_per_question"
            ),
        ]

    def __str__(self):
        return self.text[:40]


class OpenLink(models.Model):
    """One shared link through which anyone answers for a stakeholder group in one round
    (parents, pupils, partners without an account). Renewing closes the link and makes a new
    one; a closed link stays as a row so that its address says it was closed. The responses
    it collects carry only their rater group, as those of personal links."""

    KINDS = ("parents", "pupils", "partners", "others")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="open_links", verbose_name=_("round")
    )
    rater_group = models.ForeignKey(
        RaterGroup,
        on_delete=models.CASCADE,
        related_name="open_links",
        verbose_name=_("stakeholder group"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("open link")
        verbose_name_plural = _("open links")
        ordering = ["round_id", "rater_group__position", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "rater_group"],
                condition=Q(active=True),
                name="open_link_one_active_per_group",
            ),
            models.CheckConstraint(
                condition=Q(active=True) | Q(closed_at__isnull=False),
                name="open_link_closed_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.round} · {self.rater_group}"


class RoundSummary(models.Model):
    """What a finished round's report publishes, in brief, for figures across many surveys
    (a learning group's combined 360° profile): the total of each dimension and the
    development points the report offers. Written when the round closes (summaries.py),
    never on a view; it holds nothing the report itself does not show."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="summary", verbose_name=_("round")
    )
    # [[code, title_nl, title_en, mean or None], …] in the report's order.
    totals = models.JSONField(_("dimension totals"), default=list)
    # [[source, code], …]: the development points the report offers.
    points = models.JSONField(_("development points offered"), default=list)
    written_at = models.DateTimeField(_("written at"), auto_now=True)

    class Meta:
        verbose_name = _("round summary")
        verbose_name_plural = _("round summaries")

    def __str__(self):
        return f"{self.round}"
