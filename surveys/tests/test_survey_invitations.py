"""Inviting raters: staff, typed addresses, the whole staff or a team; sending, reminding, and
the progress page."""

import pytest
from django.core import mail
from django.urls import reverse

from core.errors import LeerkringError
from organisations.tests.factories import (
    ProviderFactory,
    TeamFactory,
    TeamMembershipFactory,
)
from surveys import services
from surveys.models import Invitation

from .helpers import invite


def _url(name, survey, **extra):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk, **extra})


def test_leader_invites_staff_and_typed_addresses(survey_360, leader, teachers, login):
    client = login(leader)
    group = survey_360.rater_groups.get(kind="teachers")
    response = client.post(
        _url("surveys:invitees_add", survey_360),
        {
            "rater_group": group.pk,
            "people": [t.pk for t in teachers[:3]],
            "emails": "ouder@thuis.test, ANDER@thuis.test\n" + teachers[0].user.email,
        },
    )
    assert response.status_code == 302
    emails = set(group.invitations.values_list("email", flat=True))
    assert emails == {t.user.email for t in teachers[:3]} | {"ouder@thuis.test", "ander@thuis.test"}


def test_adding_and_sending_is_one_step_when_the_leader_wants(survey_360, leader, login):
    group = survey_360.rater_groups.get(kind="others")
    response = login(leader).post(
        _url("surveys:invitees_add", survey_360),
        {"rater_group": group.pk, "emails": "ouder@thuis.test\nander@thuis.test", "then": "send"},
        follow=True,
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["ouder@thuis.test", "ander@thuis.test", survey_360.subject.user.email]
    )
    assert not survey_360.rounds.get().invitations.filter(sent_at__isnull=True).exists()
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["2 genodigden toegevoegd.", "3 uitnodigingen werden verstuurd."]


def test_the_whole_staff_joins_rater_groups_by_function(survey_360, leader, teachers, login):
    from organisations.models import Membership
    from organisations.tests.factories import MembershipFactory

    school = survey_360.organisation
    care = MembershipFactory(organisation=school, role="staff", function="Zorgcoördinator")
    deputy = MembershipFactory(organisation=school, role="staff", function="adjunct-directeur")
    cook = MembershipFactory(organisation=school, role="staff", function="kok")
    others = survey_360.rater_groups.get(kind="others")
    response = login(leader).post(
        _url("surveys:invitees_add", survey_360),
        {"rater_group": others.pk, "source": "staff", "by_function": "on"},
    )
    assert response.status_code == 302
    invited = dict(survey_360.rounds.get().invitations.values_list("email", "rater_group__kind"))
    everyone = Membership.objects.filter(organisation=school).exclude(pk=leader.pk)
    assert set(invited) - {leader.user.email} == {m.user.email for m in everyone}
    assert {invited[t.user.email] for t in teachers} == {"teachers"}
    assert invited[care.user.email] == "support"
    assert invited[deputy.user.email] == "leadership"
    assert invited[cook.user.email] == "others"  # a function the instrument does not name


def test_without_functions_in_the_instrument_the_choice_is_not_offered(pulse, leader, login):
    # The team pulse names its groups' functions; a survey of an instrument without them
    # shows no such choice.
    pulse.version.group_functions = {}
    pulse.version.save()
    response = login(leader).get(_url("surveys:survey_detail", pulse))
    assert "by_function" not in response.content.decode()


def test_an_invalid_address_adds_nobody(survey_360, leader, login):
    group = survey_360.rater_groups.get(kind="others")
    client = login(leader)
    response = client.post(
        _url("surveys:invitees_add", survey_360),
        {"rater_group": group.pk, "emails": "goed@thuis.test niet-een-adres"},
        follow=True,
    )
    assert "niet-een-adres" in response.content.decode()
    assert not group.invitations.exists()


def test_self_group_holds_only_the_subject(survey_360, leader):
    group = survey_360.rater_groups.get(kind="self")
    with pytest.raises(LeerkringError):
        services.invitees_add(
            survey=survey_360, rater_group=group, emails=["iemand@x.test"], actor=leader.user
        )


def test_sending_mails_each_unsent_invitation_once_with_its_link(survey_360, leader, login):
    invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    client = login(leader)
    client.post(_url("surveys:invitations_send", survey_360))
    assert len(mail.outbox) == 4  # three teachers and the subject
    tokens = set(survey_360.rounds.get().invitations.values_list("token", flat=True))
    assert all(any(t in m.body for t in tokens) for m in mail.outbox)
    client.post(_url("surveys:invitations_send", survey_360))
    assert len(mail.outbox) == 4


