"""Overdue actions: on the owner's home page and in the weekly digest mail."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from development.models import Action
from development.services import goal_create
from development.tasks import send_overdue_digest


def _action(school, leader, owner, days, status=Action.Status.DO, title="Werkvormen kiezen"):
    goal = goal_create(
        organisation=school,
        title=f"Doel voor {title}",
        description="Meetbaar",
        starts_on=timezone.localdate() - datetime.timedelta(days=60),
        deadline=timezone.localdate() + datetime.timedelta(days=60),
        actor=leader.user,
    )
    return Action.objects.create(
        organisation=school,
        goal=goal,
        title=title,
        owner=owner,
        status=status,
        deadline=timezone.localdate() + datetime.timedelta(days=days),
    )


def test_the_owner_sees_their_overdue_actions_on_the_home_page(school, leader, staff_member, login):
    late = _action(school, leader, staff_member, -3, title="Te laat")
    _action(school, leader, staff_member, 5, title="Op tijd")
    _action(school, leader, staff_member, -3, status=Action.Status.ACT, title="Afgerond")
    _action(school, leader, leader, -3, title="Van de directeur")
    page = login(staff_member).get(reverse("dashboard")).content.decode()
    assert "Mijn acties die te laat zijn" in page
    assert late.title in page
    assert "Op tijd" not in page and "Afgerond" not in page and "Van de directeur" not in page


def test_the_weekly_digest_mails_each_owner_once(school, leader, staff_member):
    _action(school, leader, staff_member, -3, title="Te laat")
    _action(school, leader, staff_member, -10, title="Nog later")
    _action(school, leader, leader, 4, title="Op tijd")
    result = send_overdue_digest.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff_member.user.email]
    assert "2" in message.subject
    assert "Te laat" in message.body and "Nog later" in message.body
    assert "Op tijd" not in message.body
