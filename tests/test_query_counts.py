"""The query count of every bench page does not grow with the data.

Builds the small demo data set, counts the SQL queries of every page in the bench
(every app's bench_pages.py), rebuilds as the large data set (50 schools, 5,000 staff) and
counts again: the counts must be equal, and at most 12, on every page.
"""

import re
from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import resolve
from django.utils import translation

from accounts.models import User
from core.bench import (
    FLOOR_URL,
    MAX_QUERIES,
    BenchPage,
    bench_pages,
    bench_settings,
    count_queries,
    measure,
    problems,
)
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from organisations.models import Membership, Team, TeamMembership

pytestmark = pytest.mark.django_db


def _counts(size: str, reset: bool = False) -> dict[str, int]:
    call_command("demo", size=size, reset=reset, stdout=StringIO())
    counts = {}
    with bench_settings():
        pages = bench_pages()
        assert any(page.method == "post" for page in pages), "no form post in the bench"
        for page in pages:
            status, queries = count_queries(page)
            assert status == 200, f"{page.name} ({page.url}) answered {status} on {size}"
            counts[page.name] = queries
    return counts


# --reset flushes the database; PostgreSQL cannot TRUNCATE inside the test's own transaction.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_bench_pages_make_as_many_queries_on_large_as_on_small():
    small = _counts("small")
    large = _counts("large", reset=True)
    assert {"staff list", "team list", "team detail", "survey submit"} <= set(small)
    assert large == small
    too_many = {name: n for name, n in large.items() if n > MAX_QUERIES}
    assert not too_many, f"more than {MAX_QUERIES} queries: {too_many}"


# The pages the bench made faster still show what they showed before.


@pytest.fixture
def leader_client(client):
    call_command("demo", size="small", stdout=StringIO())
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    return client


def test_staff_list_shows_each_role_in_dutch(leader_client):
    response = leader_client.get(f"/o/{MAIN_SCHOOL_SLUG}/people/?q=goossens")
    assert "<td>directeur</td>" in response.content.decode()  # the leader, Katrien Goossens
    with translation.override("nl-be"):
        staff_label = str(Membership.Role.STAFF.label)
    assert staff_label == "personeelslid"
    response = leader_client.get(f"/o/{MAIN_SCHOOL_SLUG}/people/?q=leerkracht")
    assert f"<td>{staff_label}</td>" in response.content.decode()


def test_team_list_names_the_first_eight_members_home_members_first(leader_client):
    response = leader_client.get(f"/o/{MAIN_SCHOOL_SLUG}/teams/")
    page = list(response.context["page"])
    assert len(page) == 8
    for team in page:
        preview = team.members_preview
        assert len(preview) == min(8, team.member_count)
        assert [tm.is_home for tm in preview] == sorted(
            (tm.is_home for tm in preview), reverse=True
        )
        assert {tm.team_id for tm in preview} == {team.pk}
    long_teams = sum(1 for team in page if team.member_count > 8)
    assert long_teams and response.content.decode().count(", …") == long_teams


def test_team_detail_finds_the_colleagues_outside_the_team(leader_client):
    team = Team.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).order_by("name").first()
    url = f"/o/{MAIN_SCHOOL_SLUG}/teams/{team.pk}/"
    assert 'name="person"' not in leader_client.get(url).content.decode()  # until one types
    outside = Membership.objects.filter(organisation=team.organisation, is_active=True).exclude(
        team_memberships__team=team
    )
    # Everyone's address has the school's domain: a search for it matches the whole school.
    domain = team.organisation.memberships.first().user.email.split("@")[1]
    html = leader_client.get(url, {"q": domain}).content.decode()
    assert html.count('name="person"') == min(outside.count(), 15)
    assert ("Meer mensen komen overeen" in html) == (outside.count() > 15)
    for link in team.team_memberships.all():
        assert f'name="person" value="{link.membership_id}"' not in html
    assert 'aria-describedby="id_is_home_helptext"' in html


