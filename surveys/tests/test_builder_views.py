import pytest
from django.urls import reverse

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamFactory, TeamMembershipFactory
from surveys import builder
from surveys.models import Instrument


def _url(name, school, **kwargs):
    return reverse(f"surveys:{name}", kwargs={"slug": school.slug, **kwargs})


@pytest.fixture
def pulse_own(school):
    instrument = builder.instrument_create(organisation=school, title_nl="Onze pols")
    dimension = builder.dimension_save(instrument=instrument, title_nl="Welzijn").row
    scale = builder.latest_version(instrument).scales.get()
    for code, text in (("rust", "Ik ervaar rust."), ("steun", "Ik voel me gesteund.")):
        builder.item_save(
            instrument=instrument, dimension=dimension, scale=scale, code=code, text_nl=text
        )
    return instrument


def _part(school, instrument, part, row=None, action="edit"):
    kwargs = {"pk": instrument.pk, "part": part}
    if row is not None:
        kwargs["row"] = row.pk
    name = {"edit": "part_edit", "move": "part_move", "delete": "part_delete"}[action]
    return _url("part_create" if row is None else name, school, **kwargs)


def test_a_leader_builds_an_instrument_in_the_browser(login, school, leader):
    client = login(leader)
    assert client.get(_url("instrument_list", school)).status_code == 200
    response = client.post(
        _url("instrument_create", school),
        {"title_nl": "Ouderbevraging", "title_en": "Parents' survey", "kind": "scan"},
    )
    instrument = Instrument.objects.get(owner=school)
    assert response["Location"] == _url("instrument_detail", school, pk=instrument.pk)
    client.post(_part(school, instrument, "dimension"), {"title_nl": "Communicatie"})
    version = builder.latest_version(instrument)
    dimension, scale = version.dimensions.get(), version.scales.get()
    response = client.post(
        _part(school, instrument, "item"),
        {
            "text_nl": "De school informeert me op tijd.",
            "text_en": "The school informs me on time.",
            "dimension": dimension.pk,
            "scale": scale.pk,
            "code": "op-tijd",
        },
    )
    assert response.status_code == 302
    item = version.items.get()
    assert (item.text_en, item.dimension, item.scale) == (
        "The school informs me on time.",
        dimension,
        scale,
    )
    page = client.get(_url("instrument_detail", school, pk=instrument.pk))
    assert "De school informeert me op tijd." in page.content.decode()


