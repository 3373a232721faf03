"""The meeting page shows its agenda, decisions, actions and roles in their order, each with
its owner; the PLG page its phase history and evidence."""

import datetime

from django.utils import timezone

from communities.models import ActionItem, AgendaItem, Decision, MeetingRole, Role
from communities.selectors import meeting_detail
from communities.tests.factories import MeetingFactory, PLGFactory, PLGMemberFactory


def _rows(items, *fields):
    return [tuple(getattr(i, f) for f in fields) for i in items]


def test_the_meeting_records_are_those_the_orm_reads(plg, coach, note_taker):
    meeting = MeetingFactory(plg=plg)
    other = MeetingFactory(plg=plg)
    for time, owner in (("10:00", coach), ("09:00", None), ("09:00", note_taker)):
        AgendaItem.objects.create(meeting=meeting, time=time, title=f"Punt {time}", owner=owner)
    AgendaItem.objects.create(meeting=other, time="09:00", title="Elders")
    for text in ("Eerste", "Tweede"):
        Decision.objects.create(meeting=meeting, text=text)
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    for days, owner in ((3, note_taker), (1, coach), (1, note_taker)):
        ActionItem.objects.create(
            plg=plg,
            meeting=meeting,
            owner=owner,
            description=f"Actie {days}",
            deadline=deadline + datetime.timedelta(days=days),
        )
    MeetingRole.objects.create(meeting=meeting, member=note_taker, role=Role.FACILITATOR)

    data = meeting_detail(meeting=meeting)

    orm_agenda = list(meeting.agenda.select_related("owner__person__user"))
    assert _rows(data["agenda"], "pk", "time", "title", "owner") == _rows(
        orm_agenda, "pk", "time", "title", "owner"
    )
    assert [str(a.owner.person.user) for a in data["agenda"] if a.owner] == [
        str(a.owner.person.user) for a in orm_agenda if a.owner
    ]
    assert _rows(data["decisions"], "pk", "text") == _rows(meeting.decisions.all(), "pk", "text")
    orm_actions = list(meeting.actions.select_related("owner__person__user"))
    assert _rows(data["actions"], "pk", "description", "deadline", "owner") == _rows(
        orm_actions, "pk", "description", "deadline", "owner"
    )
    assert data["role_holders"] == {Role.FACILITATOR: note_taker}
    assert data["role_holders"][Role.FACILITATOR].person.user == note_taker.person.user


def test_an_owner_outside_the_members_is_still_shown(plg, coach):
    stranger = PLGMemberFactory(plg=PLGFactory(organisation=plg.organisation))
    meeting = MeetingFactory(plg=plg)
    AgendaItem.objects.create(meeting=meeting, time="09:00", title="Welkom", owner=stranger)
    (item,) = meeting_detail(meeting=meeting)["agenda"]
    assert item.owner == stranger and item.owner.person.user == stranger.person.user


def test_the_phase_history_and_evidence_are_those_the_orm_reads(plg, coach):
    from communities.models import Evidence, PhaseRecord
    from communities.selectors import plg_detail

    start = timezone.now() - datetime.timedelta(days=30)
    for days in (0, 10):
        PhaseRecord.objects.create(
            plg=plg,
            phase=plg.current_phase,
            started_at=start + datetime.timedelta(days=days),
            ended_at=start + datetime.timedelta(days=days + 5) if not days else None,
            conclusion="*Klaar*" if not days else "",
            started_by=coach.person.user if days else None,
        )
    for text in ("Foto's", "Observaties"):
        Evidence.objects.create(
            plg=plg, phase=plg.current_phase, text=text, added_by=coach.person.user
        )
    data = plg_detail(plg=plg)
    fields = ("pk", "phase", "started_at", "ended_at", "conclusion", "started_by")
    orm = PhaseRecord.objects.filter(plg=plg).select_related("started_by")
    assert _rows(data["records"], *fields) == _rows(orm, *fields)
    fields = ("pk", "text", "created_at", "added_by")
    orm = plg.evidence.select_related("added_by")
    assert _rows(data["evidence"], *fields) == _rows(orm, *fields)
