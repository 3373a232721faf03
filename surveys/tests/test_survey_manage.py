import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import AuditEvent
from core.errors import LeerkringError
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    TeamFactory,
    TeamMembershipFactory,
)
from surveys import services
from surveys.models import Invitation, RaterGroup, Survey

from .helpers import invite


def _url(name, survey, **extra):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk, **extra})


def test_leader_creates_a_360_with_rater_groups_and_the_subject_invited_as_self(
    instruments, school, leader, login, today
):
    client = login(leader)
    response = client.post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {
            "version": instruments["gedeeld-leiderschap-360"].pk,
            "title": "",
            "subject": leader.pk,
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=10)).isoformat(),
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("surveys:survey_detail", survey)
    assert survey.title == instruments["gedeeld-leiderschap-360"].title
    assert list(survey.rater_groups.values_list("kind", flat=True)) == [
        "self",
        "superior",
        "leadership",
        "teachers",
        "support",
        "others",
    ]
    assert survey.rounds.get().invitations.get().email == leader.user.email
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


def test_a_360_needs_a_subject(instruments, school, leader, login, today):
    response = login(leader).post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {
            "version": instruments["gedeeld-leiderschap-360"].pk,
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "subject" in response.context["form"].errors
    assert not Survey.objects.exists()


def test_a_school_wide_survey_has_no_self_group(pulse):
    assert not pulse.rater_groups.filter(kind__in=["self", "superior"]).exists()


def test_staff_member_cannot_create_a_survey(school, staff_member, login, instruments):
    response = login(staff_member).get(
        reverse("surveys:survey_create", kwargs={"slug": school.slug})
    )
    assert response.status_code == 403


def test_outsider_gets_404_on_the_survey(survey_360, outsider, login):
    assert login(outsider).get(_url("surveys:survey_detail", survey_360)).status_code == 404


def test_staff_member_who_is_not_involved_gets_404(survey_360, staff_member, login):
    assert login(staff_member).get(_url("surveys:survey_detail", survey_360)).status_code == 404


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


def test_threshold_can_be_raised_but_never_below_three(survey_360, leader, login):
    group = survey_360.rater_groups.get(kind="teachers")
    client = login(leader)
    client.post(_url("surveys:threshold_set", survey_360, group_pk=group.pk), {"threshold": 2})
    group.refresh_from_db()
    assert group.threshold == 3
    client.post(_url("surveys:threshold_set", survey_360, group_pk=group.pk), {"threshold": 5})
    group.refresh_from_db()
    assert group.threshold == 5


def test_the_database_refuses_a_threshold_below_three(survey_360):
    with pytest.raises(IntegrityError):
        RaterGroup.objects.filter(survey=survey_360, kind="teachers").update(threshold=2)


def test_self_and_superior_may_have_threshold_one(survey_360):
    assert (
        RaterGroup.objects.filter(survey=survey_360, kind__in=["self", "superior"]).update(
            threshold=1
        )
        == 2
    )


def test_post_round_invites_the_same_people_with_new_links(survey_360, leader, login, today):
    invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    client = login(leader)
    response = client.post(
        _url("surveys:round_create", survey_360),
        {"opens_on": today.isoformat(), "closes_on": (today + datetime.timedelta(days=5))},
    )
    assert response.status_code == 302
    pre, post = survey_360.rounds.order_by("number")
    assert set(pre.invitations.values_list("email", flat=True)) == set(
        post.invitations.values_list("email", flat=True)
    )
    assert not set(pre.invitations.values_list("token", flat=True)) & set(
        post.invitations.values_list("token", flat=True)
    )
    with pytest.raises(LeerkringError):
        services.round_start_post(
            survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
        )


def test_pseudonym_is_stable_per_survey_and_differs_between_surveys(survey_360, pulse):
    a = services.pseudonym_for(email="A@x.test", survey=survey_360)
    assert a == services.pseudonym_for(email="a@x.test ", survey=survey_360)
    assert a != services.pseudonym_for(email="a@x.test", survey=pulse)
    assert "a@x.test" not in a


def test_subject_can_share_the_report_with_a_colleague(survey_360, leader, staff_member, login):
    client = login(leader)
    client.post(_url("surveys:survey_share", survey_360), {"person": staff_member.pk})
    assert list(survey_360.shared_with.all()) == [staff_member]
    response = login(staff_member).get(_url("surveys:survey_detail", survey_360))
    assert response.status_code == 200


def test_survey_list_query_count_does_not_grow(
    instruments, school, leader, login, today, django_assert_max_num_queries
):
    for n in range(12):
        services.survey_create(
            organisation=school,
            version=instruments["teampols"],
            title=f"Pols {n}",
            subject=None,
            opens_on=today,
            closes_on=today,
            actor=leader.user,
        )
    client = login(leader)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("surveys:survey_list", kwargs={"slug": school.slug}))
    assert response.content.decode().count("Pols ") == 12


