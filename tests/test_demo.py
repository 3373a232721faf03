"""`manage.py demo`: the small data set, its invariants, determinism and the demo logins."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.urls import reverse

from accounts.models import User
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG, PASSWORD
from organisations.models import Membership, Organisation, Team, TeamMembership

pytestmark = pytest.mark.django_db


def _demo(**options) -> str:
    out = StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def _snapshot():
    """Everything that makes the data set recognisable, in a stable order."""
    people = list(
        Membership.objects.order_by("organisation__slug", "user__email").values_list(
            "organisation__slug",
            "user__email",
            "user__first_name",
            "user__last_name",
            "role",
            "function",
        )
    )
    teams = list(
        Team.objects.order_by("organisation__slug", "name").values_list(
            "organisation__slug", "name", "mission"
        )
    )
    links = sorted(
        TeamMembership.objects.values_list("team__name", "membership__user__email", "is_home")
    )
    return people, teams, links


def test_small_builds_one_community_with_three_schools_and_a_provider():
    _demo(size="small")
    community = Organisation.objects.get(kind=Organisation.Kind.COMMUNITY)
    schools = list(
        Organisation.objects.filter(kind=Organisation.Kind.SCHOOL)
        .annotate(
            staff=Count("memberships", distinct=True), team_count=Count("teams", distinct=True)
        )
        .order_by("-staff", "name")
    )
    assert community.name == "Scholengemeenschap Leieland"
    assert [s.parent_id for s in schools] == [community.pk] * 3
    assert schools[0].slug == MAIN_SCHOOL_SLUG
    assert [(s.staff, s.team_count) for s in schools] == [(80, 8), (30, 4), (30, 4)]
    provider = Organisation.objects.get(kind=Organisation.Kind.PROVIDER)
    assert provider.memberships.filter(role=Membership.Role.TRAINER).count() == 3


def test_every_staff_member_has_exactly_one_home_team_and_a_third_a_second_team():
    _demo(size="small")
    school_people = Membership.objects.filter(organisation__kind=Organisation.Kind.SCHOOL)
    counts = school_people.annotate(
        homes=Count("team_memberships", filter=Q(team_memberships__is_home=True)),
        others=Count("team_memberships", filter=Q(team_memberships__is_home=False)),
    )
    assert not counts.exclude(homes=1).exists()
    assert not counts.filter(others__gt=1).exists()
    share = counts.filter(others=1).count() / counts.count()
    assert 0.2 < share < 0.45
    # The home team is always a team of the person's own school.
    assert not TeamMembership.objects.exclude(
        team__organisation=F("membership__organisation")
    ).exists()


def test_a_few_people_work_in_two_schools():
    _demo(size="small")
    in_two = User.objects.annotate(
        schools=Count("memberships", filter=Q(memberships__organisation__kind="school"))
    ).filter(schools=2)
    assert 2 <= in_two.count() <= 6


# --reset flushes the database; PostgreSQL cannot TRUNCATE inside the test's own transaction.
@pytest.mark.django_db(transaction=True)
def test_two_builds_give_the_same_data():
    _demo(size="small")
    first = _snapshot()
    _demo(size="small", reset=True)
    assert _snapshot() == first
    people, teams, links = first
    assert len(people) > 140 and len(teams) == 16 and len(links) > 140


def test_running_twice_without_reset_refuses_with_a_clear_message():
    _demo(size="small")
    with pytest.raises(CommandError, match="--reset"):
        _demo(size="small")
    assert Organisation.objects.filter(kind=Organisation.Kind.SCHOOL).count() == 3


def test_if_empty_keeps_existing_data_and_succeeds():
    _demo(size="small")
    first = _snapshot()
    output = _demo(size="large", if_empty=True)
    assert "keeping it" in output and "--reset" in output
    assert _snapshot() == first


def test_every_demo_login_signs_in_with_the_demo_password(client):
    output = _demo(size="small")
    assert PASSWORD in output
    printed = [line.split()[-1] for line in output.splitlines() if "@" in line]
    assert set(LOGIN_EMAILS.values()) <= set(printed)
    for email in printed:
        response = client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
        assert response.status_code == 302, email
        assert client.session.get("_auth_user_id") == str(User.objects.get(email=email).pk)
        client.logout()


def test_the_demo_logins_have_their_roles():
    _demo(size="small")
    role_of = {
        email: set(Membership.objects.filter(user__email=email).values_list("role", flat=True))
        for email in LOGIN_EMAILS.values()
    }
    assert role_of[LOGIN_EMAILS["admin"]] == {Membership.Role.ADMIN}
    assert role_of[LOGIN_EMAILS["leader"]] == {Membership.Role.LEADER}
    assert role_of[LOGIN_EMAILS["coordinating_director"]] == {Membership.Role.LEADER}
    assert role_of[LOGIN_EMAILS["coach"]] == {Membership.Role.COACH}
    assert role_of[LOGIN_EMAILS["staff"]] == {Membership.Role.STAFF}
    assert role_of[LOGIN_EMAILS["trainer"]] == {Membership.Role.TRAINER}
    director = Membership.objects.get(user__email=LOGIN_EMAILS["coordinating_director"])
    assert director.organisation.kind == Organisation.Kind.COMMUNITY