def test_reminder_mails_only_those_who_have_not_completed(survey_360, leader, login):
    invitations = invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    client = login(leader)
    client.post(_url("surveys:invitations_send", survey_360))
    Invitation.objects.filter(pk=invitations[0].pk).update(status="completed")
    Invitation.objects.filter(pk=invitations[1].pk).update(status="started")
    mail.outbox.clear()
    client.post(_url("surveys:reminders_send", survey_360))
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(["b@x.test", "c@x.test", survey_360.subject.user.email])


def test_progress_shows_invited_started_completed_per_group(survey_360, leader, login):
    invitations = invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    Invitation.objects.filter(pk=invitations[0].pk).update(status="completed")
    Invitation.objects.filter(pk=invitations[1].pk).update(status="started")
    response = login(leader).get(_url("surveys:survey_detail", survey_360))
    rows = {row.kind: row for row in response.context["progress"]}
    assert (rows["teachers"].invited, rows["teachers"].started) == (3, 1)
    assert (rows["teachers"].completed, rows["teachers"].sent) == (1, 0)
    assert rows["self"].invited == 1
    assert [row.kind for row in response.context["progress"]] == list(
        survey_360.rater_groups.values_list("kind", flat=True)
    )
    assert response.context["unsent"] == 4


def test_progress_counts_only_the_current_round(survey_360, leader, login, today):
    invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    pre = survey_360.rounds.get()
    pre.invitations.update(status="completed")
    services.round_start_post(survey=survey_360, opens_on=today, closes_on=today, actor=leader.user)
    response = login(leader).get(_url("surveys:survey_detail", survey_360))
    rows = {row.kind: row for row in response.context["progress"]}
    assert (rows["teachers"].invited, rows["teachers"].completed) == (3, 0)
    assert [r.number for r in response.context["rounds"]] == [1, 2]


def test_the_superior_group_holds_one_person(survey_360, leader):
    group = survey_360.rater_groups.get(kind="superior")
    services.invitees_add(
        survey=survey_360, rater_group=group, emails=["baas@sg.test"], actor=leader.user
    )
    with pytest.raises(LeerkringError):
        services.invitees_add(
            survey=survey_360, rater_group=group, emails=["tweede@sg.test"], actor=leader.user
        )
    assert group.invitations.count() == 1


def test_the_colleagues_to_invite_are_read_when_the_leader_opens_the_list(
    survey_360, leader, teachers, login
):
    teachers[0].user.first_name = "<b>Jan</b>"
    teachers[0].user.save(update_fields=["first_name"])
    client = login(leader)
    url = _url("surveys:survey_detail", survey_360)
    html = client.get(url).content.decode()
    assert 'id="people"' in html and 'type="checkbox" name="people"' not in html
    # With HTMX the opened list gets just the checkboxes; without it, the page with them.
    fragment = client.get(url, {"people": "all"}, HTTP_HX_REQUEST="true").content.decode()
    page = client.get(url, {"people": "all"}).content.decode()
    assert "<html" not in fragment and 'id="people" open' in page
    start = page.index('class="people-picker"')
    picker = page[start : page.index("</fieldset>", start)]
    for html in (fragment, picker):
        for teacher in teachers:
            assert f'<input type="checkbox" name="people" value="{teacher.pk}"' in html
        assert f'value="{leader.pk}"' in html
        assert "&lt;b&gt;Jan&lt;/b&gt; " in html and "<b>Jan</b>" not in html


def test_a_finished_round_reads_no_colleagues(survey_360, leader, teachers, login):
    survey_360.rounds.update(closed=True)
    url = _url("surveys:survey_detail", survey_360)
    response = login(leader).get(url, {"people": "all"})
    assert "invite_form" not in response.context
    assert 'name="people"' not in response.content.decode()


