"""Survey data of a person: their invitations, and their own answers in a 360° about them.

Answers are anonymous: a Response has no link to a person, only a pseudonymous key. The
export therefore never contains another rater's answers, nor a key or token by which one
could be found: only the person's self-assessment in a 360° about them (the "self" rater
group, which is theirs by nature) and, per invitation, the survey, round and status.

Erasure drops the person's invitation addresses and links and re-keys their pseudonymous
keys with random ones (as retention.py does after the retention period): their answers stay
anonymous and counted, and no e-mail address leads to them any more. Their own answers in a
360° about them are deleted.
"""

import secrets

from django.db.models import Q

from core.tokens import new_token
from privacy.registry import Part, record

from .models import Answer, Comment, Invitation, RaterGroup, Response, Survey
from .retention import PURGED_EMAIL_DOMAIN, PURGED_TOKEN_PREFIX, REKEYED_PREFIX
from .services import pseudonym_for


def _invitations(user):
    return Invitation.objects.filter(email__iexact=user.email).select_related(
        "round__survey", "rater_group"
    )


def _self_responses(user):
    """The person's own responses in 360° surveys about them."""
    surveys = Survey.objects.filter(subject__user=user)
    keys = Q()
    for survey in surveys:
        keys |= Q(round__survey=survey, pseudonym=pseudonym_for(email=user.email, survey=survey))
    if not keys:
        return Response.objects.none()
    return Response.objects.filter(keys, rater_group__kind=RaterGroup.Kind.SELF)


def export(user) -> list[Part]:
    invitations = [
        {
            "survey": invitation.round.survey.title,
            "round": invitation.round.number,
            "rater_group": invitation.rater_group.get_kind_display(),
            "status": invitation.status,
            "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
        }
        for invitation in _invitations(user)
    ]
    responses = _self_responses(user).select_related("round__survey")
    answers = []
    for response in responses.prefetch_related("answers__item", "comments__question"):
        answers.append(
            {
                "survey": response.round.survey.title,
                "round": response.round.number,
                "submitted_on": str(response.submitted_on or ""),
                "answers": [
                    {"item": answer.item.code, "text": answer.item.text_nl, "value": answer.value}
                    for answer in response.answers.all()
                ],
                "comments": [
                    {"question": comment.question.text_nl, "text": comment.text}
                    for comment in response.comments.all()
                ],
            }
        )
    surveys_about = [
        record(survey, exclude=("version", "language"))
        for survey in Survey.objects.filter(subject__user=user).select_related(
            "organisation", "subject__user", "created_by"
        )
    ]
    return [
        Part("survey_invitations", invitations),
        Part("survey_self_assessments", answers),
        Part("surveys_about_me", surveys_about),
    ]


def erase(user) -> None:
    self_responses = list(_self_responses(user).values_list("pk", flat=True))
    Answer.objects.filter(response_id__in=self_responses).delete()
    Comment.objects.filter(response_id__in=self_responses).delete()
    Response.objects.filter(pk__in=self_responses).delete()

    invitations = list(_invitations(user))
    surveys = {invitation.round.survey for invitation in invitations}
    for survey in surveys:
        old_key = pseudonym_for(email=user.email, survey=survey)
        Response.objects.filter(round__survey=survey, pseudonym=old_key).update(
            pseudonym=REKEYED_PREFIX + secrets.token_hex(24)
        )
    for invitation in invitations:
        invitation.email = f"{PURGED_TOKEN_PREFIX}{invitation.pk}@{PURGED_EMAIL_DOMAIN}"
        invitation.token = PURGED_TOKEN_PREFIX + new_token()
        invitation.sent_at = None
        invitation.reminded_at = None
        invitation.language = ""
    Invitation.objects.bulk_update(
        invitations, ["email", "token", "sent_at", "reminded_at", "language"], batch_size=500
    )
