from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """One signed-in browser of a user: the key of its session in whatever session backend
    the deployment uses (database, cache, Redis), so that the user can see it and end it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="browser_sessions",
        verbose_name=_("user"),
    )
    session_key = models.CharField(_("session key"), max_length=64, unique=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("signed in at"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-last_seen"]

    def __str__(self):
        return f"{self.user} · {self.last_seen:%Y-%m-%d %H:%M}"
