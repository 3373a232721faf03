"""Background work. Everything runs through django-tasks (Django 6's task API); the backend
is chosen in settings.TASKS, so a deployment can switch it without code changes."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str], html: str | None = None) -> int:
    """Send one email; returns the number of messages sent."""
    return send_mail(subject, body, None, to, html_message=html)
