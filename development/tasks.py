"""Background work of the action plan: the weekly digest of overdue actions, one mail per
owner with their overdue actions in every school. Enqueue it once a week (cron or a
scheduler: `manage.py development_weekly_digest`); the database backend runs it through
`manage.py db_worker`."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .selectors import overdue_actions


@task()
def send_overdue_digest() -> int:
    """Mail every owner their overdue actions; returns the number of mails sent."""
    by_user = {}
    for action in overdue_actions():
        by_user.setdefault(action.owner.user, []).append(action)
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    sent = 0
    for user, actions in by_user.items():
        if not user.email or not user.is_active:
            continue
        for action in actions:
            action.url = base + reverse(
                "development:action_edit",
                kwargs={"slug": action.organisation.slug, "pk": action.pk},
            )
        with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            subject = _("Leerkring: %(count)s overdue action(s) in the action plan") % {
                "count": len(actions)
            }
            body = render_to_string(
                "development/mail/overdue_digest.txt", {"user": user, "actions": actions}
            )
        sent += send_mail(subject, body, None, [user.email])
    return sent