def test_team_detail_links_and_forms_reach_their_views(leader_client):
    team = Team.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).order_by("name").first()
    html = leader_client.get(f"/o/{MAIN_SCHOOL_SLUG}/teams/{team.pk}/").content.decode()
    actions = re.findall(r'<form method="post" action="([^"]+)"', html)
    names = [resolve(url).url_name for url in actions]
    homes = team.team_memberships.filter(is_home=True).count()
    others = team.team_memberships.count() - homes
    assert names.count("team_member_remove") == homes + others
    assert names.count("team_member_make_home") == others
    links = re.findall(r'<td><a href="([^"]+)">', html)
    assert {resolve(url).url_name for url in links} == {"person_detail"}
    assert {resolve(url).kwargs["pk"] for url in links} == set(
        team.team_memberships.values_list("membership_id", flat=True)
    )


def test_the_floor_costs_only_the_session_and_the_user(leader_client):
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff_list = BenchPage("staff list", f"/o/{MAIN_SCHOOL_SLUG}/people/", leader)
    with bench_settings():
        floor, page = measure(
            [BenchPage("floor", FLOOR_URL, leader), staff_list], requests=3, warmup=1
        )
        assert (page.status, page.queries) == count_queries(staff_list)
    assert (floor.status, floor.queries) == (200, 2)
    assert 0 < floor.median_ms <= floor.p95_ms
    assert page.database == floor.database
    # The staff list reads its rows from the database and renders them: both take time,
    # and with the rest (middleware, view) they make up the whole.
    assert page.sql_share > 0
    assert page.render_share > 0
    assert page.sql_share + page.render_share <= 1


def test_a_page_that_misses_a_target_is_named_with_the_reason(leader_client):
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    with bench_settings():
        floor, missing = measure(
            [BenchPage("floor", FLOOR_URL, leader), BenchPage("gone", "/o/gone/", leader)],
            requests=2,
            warmup=0,
        )
    assert problems(floor, floor) == []
    assert problems(missing, floor)[0] == "status 404"
    slow = replace(floor, median_ms=floor.median_ms * 6, p95_ms=floor.median_ms * 11, queries=13)
    assert problems(slow, floor) == ["13 queries > 12", "median > 5× floor", "p95 > 10× floor"]
    hiccup = replace(floor, p95_ms=floor.median_ms * 11)
    assert problems(hiccup, floor) == ["p95 > 10× floor"]


def test_a_post_page_gets_fresh_data_for_every_request(leader_client):
    from surveys.models import Invitation

    with bench_settings():
        submit = next(page for page in bench_pages() if page.name == "survey submit")
        completed = Invitation.objects.filter(status=Invitation.Status.COMPLETED).count()
        floor, result = measure(
            [BenchPage("floor", FLOOR_URL, submit.user), submit], requests=3, warmup=1
        )
        assert (result.status, result.queries) == count_queries(submit)
    # One warm-up, three timed, then twice two for count_queries (a warm request and the
    # counted one), in measure and here: each a new rater.
    assert Invitation.objects.filter(status="completed").count() == completed + 8
    assert result.queries <= MAX_QUERIES


def test_the_floor_exists_only_in_the_bench(leader_client):
    assert leader_client.get(FLOOR_URL).status_code == 404


def test_school_overview_counts_people_teams_and_those_without_a_home_team(leader_client):
    nestless = Membership.objects.get(user__email=LOGIN_EMAILS["staff"])
    TeamMembership.objects.filter(membership=nestless, is_home=True).delete()
    Membership.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG, role="coach").update(
        is_active=False
    )
    response = leader_client.get(f"/o/{MAIN_SCHOOL_SLUG}/")
    active = Membership.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG, is_active=True)
    figures = response.context["figures"]
    assert figures["staff"] == active.count() < 80
    assert figures["teams"] == 8
    assert figures["without_home"] == 1
    assert figures["roles"] == {"leader": 1, "staff": active.count() - 1}
    assert [m.pk for m in response.context["without_home"]] == [nestless.pk]
