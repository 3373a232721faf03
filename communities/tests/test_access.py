"""Who sees a PLG: members, the school's own people for open PLG's, leaders and coaches for
all, the community's schools for the community's open PLG's — nobody else."""

from django.core import mail
from django.urls import reverse

from communities.models import PLG, PLGMember
from communities.tests.factories import ActionItemFactory, PLGFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, SchoolFactory


def _detail(plg):
    return reverse("communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk})


def test_a_sister_school_colleague_does_not_see_a_school_plg(client, plg):
    sister = MembershipFactory(organisation=SchoolFactory(parent=plg.organisation.parent))
    plg.is_open = True
    plg.save()
    client.force_login(sister.user)
    assert client.get(_detail(plg)).status_code == 404


def test_the_schools_coach_sees_a_closed_plg_and_staff_do_not(
    client, plg, school_coach, staff_member
):
    client.force_login(school_coach.user)
    assert client.get(_detail(plg)).status_code == 200
    client.force_login(staff_member.user)
    assert client.get(_detail(plg)).status_code == 404


def test_a_community_plg_is_open_to_staff_of_its_schools(client, school, staff_member):
    community = school.parent
    plg = PLGFactory(organisation=community, type="leaders_group", current_phase="question")
    client.force_login(staff_member.user)
    listing = client.get(reverse("communities:plg_list", kwargs={"slug": school.slug}))
    assert plg.name in listing.content.decode()
    assert client.get(_detail(plg)).status_code == 200
    client.post(reverse("communities:plg_join", kwargs={"slug": community.slug, "pk": plg.pk}))
    assert PLGMember.objects.filter(plg=plg, person=staff_member).exists()
    stranger = MembershipFactory(organisation=SchoolFactory())
    client.force_login(stranger.user)
    assert client.get(_detail(plg)).status_code == 404


def test_a_proposal_is_mailed_to_the_school_leaders(
    client, staff_member, leader, school, django_capture_on_commit_callbacks
):
    client.force_login(staff_member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("communities:plg_create", kwargs={"slug": school.slug}),
            {
                "type": "design_team",
                "name": "Ontwerpteam spelling",
                "learning_question": "Hoe maken we spellingsoefeningen betekenisvol?",
                "focus": "pupils",
                "minutes_readers": "members",
            },
        )
    assert PLG.objects.get().status == PLG.Status.PROPOSED
    assert [m.to for m in mail.outbox] == [[leader.user.email]]
    assert "Ontwerpteam spelling" in mail.outbox[0].subject


def test_an_action_is_marked_done_from_the_home_page(client, plg, coach):
    action = ActionItemFactory(owner=coach)
    client.force_login(coach.person.user)
    response = client.post(
        reverse(
            "communities:action_done",
            kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "action_pk": action.pk},
        ),
        {"next": "home"},
    )
    assert response["Location"] == reverse("dashboard")
    action.refresh_from_db()
    assert action.done_at is not None


def test_someone_elses_action_cannot_be_marked_done_by_a_plain_member(
    client, plg, coach, note_taker
):
    action = ActionItemFactory(owner=coach)
    client.force_login(note_taker.person.user)
    url = reverse(
        "communities:action_done",
        kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "action_pk": action.pk},
    )
    assert client.post(url).status_code == 403


def test_a_trainer_of_the_school_sees_no_plg(client, plg):
    trainer = MembershipFactory(organisation=plg.organisation, role=Membership.Role.TRAINER)
    plg.is_open = True
    plg.save()
    client.force_login(trainer.user)
    assert client.get(_detail(plg)).status_code == 404
