import datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from communities.models import ActionItem, Meeting, MeetingRole
from communities.selectors_home import open_actions_for_user
from communities.tests.factories import MeetingFactory


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


def _meeting_post(date, **extra):
    data = {
        "date": date.isoformat(),
        "time": "15:30",
        "duration_minutes": "90",
        "place": "Lokaal 12",
        "online_url": "",
        "agenda-TOTAL_FORMS": "4",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        "agenda-0-time": "15:30",
        "agenda-0-title": "Welkom en doel van vandaag",
        "agenda-1-time": "15:45",
        "agenda-1-title": "Lesontwerp bespreken",
    }
    data.update(extra)
    return data


def test_the_coach_plans_a_meeting_with_an_agenda(login, plg, coach):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = login(coach.person).post(
        _url("meeting_create", plg), _meeting_post(tomorrow, **{"agenda-1-owner": coach.pk})
    )
    meeting = Meeting.objects.get(plg=plg)
    assert response.status_code == 302
    assert [(i.title, i.owner) for i in meeting.agenda.all()] == [
        ("Welkom en doel van vandaag", None),
        ("Lesontwerp bespreken", coach),
    ]
    assert meeting.phase == plg.current_phase


def test_a_new_meeting_in_the_past_is_refused_and_the_agenda_is_kept(login, plg, coach, shows):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = login(coach.person).post(_url("meeting_create", plg), _meeting_post(yesterday))
    page = response.content.decode()
    assert response.status_code == 200
    assert shows(page, "This date has passed. Plan the new meeting for today or later.")
    assert "Lesontwerp bespreken" in page
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_place_or_a_link(login, plg, coach):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = login(coach.person).post(
        _url("meeting_create", plg), _meeting_post(tomorrow, place="")
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_the_note_taker_writes_minutes_and_script_tags_are_removed(login, plg, note_taker):
    meeting = MeetingFactory(plg=plg)
    client = login(note_taker.person)
    client.post(
        _url("meeting_minutes", plg, meeting_pk=meeting.pk),
        {"minutes": "**Besluit**: we observeren <script>alert('x')</script>drie leerlingen."},
    )
    meeting.refresh_from_db()
    assert "<script" not in meeting.minutes and "alert" not in meeting.minutes
    assert "drie leerlingen" in meeting.minutes
    page = client.get(_url("meeting_detail", plg, meeting_pk=meeting.pk)).content.decode()
    assert "<strong>Besluit</strong>" in page
    assert "<script>alert" not in page


def test_a_rotating_note_taker_takes_over_for_one_meeting(
    login, plg, coach, note_taker, colleague, client
):
    from communities.tests.factories import PLGMemberFactory

    other = PLGMemberFactory(plg=plg, person=colleague)
    meeting = MeetingFactory(plg=plg)
    login(coach.person).post(
        _url("meeting_roles", plg, meeting_pk=meeting.pk), {"note_taker": other.pk}
    )
    assert MeetingRole.objects.get(meeting=meeting).member == other
    client.force_login(note_taker.person.user)
    url = _url("meeting_minutes", plg, meeting_pk=meeting.pk)
    assert client.get(url).status_code == 403
    client.force_login(colleague.user)
    assert client.get(url).status_code == 200


def test_an_action_without_an_owner_is_refused_with_everything_kept(login, plg, note_taker, shows):
    meeting = MeetingFactory(plg=plg)
    response = login(note_taker.person).post(
        _url("meeting_action_add", plg, meeting_pk=meeting.pk),
        {
            "description": "Leerlingen interviewen",
            "owner": "",
            "deadline": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Leerlingen interviewen" in page
    assert shows(page, "Every action needs an owner: choose who takes it on.")
    assert not ActionItem.objects.exists()


def test_actions_and_decisions_show_and_reach_the_owners_home_page(
    login, plg, note_taker, coach, client
):
    meeting = MeetingFactory(plg=plg)
    client = login(note_taker.person)
    client.post(
        _url("meeting_decision_add", plg, meeting_pk=meeting.pk),
        {"text": "We kiezen voor tellen met blokjes."},
    )
    client.post(
        _url("meeting_action_add", plg, meeting_pk=meeting.pk),
        {
            "description": "Blokjes bestellen",
            "owner": coach.pk,
            "deadline": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        },
    )
    assert meeting.decisions.get().text == "We kiezen voor tellen met blokjes."
    assert [a.description for a in open_actions_for_user(coach.person.user)] == [
        "Blokjes bestellen"
    ]
    action = ActionItem.objects.get()
    client.force_login(coach.person.user)
    client.post(_url("action_done", plg, action_pk=action.pk))
    assert open_actions_for_user(coach.person.user) == []


def test_attendance_is_recorded(login, plg, coach, note_taker):
    meeting = MeetingFactory(plg=plg)
    login(note_taker.person).post(
        _url("meeting_attendance", plg, meeting_pk=meeting.pk), {"present": [coach.pk]}
    )
    rows = {a.member_id: a.present for a in meeting.attendance.all()}
    assert rows == {coach.pk: True, note_taker.pk: False}


def test_the_meeting_exports_to_ical_and_pdf(login, plg, coach):
    meeting = MeetingFactory(plg=plg, place="Refter")
    client = login(coach.person)
    ical = client.get(_url("meeting_ical", plg, meeting_pk=meeting.pk))
    event = Calendar.from_ical(ical.content).walk("VEVENT")[0]
    assert str(event["location"]) == "Refter"
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)
    pdf = client.get(_url("meeting_pdf", plg, meeting_pk=meeting.pk))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_colleague_outside_a_closed_plg_cannot_open_its_meeting(login, plg, colleague):
    meeting = MeetingFactory(plg=plg)
    assert (
        login(colleague).get(_url("meeting_detail", plg, meeting_pk=meeting.pk)).status_code == 404
    )


def test_the_home_page_tag_lists_my_open_actions(rf, plg, coach):
    from django.template import Context, Template

    from communities.tests.factories import ActionItemFactory

    ActionItemFactory(owner=coach, description="Lesfiche afwerken")
    request = rf.get("/")
    request.user = coach.person.user
    html = Template("{% load communities %}{% my_open_actions %}").render(
        Context({"request": request})
    )
    assert "Lesfiche afwerken" in html and plg.name in html


def test_plain_minutes_from_a_browser_are_saved_without_a_warning(login, plg, note_taker):
    meeting = MeetingFactory(plg=plg)
    response = login(note_taker.person).post(
        _url("meeting_minutes", plg, meeting_pk=meeting.pk),
        {"minutes": "## Leerdoel\r\nTellen & schatten < 20 > 10\r\n\r\n- punt"},
        follow=True,
    )
    meeting.refresh_from_db()
    assert meeting.minutes == "## Leerdoel\nTellen & schatten < 20 > 10\n\n- punt"
    assert "scripttags" not in response.content.decode()


def test_the_coach_moves_a_meeting_and_a_plain_member_cannot(login, plg, coach, note_taker, client):
    meeting = MeetingFactory(plg=plg, place="Refter")
    url = _url("meeting_edit", plg, meeting_pk=meeting.pk)
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "date": next_week.isoformat(),
        "time": "14:00",
        "duration_minutes": "60",
        "place": "",
        "online_url": "https://meet.example.org/plg",
    }
    client.force_login(note_taker.person.user)
    assert client.post(url, data).status_code == 403
    login(coach.person).post(url, data)
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).date() == next_week
    assert meeting.place == "" and meeting.online_url == "https://meet.example.org/plg"