def test_an_item_without_dutch_text_shows_a_dutch_error_and_saves_nothing(
    login, school, leader, pulse_own
):
    version = builder.latest_version(pulse_own)
    response = login(leader).post(
        _part(school, pulse_own, "item"),
        {
            "text_nl": "",
            "text_en": "Only English",
            "dimension": version.dimensions.get().pk,
            "scale": version.scales.get().pk,
        },
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert version.items.count() == 2


def test_a_one_point_scale_is_refused_on_the_form(login, school, leader, pulse_own):
    response = login(leader).post(
        _part(school, pulse_own, "scale"), {"code": "ja", "minimum": 1, "maximum": 1}
    )
    assert "minstens twee punten" in response.content.decode()
    assert builder.latest_version(pulse_own).scales.count() == 1


def test_moving_an_item_works_without_javascript_and_with_htmx(login, school, leader, pulse_own):
    client = login(leader)
    version = builder.latest_version(pulse_own)
    steun = version.items.get(code="steun")
    response = client.post(_part(school, pulse_own, "item", steun, "move"), {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{steun.pk}")
    assert list(version.items.order_by("position").values_list("code", flat=True)) == [
        "steun",
        "rust",
    ]
    response = client.post(
        _part(school, pulse_own, "item", steun, "move"),
        {"direction": "down"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="builder-list"' in html and "<html" not in html
    assert f'id="move-item-{steun.pk}-down"' in html
    assert list(version.items.order_by("position").values_list("code", flat=True)) == [
        "rust",
        "steun",
    ]


def test_the_preview_renders_the_answer_page_of_the_draft(login, school, leader, pulse_own):
    client = login(leader)
    page = client.get(_url("instrument_preview", school, pk=pulse_own.pk))
    assert 'class="phone-preview"' in page.content.decode()
    frame = client.get(_url("instrument_preview_frame", school, pk=pulse_own.pk))
    html = frame.content.decode()
    assert frame.status_code == 200
    assert "Ik voel me gesteund." in html and "helemaal akkoord" in html
    assert "disabled" in html


def test_the_new_survey_form_offers_own_instruments_next_to_shipped_ones(
    login, school, leader, pulse_own, instruments
):
    html = login(leader).get(_url("survey_create", school)).content.decode()
    assert "Onze pols" in html and "Teampols" in html
    assert "Eigen instrumenten" in html


def test_copy_and_adapt_a_shipped_instrument(login, school, leader, instruments):
    shipped = instruments["teampols"]
    response = login(leader).post(_url("instrument_copy", school, pk=shipped.pk))
    copy = Instrument.objects.get(owner=school)
    assert response["Location"] == _url("instrument_detail", school, pk=copy.pk)
    assert copy.copied_from == shipped


def test_a_shipped_instrument_has_no_builder_page(login, school, leader, instruments):
    shipped = instruments["teampols"].instrument
    response = login(leader).get(_url("instrument_detail", school, pk=shipped.pk))
    assert response.status_code == 404


def test_outsider_gets_404_on_another_schools_instrument(login, school, outsider, pulse_own):
    client = login(outsider)
    assert client.get(_url("instrument_detail", school, pk=pulse_own.pk)).status_code == 404
    other = outsider.organisation
    assert client.get(_url("instrument_detail", other, pk=pulse_own.pk)).status_code == 404


def test_a_team_member_edits_their_team_instrument_and_not_another(login, school, team):
    member = TeamMembershipFactory(team=team, is_home=True).membership
    theirs = builder.instrument_create(organisation=school, title_nl="Pols", team=team)
    other = builder.instrument_create(
        organisation=school, title_nl="Andere", team=TeamFactory(organisation=school)
    )
    school_wide = builder.instrument_create(organisation=school, title_nl="School")
    client = login(member)
    assert client.get(_url("instrument_detail", school, pk=theirs.pk)).status_code == 200
    assert client.get(_url("instrument_detail", school, pk=other.pk)).status_code == 404
    assert client.get(_url("instrument_detail", school, pk=school_wide.pk)).status_code == 404
    html = client.get(_url("instrument_list", school)).content.decode()
    assert "Pols" in html and "Andere" not in html
    response = client.post(
        _url("instrument_create", school), {"title_nl": "Onze eigen", "kind": "pulse"}
    )
    assert response.status_code == 200  # a staff member's instrument is a team's
    response = client.post(
        _url("instrument_create", school),
        {"title_nl": "Onze eigen", "kind": "pulse", "team": team.pk},
    )
    assert Instrument.objects.get(code__startswith="onze-eigen").team == team


def test_a_staff_member_without_a_team_cannot_use_the_builder(login, school):
    loner = MembershipFactory(organisation=school, role=Membership.Role.STAFF)
    assert login(loner).get(_url("instrument_list", school)).status_code == 403


def test_a_leader_shares_with_the_school_community(login, school, leader, pulse_own):
    login(leader).post(
        _url("instrument_share", school, pk=pulse_own.pk), {"shared_with": "community"}
    )
    pulse_own.refresh_from_db()
    assert pulse_own.shared_with == "community"


def test_a_move_in_a_sent_version_reloads_the_page_to_say_a_new_version_began(
    login, school, leader, pulse_own, today
):
    from surveys import services

    services.survey_create(
        organisation=school,
        version=builder.latest_version(pulse_own),
        title="Pols",
        subject=None,
        opens_on=today,
        closes_on=today,
        actor=leader.user,
    )
    steun = builder.latest_version(pulse_own).items.get(code="steun")
    response = login(leader).post(
        _part(school, pulse_own, "item", steun, "move"),
        {"direction": "up"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(_url("instrument_detail", school, pk=pulse_own.pk))
    assert pulse_own.versions.count() == 2
    assert list(steun.version.items.order_by("position").values_list("code", flat=True)) == [
        "rust",
        "steun",
    ]


def test_dragging_an_item_posts_its_place_to_the_move_endpoint(login, school, leader, pulse_own):
    client = login(leader)
    version = builder.latest_version(pulse_own)
    steun = version.items.get(code="steun")
    response = client.post(
        _part(school, pulse_own, "item", steun, "move"),
        {"direction": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and 'data-drag-group="items-' in response.content.decode()
    codes = list(version.items.order_by("position").values_list("code", flat=True))
    assert codes == ["steun", "rust"]


@pytest.mark.parametrize("direction", ["0", "-1", "sideways", "", "99999"])
def test_a_bad_place_moves_nothing(login, school, leader, pulse_own, direction):
    version = builder.latest_version(pulse_own)
    steun = version.items.get(code="steun")
    url = _part(school, pulse_own, "item", steun, "move")
    assert login(leader).post(url, {"direction": direction}).status_code == 404
    codes = list(version.items.order_by("position").values_list("code", flat=True))
    assert codes == ["rust", "steun"]
