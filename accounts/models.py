import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower, Upper
from django.utils.translation import gettext_lazy as _

# The address an erased person's row gets (accounts/personal_data.py): a reserved domain
# that no mail can reach.
ERASED_EMAIL_DOMAIN = "erased.invalid"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with a login. Email is the username; roles live on memberships."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # When the latest invitation was sent: part of its link's token, so a resend retires the
    # earlier link.
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]
        indexes = [
            # Addresses are compared without case: `email__iexact` (the password reset, adding
            # a person) reads UPPER(email), the staff import and the survey mails LOWER(email).
            # Without these each is a scan of every user (150,000 in a region).
            models.Index(Upper("email"), name="user_email_upper_idx"),
            models.Index(Lower("email"), name="user_email_lower_idx"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_erased(self) -> bool:
        """Whether an administrator erased this person: the row stays only so that what they
        wrote in shared spaces keeps an author, shown as a former staff member."""
        return self.email.endswith("@" + ERASED_EMAIL_DOMAIN)

    def get_full_name(self):
        if self.is_erased:
            return str(_("former staff member"))
        return super().get_full_name()

    def get_short_name(self):
        if self.is_erased:
            return str(_("former staff member"))
        return super().get_short_name()

    @property
    def is_activated(self) -> bool:
        """Whether the person has chosen a password and logged in at least once."""
        return self.last_login is not None and self.has_usable_password()


def not_activated(prefix: str = "") -> models.Q:
    """Users who never logged in or have no usable password yet (imported staff), as a filter
    on users or, with `prefix` (e.g. "user__"), on a relation to them."""
    return models.Q(**{f"{prefix}last_login__isnull": True}) | models.Q(
        **{f"{prefix}password__startswith": UNUSABLE_PASSWORD_PREFIX}
    )


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token is shown once on creation."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def generate_key() -> str:
        return "lk_" + secrets.token_urlsafe(32)


class AuditEventQuerySet(models.QuerySet):
    """Audit events are written once and never changed or deleted by the application: a bulk
    update or delete raises. (Deleting an organisation still removes its events through the
    database's cascade, and deleting a user keeps their events with no actor.)"""

    def update(self, **kwargs):
        raise AuditEventImmutable("Audit events cannot be changed.")

    def delete(self):
        raise AuditEventImmutable("Audit events cannot be deleted.")


class AuditEventImmutable(Exception):
    """An attempt to change or delete an audit event."""


class AuditEvent(models.Model):
    """Who did or saw what, for sensitive data (reports, imports, exports). Append-only."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")
        EXPORT = "export", _("exported")
        LOGIN = "login", _("logged in")

    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="audit_events",
        verbose_name=_("actor"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("organisation"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.actor} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEventImmutable("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEventImmutable("Audit events cannot be deleted.")
