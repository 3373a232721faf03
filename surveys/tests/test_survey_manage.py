"""Setting up a survey: who may create one, the new-survey form and its instrument's own
fields, the rater groups, and the survey list."""

import datetime

from django.urls import reverse

from accounts.models import AuditEvent
from surveys import services
from surveys.models import Invitation, Survey

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


def test_the_new_survey_page_reads_a_fixed_handful_of_rows(
    instruments, school, leader, login, django_assert_max_num_queries
):
    client = login(leader)
    for version in (None, instruments["teampols"], instruments["gedeeld-leiderschap-360"]):
        with django_assert_max_num_queries(12):
            page = _new_survey(client, school, version).content.decode()
        assert page.count('id="id_version"') == 1
