"""Invitation and reminder mails: in the invitee's language, with an absolute token link."""

import datetime

from django.urls import reverse

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, UserFactory
from surveys import services

from .helpers import invite


def _url(name, survey):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk})


def _by_recipient(mailoutbox):
    return {m.to[0]: m for m in mailoutbox}


def test_a_colleague_gets_the_mail_in_their_own_language(
    survey_360, school, leader, login, mailoutbox
):
    english = MembershipFactory(
        organisation=school,
        role=Membership.Role.STAFF,
        user=UserFactory(email="Colleague@School.test", language="en"),
    )
    invite(survey_360, "teachers", [english.user.email, "ouder@thuis.test", "c@x.test"])
    login(leader).post(_url("surveys:invitations_send", survey_360))
    mails = _by_recipient(mailoutbox)
    assert mails["colleague@school.test"].subject == "Your opinion: 360° september"
    assert "asks for your opinion" in mails["colleague@school.test"].body
    assert mails["ouder@thuis.test"].subject == "Jouw mening: 360° september"
    token = survey_360.rounds.get().invitations.get(email="ouder@thuis.test").token
    link = "http://testserver" + reverse("surveys:answer", args=[token])
    assert link in mails["ouder@thuis.test"].body.split()
    # The answer page opens in the language of each mail.
    languages = dict(survey_360.rounds.get().invitations.values_list("email", "language"))
    assert languages["colleague@school.test"] == "en"
    assert languages["ouder@thuis.test"] == "nl-be"


def test_typed_addresses_get_the_survey_language(
    instruments, school, leader, login, today, mailoutbox
):
    survey = services.survey_create(
        organisation=school,
        version=instruments["teampols"],
        title="Pulse",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        actor=leader.user,
        language="en",
    )
    assert survey.language == "en"
    # An address of someone outside the school keeps the survey's language.
    UserFactory(email="elders@x.test", language="nl-be")
    invite(survey, survey.rater_groups.first().kind, ["elders@x.test", "b@x.test", "c@x.test"])
    login(leader).post(_url("surveys:invitations_send", survey))
    assert len(mailoutbox) == 3
    assert {m.subject for m in mailoutbox} == {"Your opinion: Pulse"}


def test_a_reminder_follows_the_same_language(survey_360, school, leader, login, mailoutbox):
    english = MembershipFactory(
        organisation=school, role=Membership.Role.STAFF, user=UserFactory(language="en")
    )
    invite(survey_360, "teachers", [english.user.email, "b@x.test", "c@x.test"])
    client = login(leader)
    client.post(_url("surveys:invitations_send", survey_360))
    mailoutbox.clear()
    client.post(_url("surveys:reminders_send", survey_360))
    mails = _by_recipient(mailoutbox)
    assert mails[english.user.email.lower()].subject == "Reminder: 360° september"
    assert mails["b@x.test"].subject == "Herinnering: 360° september"
    token = survey_360.rounds.get().invitations.get(email="b@x.test").token
    assert f"http://testserver/s/{token}/" in mails["b@x.test"].body


def test_the_survey_form_sets_the_invitation_language(instruments, school, leader, login, today):
    response = login(leader).post(
        reverse("surveys:survey_create", kwargs={"slug": school.slug}),
        {
            "version": instruments["teampols"].pk,
            "title": "Pols",
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert school.surveys.get(title="Pols").language == "en"
