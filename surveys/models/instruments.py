"""Instruments: versioned questionnaires, shipped as surveys/instruments/*.yaml or composed in
the browser by a school, a school community, a provider or a team (see surveys/builder.py)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def pick(nl: str, en: str) -> str:
    """The text in the active language, falling back to Dutch."""
    return en if (get_language() or "").startswith("en") and en else nl


class Instrument(models.Model):
    """A questionnaire, identified by its code across versions."""

    class Kind(models.TextChoices):
        FEEDBACK_360 = "360", _("360° feedback")
        DIALOGUE = "dialogue", _("responsibilities dialogue")
        SCAN = "scan", _("scan")
        PULSE = "pulse", _("team pulse")
        EVALUATION = "evaluation", _("session evaluation")
        SELF = "self", _("self-assessment")

    class Sharing(models.TextChoices):
        NONE = "none", _("not shared")
        COMMUNITY = "community", _("the school community")
        NETWORK = "network", _("the provider's network")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Empty: shipped with Leerkring. Else the school, community or provider that composed it,
    # and for a team's own instrument also that team (of the owner school).
    owner = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("owner"),
    )
    team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("team"),
    )
    shared_with = models.CharField(
        _("shared with"), max_length=20, choices=Sharing.choices, default=Sharing.NONE
    )
    copied_from = models.ForeignKey(
        "InstrumentVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=True) | Q(owner__isnull=False),
                name="instrument_team_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | Q(shared_with="none"),
                name="instrument_shipped_not_shared",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_shipped(self) -> bool:
        return self.owner_id is None


class InstrumentVersion(models.Model):
    """One loaded version of an instrument file. Surveys keep the version they were sent with."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="versions", verbose_name=_("instrument")
    )
    number = models.PositiveIntegerField(_("version"))
    checksum = models.CharField(_("checksum"), max_length=64)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    intro_nl = models.TextField(_("introduction (Dutch)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    # The introduction the subject of a 360° reads; empty: they read `intro` too.
    self_intro_nl = models.TextField(_("introduction for the subject (Dutch)"), blank=True)
    self_intro_en = models.TextField(_("introduction for the subject (English)"), blank=True)
    rater_groups = models.JSONField(_("default rater groups"), default=list)
    # Which functions (words in a membership's function) belong to which rater group, so
    # inviting the whole staff puts each person in their own group.
    group_functions = models.JSONField(_("rater groups by function"), default=dict, blank=True)
    source_file = models.CharField(_("source file"), max_length=200)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument__code", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["instrument", "checksum"], name="instrument_version_unique_checksum"
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    @property
    def title(self) -> str:
        return pick(self.title_nl, self.title_en)

    @property
    def intro(self) -> str:
        return pick(self.intro_nl, self.intro_en)

    def intro_for(self, group_kind: str) -> str:
        """The introduction as a rater of this group reads it (see Question.text_for)."""
        if group_kind == "self" and self.self_intro_nl:
            return pick(self.self_intro_nl, self.self_intro_en)
        return self.intro


class Scale(models.Model):
    """An answer scale of one instrument version, e.g. 1–5 from "not at all" to "fully"."""

    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.CASCADE,
        related_name="scales",
        verbose_name=_("version"),
    )
    code = models.SlugField(_("code"), max_length=40)
    minimum = models.SmallIntegerField(_("lowest value"))
    maximum = models.SmallIntegerField(_("highest value"))
    labels = models.JSONField(_("labels"), default=dict)  # {"1": {"nl": ..., "en": ...}}
    allow_unknown = models.BooleanField(_("allows “I don't know”"), default=False)
    question_nl = models.CharField(_("question (Dutch)"), max_length=200, blank=True)
    question_en = models.CharField(_("question (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("scale")
        verbose_name_plural = _("scales")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="scale_unique_code"),
            models.CheckConstraint(
                condition=Q(maximum__gt=models.F("minimum")), name="scale_max_above_min"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def question(self) -> str:
        return pick(self.question_nl, self.question_en)

    def points(self) -> list[tuple[int, str]]:
        lang = "en" if (get_language() or "").startswith("en") else "nl"
        result = []
        for value in range(self.minimum, self.maximum + 1):
            label = self.labels.get(str(value), {})
            result.append((value, label.get(lang) or label.get("nl") or str(value)))
        return result


class Dimension(models.Model):
    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.CASCADE,
        related_name="dimensions",
        verbose_name=_("version"),
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"))
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="dimension_unique_code"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return pick(self.title_nl, self.title_en)


class Question(models.Model):
    """What a respondent is asked in an instrument version, in Dutch and English, and which
    rater groups are asked it."""

    code = models.CharField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"))
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    # The text as the subject of a 360° reads it about themselves ("I …" where the others
    # read "The school leader …"); empty: the subject reads `text` too.
    self_text_nl = models.TextField(_("text for the subject (Dutch)"), blank=True, default="")
    self_text_en = models.TextField(_("text for the subject (English)"), blank=True, default="")
    audience = models.JSONField(_("who answers it"), default=list, blank=True)

    class Meta:
        abstract = True
        ordering = ["version", "position"]

    def __str__(self):
        return self.code

    @property
    def text(self) -> str:
        return pick(self.text_nl, self.text_en)

    def text_for(self, group_kind: str) -> str:
        """The text as a rater of this group reads it: the subject in the first person
        when the instrument gives that wording."""
        if group_kind == "self" and self.self_text_nl:
            return pick(self.self_text_nl, self.self_text_en)
        return self.text

    def is_for(self, group_kind: str) -> bool:
        """Whether raters of this group kind answer it; an empty audience means every group."""
        return not self.audience or group_kind in self.audience


class Item(Question):
    """A rated statement. One statement can be asked on several scales (the dialogue asks
    "who takes this on" and "how well does it happen"); each is its own item sharing
    `statement`."""

    class Aspect(models.TextChoices):
        QUALITY = "quality", _("how well it happens")
        IMPORTANCE = "importance", _("how important it is now")
        SHARED = "shared", _("how much others take it on")
        OWNER = "owner", _("who takes it on")

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("version")
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="items", verbose_name=_("dimension")
    )
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="items", verbose_name=_("scale")
    )
    statement = models.CharField(_("statement code"), max_length=40)
    aspect = models.CharField(
        _("aspect"), max_length=20, choices=Aspect.choices, default=Aspect.QUALITY
    )
    reverse = models.BooleanField(_("reverse-scored"), default=False)
    required = models.BooleanField(_("required"), default=True)
    # The shared field, with the help text items were first created with.
    audience = models.JSONField(
        _("who answers it"), default=list, blank=True, help_text=_("Empty: every rater group.")
    )

    class Meta(Question.Meta):
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="item_unique_code"),
        ]


class OpenQuestion(Question):
    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.CASCADE,
        related_name="open_questions",
        verbose_name=_("version"),
    )

    class Meta(Question.Meta):
        verbose_name = _("open question")
        verbose_name_plural = _("open questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="open_question_unique_code"),
        ]
