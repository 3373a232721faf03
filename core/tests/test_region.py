"""The region data set's builder (COPY into PostgreSQL), at a tiny scale."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F, Q

from accounts.models import User
from communities.models import PLG, Meeting
from core.region import build_region
from networks.models import Edition, Participant
from organisations.models import Membership, Organisation, Team, TeamMembership
from surveys.models import Answer, Invitation, Response, Round

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The region builder writes with PostgreSQL's COPY; run with DATABASE_URL set to "
    "PostgreSQL to test it.",
)
SCALE = 0.002  # 6 schools, 300 staff, about 20,000 answers


def _build(seed=7, scale=SCALE):
    lines = []
    build_region(scale=scale, seed=seed, password_hash="!", write=lines.append)
    return lines


def _fingerprint():
    return (
        list(Organisation.objects.order_by("pk").values_list("slug", "parent__slug")),
        list(User.objects.order_by("pk").values_list("email", flat=True)),
        list(Answer.objects.order_by("pk").values_list("response__pseudonym", "value")),
    )


@on_postgresql
def test_it_writes_the_region_in_every_table_it_promises():
    lines = _build()
    assert [line.split()[0] for line in lines] == [
        "organisations",
        "people",
        "plgs",
        "networks",
        "surveys",
        "answers",
        "analyze",
    ]
    schools = Organisation.objects.filter(kind="school")
    assert schools.count() == 6
    assert Organisation.objects.filter(kind="community").count() == 1
    assert Organisation.objects.filter(kind="provider").count() == 1
    assert Membership.objects.filter(organisation__kind="school").count() == 300
    assert Team.objects.count() == 24
    assert PLG.objects.count() == 6 and Meeting.objects.count() == 60
    assert Edition.objects.count() == 1 and Participant.objects.filter(group__isnull=False).exists()
    # Every school has its leader; every staff member exactly one home team in their school.
    assert not schools.exclude(memberships__role="leader").exists()
    homes = Membership.objects.filter(organisation__kind="school").annotate(
        homes=Count("team_memberships", filter=Q(team_memberships__is_home=True))
    )
    assert set(homes.values_list("homes", flat=True)) == {1}
    assert not TeamMembership.objects.exclude(
        team__organisation=F("membership__organisation")
    ).exists()
    # Two finished rounds per survey; every response answered, pre and post linked.
    assert Round.objects.filter(number=2).count() == Round.objects.filter(number=1).count() == 12
    assert Response.objects.count() == Invitation.objects.filter(status="completed").count()
    assert not Response.objects.filter(answers__isnull=True).exists()
    assert 15_000 < Answer.objects.count() < 25_000
    pre = set(Response.objects.filter(round__number=1).values_list("pseudonym", flat=True))
    post = set(Response.objects.filter(round__number=2).values_list("pseudonym", flat=True))
    assert pre == post
    # The answers' indexes and foreign keys are back after the load.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'surveys_answer'::regclass "
            "AND contype IN ('f', 'u')"
        )
        assert cursor.fetchone()[0] == 3
    # The id sequences moved past the copied rows: the ORM can add rows after them.
    assert Organisation.objects.create(kind="provider", name="Nieuw", slug="nieuw").pk > max(
        schools.values_list("pk", flat=True)
    )


@on_postgresql
def test_it_builds_the_same_data_from_the_same_seed():
    with transaction.atomic():
        _build(seed=11, scale=0.001)
        first = _fingerprint()
        transaction.set_rollback(True)
    assert not Organisation.objects.exists()
    _build(seed=11, scale=0.001)
    assert _fingerprint() == first


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the message is for SQLite")
def test_it_refuses_the_region_on_sqlite_with_the_reason():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("demo", size="region", stdout=StringIO())
    assert not Organisation.objects.exists()
