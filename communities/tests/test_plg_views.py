import pytest
from django.urls import reverse
from django.utils import timezone

from communities.models import PLG, ActionItem, PhaseRecord, PLGMember, Role
from communities.tests.factories import ActionItemFactory, PLGFactory, PLGMemberFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


def test_a_leader_starts_an_active_plg_and_becomes_its_process_coach(login, leader, school):
    response = login(leader).post(
        reverse("communities:plg_create", kwargs={"slug": school.slug}),
        {
            "type": "data_team",
            "name": "Datateam lezen",
            "learning_question": "Waarom zakt het leesniveau in het vierde leerjaar?",
            "focus": "pupils",
            "minutes_readers": "members",
            "is_open": "on",
        },
    )
    plg = PLG.objects.get(name="Datateam lezen")
    assert response.status_code == 302
    assert plg.status == PLG.Status.ACTIVE and plg.current_phase == "problem"
    member = PLGMember.objects.get(plg=plg)
    assert member.person == leader
    assert {r.role for r in member.roles.all()} == {Role.PROCESS_COACH}
    assert PhaseRecord.objects.filter(plg=plg, phase="problem", ended_at=None).exists()


def test_a_staff_member_proposes_and_a_leader_approves(login, staff_member, leader, school, client):
    login(staff_member).post(
        reverse("communities:plg_create", kwargs={"slug": school.slug}),
        {
            "type": "intervision",
            "name": "Intervisie starters",
            "learning_question": "Hoe gaan we om met onrust in de klas?",
            "focus": "team",
            "minutes_readers": "members",
        },
    )
    plg = PLG.objects.get(name="Intervisie starters")
    assert plg.status == PLG.Status.PROPOSED
    assert not PhaseRecord.objects.filter(plg=plg).exists()
    assert client.get(_url("plg_detail", plg)).status_code == 200  # the proposer sees it
    assert client.post(_url("plg_approve", plg)).status_code == 403
    client.force_login(leader.user)
    client.post(_url("plg_approve", plg))
    plg.refresh_from_db()
    assert plg.status == PLG.Status.ACTIVE
    assert PhaseRecord.objects.filter(plg=plg, phase="case").exists()


def test_a_plg_without_a_name_keeps_what_was_typed(login, leader, school):
    response = login(leader).post(
        reverse("communities:plg_create", kwargs={"slug": school.slug}),
        {
            "type": "data_team",
            "name": "",
            "learning_question": "Mijn vraag blijft staan",
            "focus": "pupils",
            "minutes_readers": "members",
        },
    )
    assert response.status_code == 200
    assert "Mijn vraag blijft staan" in response.content.decode()
    assert not PLG.objects.exists()


def test_staff_see_open_plgs_and_can_join_but_not_closed_ones(login, staff_member, school):
    open_plg = PLGFactory(organisation=school, name="Open PLG", is_open=True)
    closed_plg = PLGFactory(organisation=school, name="Besloten PLG", is_open=False)
    client = login(staff_member)
    listing = client.get(reverse("communities:plg_list", kwargs={"slug": school.slug}))
    assert "Open PLG" in listing.content.decode()
    assert "Besloten PLG" not in listing.content.decode()
    assert client.get(_url("plg_detail", closed_plg)).status_code == 404
    assert client.post(_url("plg_join", open_plg)).status_code == 302
    assert PLGMember.objects.filter(plg=open_plg, person=staff_member).exists()


def test_a_member_of_another_school_of_the_community_sees_the_plg(login, plg, coach, client):
    other_school = SchoolFactory(parent=plg.organisation.parent)
    outside_member = MembershipFactory(organisation=other_school)
    client.force_login(coach.person.user)
    client.post(_url("plg_members", plg), {"person": outside_member.pk, "roles": ["curator"]})
    member = PLGMember.objects.get(plg=plg, person=outside_member)
    assert {r.role for r in member.roles.all()} == {"curator"}
    client.force_login(outside_member.user)
    assert client.get(_url("plg_detail", plg)).status_code == 200


