"""Session evaluations: a survey of the provider, answered by those present at the session."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from surveys import services as surveys
from surveys.models import InstrumentVersion

from ..models import Attendance, Session

INSTRUMENT_CODE = "sessie-evaluatie"
RATER_GROUP = "participants"
OPEN_DAYS = 14


def _answer_link(token: str) -> str:
    # Mails leave the request: the link is built on the site's configured address.
    return settings.SITE_URL.rstrip("/") + reverse("surveys:answer", args=[token])


@transaction.atomic
def session_evaluation_start(*, session: Session, actor) -> Session:
    """Create the session's evaluation survey for its provider, invite everyone who was
    present and mail them their link. A session has at most one evaluation."""
    # The lock makes a double click start one survey, not two.
    session = (
        Session.objects.select_for_update()
        .select_related("edition__programme__provider")
        .get(pk=session.pk)
    )
    if session.evaluation_id is not None:
        raise LeerkringError(_("This session already has an evaluation."))
    emails = list(
        session.attendances.filter(status=Attendance.Status.PRESENT)
        .order_by("participant__user__email")
        .values_list("participant__user__email", flat=True)
    )
    if not emails:
        raise LeerkringError(
            _("Nobody was present at this session yet: record the attendance first.")
        )
    version = (
        InstrumentVersion.objects.filter(instrument__code=INSTRUMENT_CODE)
        .select_related("instrument")
        .order_by("-number")
        .first()
    )
    if version is None:
        raise LeerkringError(_("The session evaluation questionnaire is not available."))
    today = timezone.localdate()
    survey = surveys.survey_create(
        organisation=session.edition.programme.provider,
        version=version,
        title=_("Evaluation: %(session)s (%(date)s)")
        % {"session": session.title, "date": session.date.strftime("%d/%m/%Y")},
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=OPEN_DAYS),
        actor=actor,
        rater_groups=[RATER_GROUP],
    )
    surveys.invitees_add(
        survey=survey,
        rater_group=survey.rater_groups.get(kind=RATER_GROUP),
        emails=emails,
        actor=actor,
    )
    session.evaluation = survey
    session.save(update_fields=["evaluation"])
    surveys.invitations_send(survey=survey, link_for=_answer_link, actor=actor)
    return session
