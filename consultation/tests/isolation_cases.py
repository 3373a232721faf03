"""Isolation cases for the consultation structure of the world's school."""

import datetime

from django.utils import timezone


def build(w):
    from communities.models import AgendaItem, Decision, Meeting
    from consultation.models import Body

    w.body = Body.objects.create(organisation=w.school, name="Beleidsteam", kind="policy_team")
    w.body.members.add(w.staff)
    w.body_meeting = Meeting.objects.create(
        body=w.body, starts_at=timezone.now(), place="Lerarenkamer", minutes="Verslag"
    )
    w.body_agenda_item = AgendaItem.objects.create(
        meeting=w.body_meeting, time=datetime.time(12, 30), title="Actieplan"
    )
    w.body_decision = Decision.objects.create(meeting=w.body_meeting, text="Beslist")


def _org(w):
    return {"slug": w.school.slug}


def _body(w):
    return {"slug": w.school.slug, "pk": w.body.pk}


def _meeting(w):
    return _body(w) | {"meeting_pk": w.body_meeting.pk}


def _item(w):
    return _meeting(w) | {"item_pk": w.body_agenda_item.pk}


def _decision(w):
    return _meeting(w) | {"decision_pk": w.body_decision.pk}


URLS = {
    "consultation:body_list": _org,
    "consultation:body_create": _org,
    "consultation:calendar": _org,
    "consultation:calendar_ical": _org,
    "consultation:body_detail": _body,
    "consultation:body_edit": _body,
    "consultation:body_delete": _body,
    "consultation:meeting_create": _body,
    "consultation:meeting_detail": _meeting,
    "consultation:meeting_edit": _meeting,
    "consultation:meeting_delete": _meeting,
    "consultation:meeting_minutes": _meeting,
    "consultation:meeting_agenda_add": _meeting,
    "consultation:agenda_item_edit": _item,
    "consultation:agenda_item_delete": _item,
    "consultation:meeting_decision_add": _meeting,
    "consultation:decision_edit": _decision,
    "consultation:decision_delete": _decision,
}