def test_the_coach_finds_colleagues_of_the_whole_community_by_name(login, plg, coach, outsider):
    from organisations.tests.factories import UserFactory

    other_school = SchoolFactory(parent=plg.organisation.parent, name="De Linde")
    sara = MembershipFactory(
        organisation=other_school,
        user=UserFactory(first_name="Sara", last_name="Wouters"),
        function="zorgleerkracht",
    )
    outsider.user.first_name = "Sara"
    outsider.user.save()
    page = login(coach.person).get(_url("plg_members", plg), {"q": "sara"}).content.decode()
    assert f'name="person" value="{sara.pk}"' in page
    assert "Sara Wouters (zorgleerkracht), De Linde" in page
    assert f'value="{outsider.pk}"' not in page  # another community's Sara


def test_someone_of_another_community_cannot_be_added(login, plg, coach, outsider):
    response = login(coach.person).post(_url("plg_members", plg), {"person": outsider.pk})
    assert response.status_code == 200  # the form shows the choice as invalid
    assert not PLGMember.objects.filter(plg=plg, person=outsider).exists()


def test_the_coach_sets_several_roles_and_a_plain_member_cannot(
    login, plg, coach, note_taker, client
):
    login(coach.person).post(
        _url("plg_member_roles", plg, member_pk=note_taker.pk),
        {"roles": ["note_taker", "curator"]},
    )
    assert {r.role for r in note_taker.roles.all()} == {"note_taker", "curator"}
    client.force_login(note_taker.person.user)
    response = client.post(_url("plg_member_roles", plg, member_pk=coach.pk), {"roles": []})
    assert response.status_code == 403


def test_advancing_a_phase_records_the_history(login, plg, coach):
    PhaseRecord.objects.create(plg=plg, phase="study", started_at=plg.created_at)
    login(coach.person).post(_url("plg_advance", plg), {"conclusion": "Leerdoel: tellen tot 10."})
    plg.refresh_from_db()
    assert plg.current_phase == "plan"
    records = list(PhaseRecord.objects.filter(plg=plg))
    assert [r.phase for r in records] == ["study", "plan"]
    assert records[0].ended_at is not None and records[0].conclusion == "Leerdoel: tellen tot 10."
    assert records[1].ended_at is None


def test_a_plain_member_cannot_advance_but_can_add_evidence(login, plg, note_taker):
    client = login(note_taker.person)
    assert client.post(_url("plg_advance", plg)).status_code == 403
    client.post(_url("plg_evidence_add", plg), {"text": "Foto's van het bord", "url": ""})
    assert plg.evidence.get().phase == "study"


def test_the_detail_page_shows_the_phase_guidance(login, plg, coach):
    page = login(coach.person).get(_url("plg_detail", plg)).content.decode()
    assert "Het doel en de leerlingen bestuderen" in page
    assert "Welk doel vinden leerlingen moeilijk?" in page


@pytest.mark.parametrize("rows", [2, 12])
def test_the_list_has_a_constant_query_count(
    login, leader, school, rows, django_assert_max_num_queries
):
    for i in range(rows):
        PLGMemberFactory(plg=PLGFactory(organisation=school, name=f"PLG {i}"))
    client = login(leader)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("communities:plg_list", kwargs={"slug": school.slug}))
    assert response.status_code == 200


def test_an_outsider_gets_404(login, plg, outsider):
    assert login(outsider).get(_url("plg_detail", plg)).status_code == 404


@pytest.mark.parametrize("rows", [2, 12])
def test_the_members_page_shows_home_teams_in_constant_queries(
    login, plg, coach, rows, django_assert_max_num_queries
):
    from organisations.tests.factories import TeamMembershipFactory

    for _ in range(rows):
        person = TeamMembershipFactory(team__organisation=plg.organisation, is_home=True)
        PLGMemberFactory(plg=plg, person=person.membership)
    client = login(coach.person)
    with django_assert_max_num_queries(12):
        page = client.get(_url("plg_members", plg)).content.decode()
    assert person.team.name in page


