from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisations.models import Membership, Organisation


class Programme(models.Model):
    """A course or trajectory in a provider's catalogue; it runs in one or more editions."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        TRAJECTORY = "trajectory", _("trajectory")
        NETWORK = "network", _("learning network")

    class Audience(models.TextChoices):
        LEADERS = "leaders", _("school leaders")
        MIDDLE = "middle", _("middle management")
        TEACHERS = "teachers", _("teachers")
        COACHES = "coaches", _("team and process coaches")
        SCHOOLS = "schools", _("whole schools")

    provider = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="programmes",
        verbose_name=_("provider"),
    )
    code = models.CharField(_("course code"), max_length=30)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.LEADERS
    )
    theme = models.CharField(
        _("theme"), max_length=100, blank=True, help_text=_("For example: shared leadership.")
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    programme_text = models.TextField(_("programme"), blank=True)
    instruments = models.TextField(
        _("instruments"),
        blank=True,
        help_text=_("Links to the instruments this programme uses, one per line."),
    )
    trainer = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("trainer"),
    )
    fee = models.DecimalField(_("fee (euro)"), max_digits=8, decimal_places=2, default=0)
    selection = models.BooleanField(
        _("applications are reviewed"),
        default=False,
        help_text=_(
            "On: the provider accepts, waitlists or refuses each application. "
            "Off: applications are accepted in order while there are places."
        ),
    )
    is_published = models.BooleanField(_("in the public catalogue"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "code"], name="programme_unique_code"),
            models.CheckConstraint(condition=Q(fee__gte=0), name="programme_fee_not_negative"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Question(models.Model):
    """One question of a programme's application form, composed by the provider."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        CHOICE = "choice", _("choice")
        YES_NO = "yesno", _("yes or no")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="questions", verbose_name=_("programme")
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Edition(models.Model):
    """One run of a programme: its dates, place, capacity and registration deadline.

    The capacity counts places (one per person) or group places (one per application, however
    many people of one school it brings); free places, "full", the waiting list and offers of
    freed places all count in that unit (`units`).
    """

    class CapacityUnit(models.TextChoices):
        PLACES = "places", _("places (one per person)")
        GROUPS = "groups", _("group places (one per group application)")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="editions", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("For example: 2026–2028."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"))
    capacity_unit = models.CharField(
        _("capacity counted in"),
        max_length=10,
        choices=CapacityUnit.choices,
        default=CapacityUnit.PLACES,
        help_text=_(
            "Group places: a group application from one school takes one place, "
            "however many people it brings."
        ),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    offer_days = models.PositiveSmallIntegerField(_("days to answer an offered place"), default=5)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="edition_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="edition_capacity_positive"),
            models.CheckConstraint(condition=Q(offer_days__gte=1), name="edition_offer_days_min"),
        ]

    def __str__(self):
        return f"{self.programme.title} ({self.name})"

    @property
    def counts_groups(self) -> bool:
        return self.capacity_unit == self.CapacityUnit.GROUPS

    def units(self, size: int) -> int:
        """The places an application of `size` people takes, in the edition's unit."""
        return 1 if self.counts_groups else size

    @property
    def capacity_text(self) -> str:
        """The capacity with its unit: "24 places", "7 group places"."""
        n = self.capacity
        if self.counts_groups:
            return ngettext("%(n)d group place", "%(n)d group places", n) % {"n": n}
        return ngettext("%(n)d place", "%(n)d places", n) % {"n": n}

    def places_left_text(self, free: int) -> str:
        """The free places with their unit: "3 places left", "1 group place left"."""
        if self.counts_groups:
            return ngettext("%(n)d group place left", "%(n)d group places left", free) % {"n": free}
        return ngettext("%(n)d place left", "%(n)d places left", free) % {"n": free}

    @property
    def registration_open(self) -> bool:
        return timezone.now() <= self.registration_deadline

    @property
    def place(self) -> str:
        """Where the edition takes place, in one line: "online", or location, city (room)."""
        if self.is_online:
            return str(_("online"))
        place = ", ".join(p for p in (self.location, self.city) if p)
        return f"{place} ({self.room})" if place and self.room else place or self.room


class DeadlineChange(models.Model):
    """A record of each change of an edition's registration deadline."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="deadline_changes",
        verbose_name=_("edition"),
    )
    previous = models.DateTimeField(_("previous deadline"))
    new = models.DateTimeField(_("new deadline"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline change")
        verbose_name_plural = _("deadline changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.previous:%Y-%m-%d} → {self.new:%Y-%m-%d}"


class Session(models.Model):
    """A dated meeting of an edition: for everyone, or for one learning group."""

    class Kind(models.TextChoices):
        INTAKE = "intake", _("intake conversation")
        SEMINAR = "seminar", _("residential start seminar")
        TRAINING = "training", _("training day")
        GROUP = "group", _("group session")
        NETWORK = "network", _("network moment")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    group = models.ForeignKey(
        "networks.LearningGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("learning group"),
        help_text=_("Empty: the session is for all participants."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for sessions of several days.")
    )
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("The link to join an online session; it is the session's place."),
    )
    programme = models.TextField(_("programme"), blank=True)
    materials = models.TextField(_("materials"), blank=True)
    # The session's evaluation survey, owned by the provider and answered by those present.
    evaluation = models.OneToOneField(
        "surveys.Survey",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_session",
        verbose_name=_("evaluation"),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="session_end_date_after_start",
            ),
        ]
        indexes = [models.Index(fields=["edition", "date"], name="session_edition_date")]

    def __str__(self):
        return f"{self.title} ({self.date:%d-%m-%Y})"

    @property
    def is_online(self) -> bool:
        return bool(self.online_link) or self.edition.is_online

    @property
    def place(self) -> str:
        """Where the session is: for an online one its link (or "online"), not a room."""
        if self.is_online:
            return self.online_link or str(_("online"))
        return ", ".join(p for p in (self.location, self.room) if p)
