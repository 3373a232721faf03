import datetime

import pytest
from django.utils import timezone

from networks.models import Application, Participant
from networks.tests.factories import LearningGroupFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory


@pytest.fixture
def coach(school):
    return MembershipFactory(organisation=school, role=Membership.Role.COACH, function="teamcoach")


@pytest.fixture
def admin(school):
    return MembershipFactory(organisation=school, role=Membership.Role.ADMIN, function="beheerder")


@pytest.fixture
def colleague(team):
    from organisations.tests.factories import TeamMembershipFactory

    return TeamMembershipFactory(team=team).membership


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def yesterday(today):
    return today - datetime.timedelta(days=1)


def put_in_group(group, *memberships):
    application = Application.objects.create(
        edition=group.edition,
        applicant=memberships[0].user,
        school=memberships[0].organisation,
        size=len(memberships),
        status=Application.Status.ACCEPTED,
    )
    for membership in memberships:
        Participant.objects.create(
            edition=group.edition,
            application=application,
            user=membership.user,
            school=membership.organisation,
            group=group,
        )


@pytest.fixture
def learning_group(staff_member, colleague):
    group = LearningGroupFactory()
    put_in_group(group, staff_member, colleague)
    return group
