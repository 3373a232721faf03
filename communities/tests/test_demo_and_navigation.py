import pytest
from django.urls import reverse

from accounts.models import User
from communities.models import PLG, Meeting, Product
from communities.selectors_home import open_actions_for_user
from communities.tests.factories import MeetingFactory, PLGMemberFactory
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG


@pytest.fixture
def small_demo(db):
    from core.management.commands.demo import build_demo

    return build_demo("small")


def test_the_small_demo_has_a_plg_of_every_type_at_different_phases(small_demo):
    plgs = PLG.objects.all()
    assert {p.type for p in plgs} == set(PLG.Type.values)
    assert PLG.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).count() == 6
    positions = {p.cycle.index(p.current_phase) for p in plgs}
    assert len(positions) >= 3
    minutes = Meeting.objects.exclude(minutes="").values_list("minutes", flat=True)
    assert minutes and all("## " in m for m in minutes)
    assert Product.objects.filter(plg__type="lesson_study").exists()


def test_the_demo_teacher_sees_open_actions_and_the_bench_pages_open(small_demo, client):
    from communities.bench_pages import pages

    teacher = User.objects.get(email=LOGIN_EMAILS["staff"])
    actions = open_actions_for_user(teacher)
    assert actions
    # No meeting hands the teacher the same action twice.
    assert len({(a.meeting_id, a.description) for a in actions}) == len(actions)
    for page in pages():
        client.force_login(page.user)
        assert client.get(page.url).status_code == 200, page.name


def test_school_pages_show_a_plg_link_in_the_navigation(login, staff_member, school):
    page = (
        login(staff_member)
        .get(reverse("organisations:overview", kwargs={"slug": school.slug}))
        .content.decode()
    )
    assert reverse("communities:plg_list", kwargs={"slug": school.slug}) in page


@pytest.mark.parametrize("members", [2, 15])
def test_the_meeting_page_has_a_constant_query_count(
    login, plg, coach, members, django_assert_max_num_queries
):
    for _ in range(members):
        PLGMemberFactory(plg=plg)
    meeting = MeetingFactory(plg=plg)
    client = login(coach.person)
    url = reverse(
        "communities:meeting_detail",
        kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk},
    )
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("meetings", [1, 12])
def test_the_plg_page_has_a_constant_query_count(
    login, plg, coach, meetings, django_assert_max_num_queries
):
    for _ in range(meetings):
        MeetingFactory(plg=plg)
    client = login(coach.person)
    url = reverse("communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk})
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