def _listed(client, school):
    response = client.get(reverse("surveys:survey_list", kwargs={"slug": school.slug}))
    return response, {row.title: row for row in response.context["page"]}


def test_the_survey_list_counts_rounds_invitations_and_completions(
    survey_360, pulse, school, leader, login, today
):
    invitations = invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    Invitation.objects.filter(pk=invitations[0].pk).update(status="completed")
    services.round_start_post(survey=survey_360, opens_on=today, closes_on=today, actor=leader.user)
    response, rows = _listed(login(leader), school)
    assert list(rows) == ["Teampols", "360° september"]  # newest first
    for survey in (survey_360, pulse):
        row = rows[survey.title]
        invited = Invitation.objects.filter(round__survey=survey)
        assert (row.pk, row.version.number) == (survey.pk, survey.version.number)
        assert row.version.title == survey.version.title
        assert row.round_count == survey.rounds.count()
        assert row.invited == invited.count()
        assert row.completed == invited.filter(status="completed").count()
    assert (rows["360° september"].invited, rows["360° september"].completed) == (8, 1)
    assert str(rows["360° september"].subject.user) == str(leader.user)
    html = response.content.decode()
    assert f'href="{_url("surveys:survey_detail", survey_360)}"' in html
    assert "hele school" in html and "1 van 8" in html


def test_staff_list_only_the_surveys_about_them_or_shared_with_them(
    survey_360, pulse, school, instruments, staff_member, login, today
):
    own = services.survey_create(
        organisation=school,
        version=instruments["gedeeld-leiderschap-360"],
        title="Mijn 360°",
        subject=staff_member,
        opens_on=today,
        closes_on=today,
        actor=staff_member.user,
    )
    client = login(staff_member)
    assert list(_listed(client, school)[1]) == [own.title]
    survey_360.shared_with.add(staff_member)
    assert list(_listed(client, school)[1]) == [own.title, survey_360.title]


def test_school_pages_link_to_the_surveys(school, staff_member, login):
    page = login(staff_member).get(reverse("organisations:overview", kwargs={"slug": school.slug}))
    url = reverse("surveys:survey_list", kwargs={"slug": school.slug})
    assert f'href="{url}"' in page.content.decode()
    assert "Bevragingen" in page.content.decode()


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