def test_evidence_without_text_keeps_the_link_and_says_what_is_missing(login, plg, note_taker):
    response = login(note_taker.person).post(
        _url("plg_evidence_add", plg), {"text": "", "url": "https://example.org/foto"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "https://example.org/foto" in page and "error-summary" in page
    assert not plg.evidence.exists()


def test_leaders_see_proposals_apart_from_running_plgs(login, leader, school):
    PLGFactory(organisation=school, name="Voorstel rekenen", status=PLG.Status.PROPOSED)
    PLGFactory(organisation=school, name="Lopende PLG")
    page = login(leader).get(reverse("communities:plg_list", kwargs={"slug": school.slug}))
    proposals = page.context["proposals"]
    assert [p.name for p in proposals] == ["Voorstel rekenen"]
    assert [p.name for p in page.context["page"]] == ["Lopende PLG"]


def test_a_phase_outside_the_cycle_is_refused(plg):
    from django.core.exceptions import ValidationError

    plg.current_phase = "hypotheses"  # a data team step, not lesson study
    with pytest.raises(ValidationError):
        plg.full_clean()


def test_only_leaders_share_a_plg_with_a_provider(login, plg, coach, leader, client):
    from organisations.tests.factories import ProviderFactory

    provider = ProviderFactory()
    data = {
        "name": plg.name,
        "learning_question": plg.learning_question,
        "focus": "pupils",
        "minutes_readers": "members",
        "shared_with": provider.pk,
        "learnings": "Samen observeren werkt.",
    }
    login(coach.person).post(_url("plg_edit", plg), data)
    plg.refresh_from_db()
    assert plg.learnings == "Samen observeren werkt." and plg.shared_with is None
    client.force_login(leader.user)
    client.post(_url("plg_edit", plg), data)
    plg.refresh_from_db()
    assert plg.shared_with == provider


def test_a_member_leaves_but_the_only_coach_must_hand_over_first(
    login, plg, coach, note_taker, client
):
    login(note_taker.person).post(_url("plg_leave", plg))
    assert not PLGMember.objects.filter(pk=note_taker.pk).exists()
    client.force_login(coach.person.user)
    client.post(_url("plg_leave", plg))
    assert PLGMember.objects.filter(pk=coach.pk).exists()


def test_the_start_form_names_the_school_subject_in_dutch(login, leader, school):
    # "subject" means "over wie" in the surveys catalogue; the PLG field has its own context.
    page = login(leader).get(reverse("communities:plg_create", kwargs={"slug": school.slug}))
    assert '<label for="id_subject">Vak:</label>' in page.content.decode()


def test_a_member_with_open_actions_is_not_removed_until_they_are_handed_over(
    login, plg, coach, note_taker, shows
):
    action = ActionItemFactory(owner=note_taker)
    client = login(coach.person)
    response = client.post(_url("plg_member_remove", plg, member_pk=note_taker.pk), follow=True)
    assert shows(
        response.content.decode(),
        "%(person)s still owns open actions: give them to someone else first.",
        person=note_taker.person.user,
    )
    assert ActionItem.objects.filter(pk=action.pk).exists()
    assert PLGMember.objects.filter(pk=note_taker.pk).exists()

    action.done_at = timezone.now()
    action.save()
    client.post(_url("plg_member_remove", plg, member_pk=note_taker.pk))
    assert not PLGMember.objects.filter(pk=note_taker.pk).exists()


def test_a_member_with_open_actions_hands_them_over_before_leaving(login, plg, note_taker, shows):
    ActionItemFactory(owner=note_taker)
    response = login(note_taker.person).post(_url("plg_leave", plg), follow=True)
    assert PLGMember.objects.filter(pk=note_taker.pk).exists()
    assert shows(
        response.content.decode(),
        "You still own open actions: hand them over before you leave this PLG.",
    )
