"""The region data set's builder (COPY into PostgreSQL), at a tiny scale."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F, Q

from accounts.models import User
from communities.models import PLG, Meeting, PLGMember
from core.region import build_region, region_builders
from networks.models import Application, Edition, Participant, Programme
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


def _rows(queryset, *fields):
    return list(queryset.order_by("pk").values_list(*fields))


def _fingerprint():
    """Every app's region rows by natural keys: no ids (instruments get theirs from a sequence
    that a rollback does not reset) and no dates, which follow today."""
    return (
        _rows(Organisation.objects, "kind", "name", "slug", "parent__slug", "city"),
        _rows(User.objects, "email", "first_name", "last_name"),
        _rows(Membership.objects, "organisation__slug", "user__email", "role", "function"),
        _rows(TeamMembership.objects, "team__name", "membership__user__email", "is_home"),
        _rows(PLG.objects, "organisation__slug", "type", "name", "current_phase"),
        _rows(PLGMember.objects, "plg__name", "person__user__email"),
        _rows(Programme.objects, "provider__slug", "code", "title", "trainer__user__email"),
        _rows(Application.objects, "edition__programme__code", "applicant__email", "school__slug"),
        _rows(Invitation.objects, "round__number", "rater_group__kind", "email", "token"),
        _rows(
            Answer.objects,
            "response__pseudonym",
            "response__round__number",
            "item__code",
            "value",
            "score",
        ),
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
    # The data a seed has always given: a changed order of the apps' parts (they share one
    # Random) or of the draws inside one changes it. Change this digest only on purpose.
    digest = hashlib.sha256(repr(first).encode()).hexdigest()
    assert digest == "bb60bd7d85e43eea37bb40091e50b2cfb7c9347d857d0ba42a00f5de2c9919a9"


def test_each_app_writes_its_part_in_the_order_the_seed_was_drawn_in():
    # On SQLite too: the order is what keeps a seed's data, and it needs no COPY to check.
    assert [label for label, _build in region_builders()] == [
        "organisations",
        "communities",
        "networks",
        "surveys",
    ]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the message is for SQLite")
def test_it_refuses_the_region_on_sqlite_with_the_reason():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("demo", size="region", stdout=StringIO())
    assert not Organisation.objects.exists()
