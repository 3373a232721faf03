"""Background work of networks: mails that carry the sessions of an edition as a calendar."""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email_with_calendar(
    *, subject: str, body: str, to: list[str], calendar: str = "", filename: str = ""
) -> int:
    """Send one mail, with the calendar (iCalendar text) attached when there is one."""
    message = EmailMessage(subject, body, to=to)
    if calendar:
        message.attach(filename, calendar, "text/calendar")
    return message.send()
