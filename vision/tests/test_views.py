"""The vision pages over HTTP: who sees what, the public token pages, bad input."""

import pytest
from django.test import Client
from django.urls import reverse

from vision import services
from vision.models import Contribution, PointAllocation
from vision.views import public

from .conftest import Phase, move

pytestmark = pytest.mark.django_db


def _url(name, process, **kwargs):
    return reverse(f"vision:{name}", kwargs={"slug": process.organisation.slug, "pk": process.pk})


def _contribute(group, text, client=None):
    client = client or Client()
    return client.post(reverse("vision:contribute", args=[group.token]), {"text": text})


def test_a_leader_creates_a_process_and_sees_the_links(login, school, leader):
    client = login(leader)
    response = client.post(
        reverse("vision:process_create", kwargs={"slug": school.slug}),
        {"title": "Visie 2030", "question": "Waar staan we voor?", "points": 10, "threshold": 5},
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Visie 2030" in html and html.count("/v/") >= 4


def test_a_threshold_below_three_is_refused_in_dutch(login, school, leader):
    response = login(leader).post(
        reverse("vision:process_create", kwargs={"slug": school.slug}),
        {"title": "Visie", "question": "Vraag?", "points": 10, "threshold": 2},
    )
    assert response.status_code == 200
    assert "minstens 3" in response.content.decode()


def test_staff_cannot_run_a_process_or_read_it_before_it_is_published(login, process, staff_member):
    client = login(staff_member)
    # An unpublished process is not there for them at all.
    assert client.get(_url("process_detail", process)).status_code == 404
    assert client.get(_url("cluster", process)).status_code == 404
    assert client.get(_url("results", process)).status_code == 404
    listing = client.get(reverse("vision:process_list", kwargs={"slug": process.organisation.slug}))
    assert process.title not in listing.content.decode()


def test_an_outsider_gets_404(login, process, outsider):
    assert login(outsider).get(_url("process_detail", process)).status_code == 404


def test_a_parent_contributes_through_the_link_without_an_account(groups):
    client = Client()
    page = client.get(reverse("vision:contribute", args=[groups["parents"].token]))
    assert page.status_code == 200 and "meenemen" in page.content.decode()
    response = _contribute(groups["parents"], "Meer buitenlessen", client)
    assert response.status_code == 302
    assert response["Location"] == reverse("vision:thanks", args=[groups["parents"].token])
    assert client.get(response["Location"]).status_code == 200
    contribution = Contribution.objects.get()
    assert (contribution.group, contribution.text) == (groups["parents"], "Meer buitenlessen")
    # The visitor got no session from it: nothing ties the text to a browser.
    assert "sessionid" not in client.cookies


def test_an_unknown_token_is_a_404(db):
    assert Client().get(reverse("vision:contribute", args=["nope"])).status_code == 404


def test_a_too_long_contribution_is_refused_in_dutch_and_nothing_is_stored(groups):
    response = _contribute(groups["pupils"], "x" * 1001)
    assert response.status_code == 400
    assert "niet meer dan 1000 tekens" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_contribution_after_collecting_is_refused(groups, process, leader):
    _contribute(groups["staff"], "Samen leren")
    move(process, leader, Phase.CLUSTER)
    response = _contribute(groups["staff"], "Te laat")
    assert response.status_code == 410
    assert "niets bewaard" in response.content.decode()
    assert Contribution.objects.count() == 1


def test_a_link_is_rate_limited(groups, monkeypatch):
    monkeypatch.setattr(public, "SENDS_PER_MINUTE", 2)
    assert _contribute(groups["staff"], "Een").status_code == 302
    assert _contribute(groups["staff"], "Twee").status_code == 302
    response = _contribute(groups["staff"], "Drie")
    assert response.status_code == 429
    assert Contribution.objects.count() == 2
    # Another group's link is not slowed down by it.
    assert _contribute(groups["parents"], "Vier").status_code == 302


def test_small_groups_are_merged_on_the_process_page_and_the_results(
    login, groups, process, leader
):
    for n in range(4):
        _contribute(groups["staff"], f"Personeel {n}")
    for n in range(3):
        _contribute(groups["parents"], f"Ouder {n}")
    _contribute(groups["partners"], "Partner")
    client = login(leader)
    html = client.get(_url("process_detail", process)).content.decode()
    # Staff (4) is shown; parents (3) alone would make "other groups" the partners' one.
    assert "<td>Personeel</td><td>4</td>" in html.replace("\n", "").replace("    ", "")
    assert "Andere groepen" in html and "Ouders, Partners" in html
    assert "<td>4</td>" in html
    assert ">1<" not in html.replace(" ", "")


def test_the_leader_clusters_by_choosing_a_theme_per_contribution(login, groups, process, leader):
    first = services.contribution_add(group=groups["staff"], text="Samen leren")
    second = services.contribution_add(group=groups["pupils"], text="Buiten spelen")
    move(process, leader, Phase.CLUSTER)
    client = login(leader)
    response = client.post(_url("theme_create", process), {"name": "Zorg", "description": ""})
    assert response.status_code == 302
    theme = process.themes.get()
    page = client.get(_url("cluster", process)).content.decode()
    assert f'name="c-{first.pk}"' in page and "Leerlingen" not in page
    response = client.post(_url("cluster", process), {f"c-{first.pk}": theme.pk})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.theme == theme and second.theme is None
    assert client.post(_url("cluster", process), {f"c-{first.pk}": "999"}).status_code == 400
    first.refresh_from_db()
    assert first.theme == theme


@pytest.fixture
def prioritising(groups, process, leader, leader_access):
    services.contribution_add(group=groups["staff"], text="Samen leren")
    process = move(process, leader, Phase.CLUSTER)
    care = services.theme_create(process=process, access=leader_access, name="Zorg")
    play = services.theme_create(process=process, access=leader_access, name="Spel")
    return move(process, leader, Phase.PRIORITISE), care, play


def test_a_participant_spreads_exactly_the_points(prioritising, groups):
    process, care, play = prioritising
    url = reverse("vision:prioritise", args=[groups["parents"].token])
    page = Client().get(url).content.decode()
    assert f'name="t-{care.pk}"' in page and 'type="number"' in page
    response = Client().post(url, {f"t-{care.pk}": "7", f"t-{play.pk}": "5"})
    assert response.status_code == 400
    assert "Verdeel precies 10 punten; jij verdeelde er 12." in response.content.decode()
    assert not PointAllocation.objects.exists()
    response = Client().post(url, {f"t-{care.pk}": "-1", f"t-{play.pk}": "11"})
    assert response.status_code == 400 and "negatief" in response.content.decode()
    response = Client().post(url, {f"t-{care.pk}": "7", f"t-{play.pk}": "3"})
    assert response.status_code == 302
    assert sorted(PointAllocation.objects.values_list("points", flat=True)) == [3, 7]


def test_the_live_total_is_counted_without_writing(prioritising, groups):
    _process, care, play = prioritising
    url = reverse("vision:points_total", args=[groups["parents"].token])
    response = Client().post(
        url, {f"t-{care.pk}": "4", f"t-{play.pk}": "6"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="points-total"' in html and "10" in html and "<form" not in html
    assert not PointAllocation.objects.exists()


def test_the_published_vision_is_readable_by_all_staff(
    login, prioritising, groups, leader, leader_access, staff_member
):
    process, care, play = prioritising
    parents = process.groups.get(kind="parents")
    for _n in range(3):
        services.points_submit(group=parents, spread={care.pk: 6, play.pk: 4})
    client = login(leader)
    response = client.post(_url("publish", process), {"text": "Samen groeien wij."})
    assert response.status_code == 302
    client = login(staff_member)
    html = client.get(_url("results", process)).content.decode()
    assert "Samen groeien wij." in html and "<svg" in html and "<td>18</td>" in html
    listing = client.get(reverse("vision:process_list", kwargs={"slug": process.organisation.slug}))
    assert _url("results", process) in listing.content.decode()


def test_points_are_not_shown_below_the_threshold_of_participants(
    login, prioritising, groups, leader
):
    process, care, play = prioritising
    parents = process.groups.get(kind="parents")
    services.points_submit(group=parents, spread={care.pk: 6, play.pk: 4})
    html = login(leader).get(_url("results", process)).content.decode()
    assert "<svg" not in html and "<td>6</td>" not in html


def test_publishing_without_text_is_refused(login, prioritising, leader):
    process, _care, _play = prioritising
    response = login(leader).post(_url("publish", process), {"text": "  "})
    assert response.status_code == 400
    process.refresh_from_db()
    assert process.phase == Phase.PRIORITISE


def test_the_cluster_page_reads_a_fixed_number_of_queries(
    login, groups, process, leader, leader_access, django_assert_max_num_queries
):
    for n in range(30):
        services.contribution_add(group=groups["staff"], text=f"Bijdrage {n}")
    process = move(process, leader, Phase.CLUSTER)
    for name in ["Zorg", "Spel", "Samen"]:
        services.theme_create(process=process, access=leader_access, name=name)
    client = login(leader)
    with django_assert_max_num_queries(10):
        assert client.get(_url("cluster", process)).status_code == 200


def test_nothing_about_the_sender_is_stored_anywhere(groups):
    from accounts.models import AuditEvent

    response = Client().post(
        reverse("vision:contribute", args=[groups["parents"].token]),
        {"text": "Een school waar elk kind erbij hoort"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Telefoon van An",
    )
    assert response.status_code == 302
    row = Contribution.objects.values().get()
    assert not any("203.0.113.9" in str(v) or "Telefoon" in str(v) for v in row.values())
    assert set(row) == {"id", "process_id", "group_id", "text", "theme_id", "created_at"}
    assert not AuditEvent.objects.filter(object_type="vision.contribution").exists()


def test_a_leader_adds_a_group_while_collecting_only(login, process, leader):
    client = login(leader)
    response = client.post(_url("group_add", process), {"name": "Sportclub De Pijl"})
    assert response.status_code == 302
    group = process.groups.get(name="Sportclub De Pijl")
    assert group.kind == "other" and len(group.token) >= 40
    # The same name twice is refused, with a message in Dutch.
    client.post(_url("group_add", process), {"name": "sportclub de pijl"})
    assert process.groups.count() == 5
    html = client.get(_url("process_detail", process)).content.decode()
    assert "al een groep met deze naam" in html


def test_the_phase_does_not_go_back_through_the_page(login, groups, process, leader):
    services.contribution_add(group=groups["staff"], text="Samen leren")
    client = login(leader)
    assert client.post(_url("phase_advance", process), {"to": "cluster"}).status_code == 302
    response = client.post(_url("phase_advance", process), {"to": "collect"}, follow=True)
    assert "alleen vooruit" in response.content.decode()
    process.refresh_from_db()
    assert process.phase == Phase.CLUSTER


def test_the_leaders_overview_names_the_groups_without_contributions(login, groups, school, leader):
    url = reverse("organisations:overview_sections", kwargs={"slug": school.slug, "app": "vision"})
    client = login(leader)
    services.contribution_add(group=groups["staff"], text="Samen leren")
    html = client.get(url).content.decode()
    assert "Onze visie 2027" in html
    assert "Ouders: nog geen bijdragen" in html and "Personeel: nog geen" not in html


def test_the_overview_invites_to_start_a_process(login, school, leader):
    url = reverse("organisations:overview_sections", kwargs={"slug": school.slug, "app": "vision"})
    assert "Start een visietraject" in login(leader).get(url).content.decode()


def test_while_prioritising_the_links_open_the_points_page(login, prioritising, leader):
    process, _care, _play = prioritising
    html = login(leader).get(_url("process_detail", process)).content.decode()
    token = process.groups.first().token
    assert reverse("vision:prioritise", args=[token]) in html


def test_the_points_page_before_prioritising_stores_nothing(groups):
    url = reverse("vision:prioritise", args=[groups["parents"].token])
    page = Client().get(url)
    assert page.status_code == 200
    assert reverse("vision:contribute", args=[groups["parents"].token]) in page.content.decode()
    assert Client().post(url).status_code == 410
    assert not PointAllocation.objects.exists()
