"""Demo: the demo trainer's learning group in the current trajectory can be read as a combined
360° profile. Four of its leaders consented; those without a 360° yet get one in their own
school (through the survey engine's own services), answered by themselves and five colleagues
and closed, so the profile and its common development points appear."""

import datetime
import random

from django.utils import timezone

from organisations.models import Membership
from surveys import services as survey_services
from surveys.answering import Parsed, answers_store, questions_for
from surveys.models import InstrumentVersion, Survey
from surveys.summaries import round_summaries_write

from .tailoring import closed_360s

CONSENTING = 4
COLLEAGUES = 5
# Per dimension a base score; data use and professionalisation are where the group is weak.
PROFILE = {"visie": 3.9, "leerklimaat": 4.0, "samenwerking": 3.6, "data": 2.6}
DEFAULT = 3.4


def build_tailoring(group, today=None) -> int:
    """Give consent for the first leaders of `group` and a closed 360° to those without one;
    returns the number of 360° surveys made."""
    today = today or timezone.localdate()
    version = (
        InstrumentVersion.objects.filter(instrument__code="gedeeld-leiderschap-360")
        .order_by("-number")
        .first()
    )
    if version is None:
        return 0
    rng = random.Random(group.pk)
    participants = list(
        group.participants.filter(is_active=True).select_related("user", "school")[:CONSENTING]
    )
    made = 0
    for index, participant in enumerate(participants):
        participant.profile_consent_at = timezone.now() - datetime.timedelta(days=10 + index)
        participant.save(update_fields=["profile_consent_at"])
        if Survey.objects.filter(subject__user=participant.user).exists():
            continue
        membership = Membership.objects.filter(
            user=participant.user, organisation=participant.school
        ).first()
        if membership is None:
            continue
        _closed_360(version, membership, rng, shift=(index - 1) * 0.2, today=today)
        made += 1
    # Rounds that closed by their date have no summary yet: the nightly command writes them.
    surveys = closed_360s([p.user_id for p in participants]).values()
    round_summaries_write(rounds=[r for s in surveys for r in s.rounds.all() if r.is_finished()])
    return made


def _closed_360(version, membership, rng, *, shift, today):
    user = membership.user
    survey = survey_services.survey_create(
        organisation=membership.organisation,
        version=version,
        title=f"360° gedeeld leiderschap {user.get_full_name()}",
        subject=membership,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=user,
        rater_groups=["self", "teachers"],
    )
    colleagues = list(
        Membership.objects.filter(organisation=membership.organisation, is_active=True)
        .exclude(pk=membership.pk)
        .select_related("user")
        .order_by("pk")[:COLLEAGUES]
    )
    teachers = survey.rater_groups.get(kind="teachers")
    survey_services.invitees_add(
        survey=survey,
        rater_group=teachers,
        emails=[m.user.email for m in colleagues],
        actor=user,
    )
    round_ = survey.rounds.get()
    for invitation in round_.invitations.select_related("rater_group", "round__survey"):
        items, _questions = questions_for(invitation)
        values = {}
        for item in items:
            base = PROFILE.get(item.dimension.code, DEFAULT) + shift + rng.uniform(-0.6, 0.6)
            if item.aspect == "importance":
                base = 4.2 if item.dimension.code == "data" else 3.5
            score = round(min(item.scale.maximum, max(item.scale.minimum, base)))
            values[item.pk] = (
                item.scale.minimum + item.scale.maximum - score if item.reverse else score
            )
        answers_store(invitation=invitation, items=items, parsed=Parsed(values=values), submit=True)
    survey_services.round_close(survey=survey, actor=user)
    return survey
