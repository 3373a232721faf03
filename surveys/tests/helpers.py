"""Helpers shared by the surveys tests (and the browser flow)."""

from surveys import services


def invite(survey, kind, emails, actor=None):
    group = survey.rater_groups.get(kind=kind)
    services.invitees_add(survey=survey, rater_group=group, emails=emails, actor=actor)
    current = survey.rounds.order_by("-number").first()
    return list(current.invitations.filter(rater_group=group).order_by("email"))


def full_answers(invitation, value=4, comment="Fijne samenwerking"):
    """POST data answering every question of this invitee with one value."""
    from surveys.answering import questions_for

    items, questions = questions_for(invitation)
    data = {"round": str(invitation.round_id), "action": "submit"}
    data.update({f"i{item.pk}": str(min(value, item.scale.maximum)) for item in items})
    data.update({f"q{q.pk}": comment for q in questions})
    return data


def add_responses(survey, round_, kind, count, *, value=4, comment=None, prefix=None):
    """Store `count` submitted responses of one rater group directly (with their
    invitations). `value` is a number or a function (rater index, item) -> number."""
    from surveys.answering import Parsed, answers_store, questions_for
    from surveys.models import Invitation

    group = survey.rater_groups.get(kind=kind)
    invitations = []
    for index in range(count):
        email = f"{prefix or kind}{index}@raters.test"
        invitation = Invitation.objects.filter(round=round_, email=email).first()
        if invitation is None:
            invitation = Invitation.objects.create(
                round=round_, rater_group=group, email=email, token=f"t-{round_.pk}-{email}"
            )
        items, questions = questions_for(invitation)
        values = {
            item.pk: min(
                item.scale.maximum,
                max(item.scale.minimum, value(index, item) if callable(value) else value),
            )
            for item in items
        }
        comments = {q.pk: f"{comment} {index}" for q in questions} if comment else {}
        answers_store(
            invitation=invitation,
            items=items,
            parsed=Parsed(values=values, comments=comments),
            submit=True,
        )
        invitations.append(invitation)
    return invitations


def close(round_):
    round_.closed = True
    round_.save(update_fields=["closed"])


def scored(base):
    """A value function giving every rater the *score* `base(i)` (reverse items flipped)."""

    def value(index, item):
        score = base(index) if callable(base) else base
        return item.scale.minimum + item.scale.maximum - score if item.reverse else score

    return value
