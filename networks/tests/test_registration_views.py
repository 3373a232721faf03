import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.models import Application, Participant, Question
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)

from .factories import QuestionFactory

Status = Application.Status


def _register_url(edition):
    return reverse(
        "networks:register",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": edition.pk},
    )


@pytest.fixture
def questions(edition):
    return [
        QuestionFactory(programme=edition.programme, text="Wat is je motivatie?"),
        QuestionFactory(
            programme=edition.programme,
            text="Welke rol heb je?",
            kind=Question.Kind.CHOICE,
            choices="directeur\nadjunct-directeur",
        ),
        QuestionFactory(
            programme=edition.programme,
            text="Volg je al een traject?",
            kind=Question.Kind.YES_NO,
            required=False,
        ),
    ]


def _answers(questions, **overrides):
    data = {
        f"q_{questions[0].pk}": "Gedeeld leiderschap opbouwen",
        f"q_{questions[1].pk}": "directeur",
        f"q_{questions[2].pk}": "no",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_login(client, edition):
    response = client.get(_register_url(edition))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_leader_registers_with_the_providers_questions(login, leader, edition, questions):
    client = login(leader)
    response = client.post(
        _register_url(edition), {**_answers(questions), "school": leader.organisation_id}
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:my_application", kwargs={"pk": application.pk})
    assert application.status == Status.ACCEPTED
    assert application.school == leader.organisation
    values = dict(application.answers.values_list("question__text", "value"))
    assert values["Welke rol heb je?"] == "directeur"
    page = client.get(response["Location"]).content.decode()
    assert "Gedeeld leiderschap opbouwen" in page


def test_a_leader_registers_a_group_of_colleagues_as_one_application(
    login, leader, edition, questions
):
    colleagues = MembershipFactory.create_batch(
        2, organisation=leader.organisation, role=Membership.Role.STAFF
    )
    client = login(leader)
    client.post(
        _register_url(edition),
        {**_answers(questions), "colleagues": [c.pk for c in colleagues]},
    )
    application = Application.objects.get()
    assert application.size == 3
    assert set(application.participants.values_list("user", flat=True)) == {
        leader.user_id,
        *(c.user_id for c in colleagues),
    }


def test_a_leader_registers_a_group_that_leaves_herself_out(login, leader, edition, questions):
    colleagues = MembershipFactory.create_batch(
        2, organisation=leader.organisation, role=Membership.Role.STAFF
    )
    client = login(leader)
    response = client.post(
        _register_url(edition),
        {
            **_answers(questions),
            "colleagues": [c.pk for c in colleagues],
            "leave_me_out": "on",
        },
        follow=True,
    )
    assert "De inschrijving van je groep van 2 is aanvaard" in response.content.decode()
    application = Application.objects.get()
    assert application.applicant == leader.user
    assert application.size == 2
    assert set(application.participants.values_list("user", flat=True)) == {
        c.user_id for c in colleagues
    }
    # She still follows and may withdraw the application she made.
    page = client.get(reverse("networks:my_application", kwargs={"pk": application.pk}))
    assert page.status_code == 200 and page.context["can_withdraw"]


def test_leaving_herself_out_without_colleagues_registers_nobody(login, leader, edition, questions):
    MembershipFactory(organisation=leader.organisation, role=Membership.Role.STAFF)
    client = login(leader)
    response = client.post(_register_url(edition), {**_answers(questions), "leave_me_out": "on"})
    assert response.status_code == 200
    assert "Kies de collega" in response.content.decode()
    assert not Application.objects.exists()


def test_colleagues_of_another_school_cannot_be_registered(login, leader, outsider, edition):
    client = login(leader)
    response = client.post(_register_url(edition), {"colleagues": [outsider.pk]})
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_missing_required_answer_is_shown_at_the_question(login, leader, edition, questions):
    client = login(leader)
    response = client.post(
        _register_url(edition), _answers(questions, **{f"q_{questions[0].pk}": ""})
    )
    assert response.status_code == 200
    assert "Beantwoord de vraag “Wat is je motivatie?”" in response.content.decode()
    assert not Application.objects.exists()


def test_after_the_deadline_the_form_explains_registration_is_closed(login, leader, edition):
    edition.registration_deadline = timezone.now() - datetime.timedelta(days=1)
    edition.save()
    client = login(leader)
    body = client.get(_register_url(edition)).content.decode()
    assert "afgesloten" in body and "Verstuur mijn inschrijving" not in body
    client.post(_register_url(edition), {})
    assert not Application.objects.exists()


def test_a_duplicate_registration_gets_a_clear_message(login, leader, edition):
    client = login(leader)
    client.post(_register_url(edition), {})
    response = client.post(_register_url(edition), {})
    assert "al ingeschreven" in response.content.decode()
    assert Participant.objects.filter(user=leader.user).count() == 1


def test_a_full_edition_puts_the_applicant_on_the_waiting_list(login, leader, edition):
    for _ in range(edition.capacity):
        from networks.services.registration import application_submit

        application_submit(edition_id=edition.pk, applicant=UserFactory())
    client = login(leader)
    response = client.post(_register_url(edition), {}, follow=True)
    assert "wachtlijst" in response.content.decode()
    assert Application.objects.get(applicant=leader.user).status == Status.WAITLISTED


def test_a_group_larger_than_the_free_places_is_told_it_waits_as_a_whole(login, leader, edition):
    from networks.services.registration import application_submit

    application_submit(edition_id=edition.pk, applicant=UserFactory())
    application_submit(edition_id=edition.pk, applicant=UserFactory())
    colleagues = MembershipFactory.create_batch(2, organisation=leader.organisation)
    client = login(leader)
    response = client.post(
        _register_url(edition), {"colleagues": [c.pk for c in colleagues]}, follow=True
    )
    body = response.content.decode()
    assert "groep van 3" in body and "wachtlijst" in body
    assert Application.objects.get(applicant=leader.user).status == Status.WAITLISTED


def test_the_applicant_can_leave_the_waiting_list(login, leader, edition):
    from networks.services.registration import application_submit

    edition.capacity = 1
    edition.save()
    application_submit(edition_id=edition.pk, applicant=UserFactory())
    application = application_submit(edition_id=edition.pk, applicant=leader.user)
    client = login(leader)
    client.post(reverse("networks:my_application_withdraw", kwargs={"pk": application.pk}))
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


def test_someone_else_cannot_see_or_withdraw_my_application(login, leader, outsider, edition):
    from networks.services.registration import application_submit

    application = application_submit(edition_id=edition.pk, applicant=leader.user)
    client = login(outsider)
    assert (
        client.get(reverse("networks:my_application", kwargs={"pk": application.pk})).status_code
        == 404
    )
    response = client.post(
        reverse("networks:my_application_withdraw", kwargs={"pk": application.pk})
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_leaders_of_the_other_schools_of_the_community_can_join_the_group(login, leader, edition):
    sibling = SchoolFactory(parent=leader.organisation.parent)
    sibling_leader = MembershipFactory(organisation=sibling, role=Membership.Role.LEADER)
    sibling_teacher = MembershipFactory(organisation=sibling, role=Membership.Role.STAFF)
    own_teacher = MembershipFactory(organisation=leader.organisation, role=Membership.Role.STAFF)
    page = login(leader).get(_register_url(edition))
    offered = set(page.context["form"].fields["colleagues"].queryset)
    assert {sibling_leader, own_teacher} <= offered
    assert sibling_teacher not in offered


def test_a_colleague_in_a_group_sees_the_application_but_cannot_withdraw_it(login, leader, edition):
    from networks.services.registration import application_submit

    colleague = MembershipFactory(organisation=leader.organisation)
    application = application_submit(
        edition_id=edition.pk, applicant=leader.user, people=[leader.user, colleague.user]
    )
    client = login(colleague)
    home = client.get(reverse("networks:home")).content.decode()
    assert reverse("networks:my_application", kwargs={"pk": application.pk}) in home
    page = client.get(reverse("networks:my_application", kwargs={"pk": application.pk}))
    assert "Ingeschreven door" in page.content.decode()
    response = client.post(
        reverse("networks:my_application_withdraw", kwargs={"pk": application.pk})
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_a_colleague_of_a_sibling_school_keeps_their_own_school(login, leader, edition):
    sibling = SchoolFactory(parent=leader.organisation.parent)
    sibling_leader = MembershipFactory(organisation=sibling, role=Membership.Role.LEADER)
    login(leader).post(
        _register_url(edition),
        {"school": leader.organisation_id, "colleagues": [sibling_leader.pk]},
    )
    schools = dict(Participant.objects.values_list("user_id", "school_id"))
    assert schools == {leader.user_id: leader.organisation_id, sibling_leader.user_id: sibling.pk}


def test_the_colleagues_are_read_when_the_leader_opens_their_list(login, leader, edition):
    colleague = MembershipFactory(
        organisation=leader.organisation,
        role=Membership.Role.STAFF,
        user=UserFactory(first_name="Pieter", last_name="Maes"),
    )
    client = login(leader)
    page = client.get(_register_url(edition)).content.decode()
    assert 'hx-get="' in page and "?colleagues=all" in page
    assert 'name="colleagues"' not in page
    label = f"Pieter Maes (personeelslid, {leader.organisation.name})"

    # With HTMX, only the checkboxes come back, to fill the opened list.
    fragment = client.get(
        _register_url(edition), {"colleagues": "all"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert f'value="{colleague.pk}"' in fragment and label in fragment
    assert "<form" not in fragment

    # Without JavaScript, the link reloads the page with the list open.
    page = client.get(_register_url(edition), {"colleagues": "all"}).content.decode()
    assert f'value="{colleague.pk}"' in page and label in page
    assert 'id="colleagues" open' in page


def test_a_sent_form_comes_back_with_the_chosen_colleagues_ticked(login, leader, edition):
    chosen, other = MembershipFactory.create_batch(2, organisation=leader.organisation)
    response = login(leader).post(
        _register_url(edition), {"colleagues": [chosen.pk], "leave_me_out": "on", "school": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{chosen.pk}" id="id_colleagues_{chosen.pk}" checked' in page
    assert f'value="{other.pk}" id="id_colleagues_{other.pk}">' in page
    assert 'id="colleagues" open' in page


def test_someone_without_colleagues_sees_no_colleague_list(login, outsider, edition):
    page = login(outsider).get(_register_url(edition)).content.decode()
    assert 'id="colleagues"' not in page


def test_the_colleague_list_offers_a_search_and_the_schools_teams(login, leader, edition):
    team = TeamFactory(organisation=leader.organisation, name="Kleuters")
    members = MembershipFactory.create_batch(2, organisation=leader.organisation)
    for member in members:
        TeamMembershipFactory(team=team, membership=member)
    outsider_team = TeamFactory(name="Andere school")
    TeamMembershipFactory(team=outsider_team)
    fragment = (
        login(leader)
        .get(_register_url(edition), {"colleagues": "all"}, headers={"HX-Request": "true"})
        .content.decode()
    )
    # Both need JavaScript, which shows them; without it the whole list shows.
    assert "data-colleague-tools hidden" in fragment
    assert 'type="search"' in fragment and 'data-filter-list="id_colleagues"' in fragment
    ids = " ".join(str(m.pk) for m in sorted(members, key=lambda m: m.pk))
    assert f'<option value="{ids}">Kleuters ({leader.organisation.name})</option>' in fragment
    assert "Andere school" not in fragment
    # The search and team fields have no name: the form sends only the ticked colleagues.
    assert 'name="search"' not in fragment