def test_leader_chooses_the_rater_groups(instruments, school, leader, login, today):
    response = login(leader).post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {
            "version": instruments["teampols"].pk,
            "rater_groups": ["parents", "teachers"],
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    survey = Survey.objects.get()
    # The order is always the same.
    assert list(survey.rater_groups.values_list("kind", flat=True)) == ["teachers", "parents"]


def test_a_survey_about_no_one_never_gets_the_subject_groups(instruments, school, leader, today):
    survey = services.survey_create(
        organisation=school,
        version=instruments["teampols"],
        title="Pols",
        subject=None,
        opens_on=today,
        closes_on=today,
        actor=leader.user,
        rater_groups=["teachers", "self", "superior"],
    )
    assert list(survey.rater_groups.values_list("kind", flat=True)) == ["teachers"]


def _new_survey(client, school, version=None, **headers):
    url = reverse("surveys:survey_create", kwargs={"slug": school.slug})
    return client.get(url, {"version": version.pk} if version else {}, headers=headers)


def test_a_new_survey_starts_with_the_choice_of_instrument(instruments, school, leader, login):
    response = _new_survey(login(leader), school)
    assert response.status_code == 200
    assert response.context["form"] is None
    page = response.content.decode()
    assert "Kies een instrument" in page
    assert 'name="subject"' not in page and 'name="rater_groups"' not in page
    # Without JavaScript, "Next" shows the instrument's fields as the next page.
    assert "<noscript>" in page


def test_a_school_wide_instrument_asks_no_360_questions(instruments, school, leader, login):
    response = _new_survey(login(leader), school, instruments["teampols"])
    page = response.content.decode()
    assert 'name="version"' in page and 'name="opens_on"' in page
    assert 'name="subject"' not in page and "Over wie gaat de feedback?" not in page
    groups = dict(response.context["form"].fields["rater_groups"].choices)
    assert "teachers" in groups and "self" not in groups and "superior" not in groups


def test_a_360_asks_who_is_rated_and_offers_the_superior(instruments, school, leader, login):
    response = _new_survey(login(leader), school, instruments["gedeeld-leiderschap-360"])
    page = response.content.decode()
    assert 'name="subject"' in page and "Over wie gaat de feedback?" in page
    groups = dict(response.context["form"].fields["rater_groups"].choices)
    # The subject is "self" by being chosen: not a group to tick.
    assert "superior" in groups and "self" not in groups


def test_changing_the_instrument_with_htmx_swaps_only_its_fields(
    instruments, school, leader, login
):
    client = login(leader)
    response = _new_survey(
        client, school, instruments["gedeeld-leiderschap-360"], HX_Request="true"
    )
    page = response.content.decode()
    assert "<html" not in page and 'name="subject"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    response = _new_survey(client, school, instruments["teampols"], HX_Request="true")
    assert 'name="subject"' not in response.content.decode()


def test_a_school_wide_survey_ignores_a_posted_subject(
    instruments, school, leader, staff_member, login, today
):
    response = login(leader).post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {
            "version": instruments["teampols"].pk,
            "subject": staff_member.pk,
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Survey.objects.get().subject is None


def test_an_unknown_instrument_goes_back_to_the_choice(instruments, school, leader, login, today):
    response = login(leader).post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {"version": "999999", "opens_on": today.isoformat(), "closes_on": today.isoformat()},
    )
    assert response.status_code == 200 and response.context["form"] is None
    assert not Survey.objects.exists()


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


def _share_search(client, survey, query, **headers):
    return client.get(_url("surveys:survey_detail", survey), {"colleague": query}, **headers)


def test_the_subject_finds_whom_to_share_with_by_searching(survey_360, leader, teachers, login):
    teachers[0].user.first_name, teachers[0].user.last_name = "<b>Jan</b>", "Peeters"
    teachers[0].user.save(update_fields=["first_name", "last_name"])
    client = login(leader)
    # The page itself lists nobody: the search field finds the colleague.
    html = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert 'name="colleague"' in html and 'name="person"' not in html
    # Without JavaScript the search reloads the page with the matches in it.
    html = _share_search(client, survey_360, "jan peet").content.decode()
    results = html[html.index('id="share-results"') :]
    assert f'<input type="radio" name="person" value="{teachers[0].pk}"' in results
    assert "&lt;b&gt;Jan&lt;/b&gt; Peeters (leerkracht)" in results and "<b>Jan</b>" not in html
    assert 'value="jan peet"' in html
    for teacher in teachers[1:]:
        assert f'value="{teacher.pk}"' not in results


def test_the_share_search_answers_htmx_with_the_matches_only(survey_360, leader, teachers, login):
    client = login(leader)
    response = _share_search(client, survey_360, "leerkracht", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'name="colleague"' not in html
    assert "5 personen gevonden" in html
    for teacher in teachers:
        assert f'name="person" value="{teacher.pk}"' in html
    assert "HX-Request" in response["Vary"]
    # The subject shares their own report: they are never offered.
    html = _share_search(client, survey_360, "directeur", HTTP_HX_REQUEST="true").content
    assert f'value="{leader.pk}"'.encode() not in html
    assert b"0 personen gevonden" in html
    assert _share_search(client, survey_360, "  ", HTTP_HX_REQUEST="true").content.strip() == b""


def test_the_share_search_shows_the_first_matches_and_counts_them_all(
    survey_360, school, leader, login
):
    MembershipFactory.create_batch(23, organisation=school, function="leerkracht")
    html = _share_search(login(leader), survey_360, "leerkracht", HTTP_HX_REQUEST="true")
    html = html.content.decode()
    assert "23 personen gevonden" in html
    assert html.count('name="person"') == 20


def test_a_colleague_found_by_searching_gets_the_report(
    survey_360, leader, teachers, staff_member, login
):
    client = login(leader)
    found = _share_search(client, survey_360, staff_member.user.email, HTTP_HX_REQUEST="true")
    assert f'name="person" value="{staff_member.pk}"' in found.content.decode()
    client.post(_url("surveys:survey_share", survey_360), {"person": staff_member.pk})
    html = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert f"Gedeeld met: {staff_member.user}" in html


def test_only_the_subject_may_search_whom_to_share_with(survey_360, staff_member, login):
    survey_360.shared_with.add(staff_member)
    client = login(staff_member)
    response = _share_search(client, survey_360, "a", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'name="colleague"' not in response.content.decode()
    assert 'name="person"' not in response.content.decode()


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


def test_the_subject_shares_with_a_provider_and_can_withdraw(survey_360, leader, login):
    brug = ProviderFactory(name="De Brug")
    ProviderFactory(name="Andere Dienst")
    survey_360.shared_with_providers.add(brug)
    html = login(leader).get(_url("surveys:survey_detail", survey_360)).content.decode()
    select = html[html.index('<select name="provider"') :]
    select = select[: select.index("</select>")]
    assert select.index("Andere Dienst") < select.index("De Brug")
    withdraw = html[html.index('name="action" value="withdraw"') - 400 :]
    assert f'name="provider" value="{brug.pk}"' in withdraw


def test_the_progress_page_reads_the_same_queries_for_any_number_of_invitees(
    survey_360, leader, staff_member, login, django_assert_num_queries
):
    client = login(leader)
    url = _url("surveys:survey_detail", survey_360)
    survey_360.rounds.update(closed=True)
    client.get(url)
    survey_360.shared_with.add(staff_member)
    ProviderFactory()
    with django_assert_num_queries(8):
        client.get(url)
    invite(survey_360, "teachers", [f"t{n}@x.test" for n in range(30)])
    with django_assert_num_queries(8):
        client.get(url)


def test_closing_a_round_asks_first(survey_360, leader, login):
    client = login(leader)
    detail = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert f'href="{_url("surveys:round_close", survey_360)}"' in detail
    response = client.get(_url("surveys:round_close", survey_360))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<form method="post">' in page
    assert _url("surveys:survey_detail", survey_360) in page
    assert survey_360.rounds.get().closed is False  # asking changes nothing


def test_confirming_closes_the_round_today(survey_360, leader, login, today):
    response = login(leader).post(_url("surveys:round_close", survey_360))
    assert response.status_code == 302
    round_ = survey_360.rounds.get()
    assert (round_.closed, round_.closed_on, round_.last_day) == (True, today, today)


def test_a_closed_round_does_not_ask_again(survey_360, leader, login):
    client = login(leader)
    client.post(_url("surveys:round_close", survey_360))
    response = client.get(_url("surveys:round_close", survey_360))
    assert response.status_code == 302


def test_only_a_manager_sees_the_close_page(survey_360, staff_member, login):
    response = login(staff_member).get(_url("surveys:round_close", survey_360))
    assert response.status_code in (403, 404)


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


def test_the_new_survey_page_reads_a_fixed_handful_of_rows(
    instruments, school, leader, login, django_assert_max_num_queries
):
    client = login(leader)
    for version in (None, instruments["teampols"], instruments["gedeeld-leiderschap-360"]):
        with django_assert_max_num_queries(12):
            page = _new_survey(client, school, version).content.decode()
        assert page.count('id="id_version"') == 1
