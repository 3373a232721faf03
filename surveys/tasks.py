"""Background work of surveys: the retention purge (surveys/retention.py)."""

from django_tasks import task

from .retention import purge_expired


@task()
def purge_expired_survey_data() -> dict:
    """Purge the token links, addresses and pseudonymous keys of every survey whose last
    round closed SURVEY_RETENTION_MONTHS ago. Scheduled daily by
    `manage.py surveys_purge_expired` (cron or a systemd timer, see docs/privacy.md)."""
    result = purge_expired()
    return {
        "surveys": result.surveys,
        "invitations": result.invitations,
        "responses": result.responses,
    }
