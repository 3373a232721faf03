from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A tenant: a provider, a school community or a school. Every record belongs to one."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("provider")
        COMMUNITY = "community", _("school community")
        SCHOOL = "school", _("school")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("school community"),
        help_text=_("The school community a school belongs to."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    institution_number = models.CharField(
        _("institution number"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(r"^[0-9]+$", _("An institution number consists of digits only."))
        ],
        help_text=_("The number the education department gave the school."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["provider", "community", "school"]),
                name="organisation_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind="school"),
                name="organisation_only_schools_have_parent",
            ),
            models.UniqueConstraint(
                fields=["institution_number"],
                condition=~Q(institution_number=""),
                name="organisation_unique_institution_number",
                violation_error_message=_("A school with this institution number already exists."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind == self.Kind.SCHOOL

    @property
    def is_provider(self) -> bool:
        return self.kind == self.Kind.PROVIDER


class Membership(models.Model):
    """A person's place in one organisation, with their role there."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("administrator")
        LEADER = "leader", _("school leader")
        COACH = "coach", _("coach")
        STAFF = "staff", _("staff member")
        TRAINER = "trainer", _("trainer")

    MANAGING_ROLES = (Role.ADMIN, Role.LEADER)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    function = models.CharField(
        _("function"), max_length=100, blank=True, help_text=_("For example: teacher, pupil care.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="membership_one_per_person_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"

    @property
    def can_manage(self) -> bool:
        return self.is_active and self.role in self.MANAGING_ROLES


class Team(models.Model):
    """A (self-steering) team of a school, organised around a group of children."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams", verbose_name=_("school")
    )
    name = models.CharField(_("name"), max_length=120)
    mission = models.TextField(
        _("child-oriented mission"),
        blank=True,
        help_text=_("Which children this team is there for, and what it wants for them."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name"),
        ]

    def __str__(self):
        return self.name


class TeamMembership(models.Model):
    """A person in a team. Exactly one of a person's teams per school is their home team."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="team_memberships", verbose_name=_("team")
    )
    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="team_memberships",
        verbose_name=_("person"),
    )
    is_home = models.BooleanField(_("home team"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "membership"], name="team_membership_unique_person"
            ),
            # A membership belongs to one school, so this means: one home team per school.
            models.UniqueConstraint(
                fields=["membership"],
                condition=Q(is_home=True),
                name="team_membership_one_home_team",
            ),
        ]

    def __str__(self):
        return f"{self.membership.user} in {self.team}"


class StaffImport(models.Model):
    """One upload of a staff list: what was read and checked (the preview), and what applying
    it did. The rows are kept so that confirming applies exactly what was previewed."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("previewed")
        APPLYING = "applying", _("being applied")
        APPLIED = "applied", _("applied")
        FAILED = "failed", _("failed")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="staff_imports",
        verbose_name=_("school"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED
    )
    columns = models.JSONField(_("columns"), default=list)
    rows = models.JSONField(_("rows"), default=list)
    # The file as read plus the choices made in the preview (column mapping, unknown teams),
    # so that it can be checked again without uploading it a second time.
    source = models.JSONField(_("file as read"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    created_count = models.PositiveIntegerField(_("new people"), default=0)
    updated_count = models.PositiveIntegerField(_("updated people"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged people"), default=0)
    failure_message = models.TextField(_("why it failed"), blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff import")
        verbose_name_plural = _("staff imports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["previewed", "applying", "applied", "failed"]),
                name="staff_import_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(applied_at__isnull=True) | Q(status="applied"),
                name="staff_import_applied_at_only_when_applied",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "-created_at"], name="staff_import_org_idx")
        ]

    def __str__(self):
        return f"{self.filename} ({self.organisation})"

    @property
    def can_apply(self) -> bool:
        return self.error_count == 0 and self.status in (self.Status.PREVIEWED, self.Status.FAILED)