def test_the_invitee_list_is_read_when_opened(survey_360, leader, login):
    invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    client = login(leader)
    page = client.get(_url("surveys:survey_detail", survey_360))
    html = page.content.decode()
    assert "4 genodigden" in html and "a@x.test" not in html
    assert 'id="invitees" open' not in html
    # Opening the list with HTMX gets just the list; without it, the page with the list open.
    fragment = client.get(
        _url("surveys:survey_detail", survey_360), {"invitees": "all"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in fragment
    assert "a@x.test · leraren · <em>nog niet verstuurd</em>" in " ".join(fragment.split())
    assert fragment.index(survey_360.subject.user.email) < fragment.index("a@x.test")
    html = client.get(_url("surveys:survey_detail", survey_360), {"invitees": "all"}).content
    assert b'id="invitees" open' in html and b"c@x.test" in html


def test_only_managers_see_the_invitees(survey_360, leader, staff_member, login):
    invite(survey_360, "teachers", ["a@x.test"])
    survey_360.shared_with.add(staff_member)
    client = login(staff_member)
    url = _url("surveys:survey_detail", survey_360)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.get(url, {"invitees": "all"}, **headers)
        assert response.status_code == 200
        assert b"a@x.test" not in response.content


def test_the_progress_page_reads_the_same_queries_for_any_number_of_invitees(
    survey_360, leader, staff_member, login, django_assert_num_queries
):
    client = login(leader)
    url = _url("surveys:survey_detail", survey_360)
    survey_360.rounds.update(closed=True)
    client.get(url)
    survey_360.shared_with.add(staff_member)
    ProviderFactory()
    # Session, user, membership, survey, rounds, invitations and answers per group, open
    # links, the colleagues and providers it is shared with.
    with django_assert_num_queries(10):
        client.get(url)
    invite(survey_360, "teachers", [f"t{n}@x.test" for n in range(30)])
    with django_assert_num_queries(10):
        client.get(url)


def _invite(client, survey, kind, **data):
    group = survey.rater_groups.get(kind=kind)
    response = client.post(_url("surveys:invitees_add", survey), {"rater_group": group.pk, **data})
    assert response.status_code == 302
    return set(group.invitations.values_list("email", flat=True))


def test_the_whole_staff_is_invited_in_one_choice(survey_360, school, leader, teachers, login):
    emails = _invite(login(leader), survey_360, "teachers", source="staff")
    staff = school.memberships.filter(is_active=True).exclude(pk=leader.pk)
    # The subject is already invited (as self) and stays only there.
    assert emails == {m.user.email.lower() for m in staff}
    assert leader.user.email.lower() not in emails


def test_the_members_of_one_team_are_invited_as_the_chosen_rater_group(
    survey_360, school, leader, teachers, login
):
    team, other = TeamFactory(organisation=school), TeamFactory(organisation=school)
    for teacher in teachers[:2]:
        TeamMembershipFactory(team=team, membership=teacher)
    TeamMembershipFactory(team=other, membership=teachers[2])
    emails = _invite(login(leader), survey_360, "support", source="team", team=team.pk)
    assert emails == {t.user.email.lower() for t in teachers[:2]}


def test_choosing_a_team_needs_a_team(survey_360, leader, teachers, login):
    group = survey_360.rater_groups.get(kind="teachers")
    response = login(leader).post(
        _url("surveys:invitees_add", survey_360),
        {"rater_group": group.pk, "source": "team"},
        follow=True,
    )
    assert not group.invitations.exists()
    assert "Kies een team." in response.content.decode() or "Choose a team." in (
        response.content.decode()
    )


def test_a_team_of_another_school_is_refused(survey_360, leader, teachers, login):
    stranger = TeamFactory()
    group = survey_360.rater_groups.get(kind="teachers")
    login(leader).post(
        _url("surveys:invitees_add", survey_360),
        {"rater_group": group.pk, "source": "team", "team": stranger.pk},
    )
    assert not group.invitations.exists()


def test_the_staff_members_can_be_searched_with_and_without_htmx(
    survey_360, leader, teachers, login
):
    teachers[0].user.last_name = "Zoekbaar"
    teachers[0].user.save(update_fields=["last_name"])
    client = login(leader)
    url = _url("surveys:survey_detail", survey_360)
    page = client.get(url).content.decode()
    assert 'role="search"' in page and 'name="q"' in page
    fragment = client.get(url, {"people": "all", "q": "zoekb"}, HTTP_HX_REQUEST="true")
    full = client.get(url, {"people": "all", "q": "zoekb"})
    for html in (fragment.content.decode(), full.content.decode()):
        assert f'name="people" value="{teachers[0].pk}"' in html
        assert f'name="people" value="{teachers[1].pk}"' not in html
    assert 'value="zoekb"' in full.content.decode()
