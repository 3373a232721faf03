import datetime

import pytest

from core.errors import LeerkringError
from organisations.tests.factories import ProviderFactory, TeamFactory
from surveys import builder, services
from surveys.models import Instrument, Item, Scale


@pytest.fixture
def own(school, leader):
    """A school's own pulse with one dimension and two items."""
    instrument = builder.instrument_create(
        organisation=school, title_nl="Onze pols", title_en="Our pulse", actor=leader.user
    )
    version = builder.latest_version(instrument)
    dimension = builder.dimension_save(
        instrument=instrument, title_nl="Welzijn", title_en="Well-being"
    ).row
    scale = version.scales.get()
    for code, text in (("rust", "Ik ervaar rust."), ("steun", "Ik voel me gesteund.")):
        builder.item_save(
            instrument=instrument, dimension=dimension, scale=scale, code=code, text_nl=text
        )
    return instrument


def _send(instrument, school, leader, today, *, days=14):
    return services.survey_create(
        organisation=school,
        version=builder.latest_version(instrument),
        title="Pols",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=days),
        actor=leader.user,
    )


def test_a_new_instrument_belongs_to_its_school_with_a_default_scale(own, school):
    assert own.owner == school and own.team is None and not own.is_shipped
    version = builder.latest_version(own)
    assert version.number == 1
    assert version.scales.get().points()[0] == (1, "helemaal niet akkoord")
    assert list(version.items.values_list("code", "position")) == [("rust", 1), ("steun", 2)]


def test_a_team_instrument_needs_a_team_of_the_owner_school(school, outsider):
    other_team = TeamFactory(organisation=outsider.organisation)
    with pytest.raises(LeerkringError):
        builder.instrument_create(organisation=school, title_nl="Pols", team=other_team)
    team = TeamFactory(organisation=school)
    assert builder.instrument_create(organisation=school, title_nl="Pols", team=team).team == team


def test_editing_an_unused_draft_changes_it_in_place(own):
    version = builder.latest_version(own)
    item = version.items.get(code="rust")
    edit = builder.item_save(
        instrument=own,
        item=item,
        dimension=item.dimension,
        scale=item.scale,
        code="rust",
        text_nl="Ik ervaar rust op het werk.",
    )
    assert not edit.new_version and edit.version == version
    assert own.versions.count() == 1
    assert version.items.get(code="rust").text_nl == "Ik ervaar rust op het werk."


def test_editing_a_used_version_makes_a_new_version_and_keeps_the_old(own, school, leader, today):
    survey = _send(own, school, leader, today)
    old = survey.version
    item = old.items.get(code="rust")
    edit = builder.item_save(
        instrument=own,
        item=item,
        dimension=item.dimension,
        scale=item.scale,
        code="rust",
        text_nl="Ik ervaar rust op het werk.",
    )
    assert edit.new_version and edit.version.number == 2
    assert old.items.get(code="rust").text_nl == "Ik ervaar rust."
    assert edit.version.items.get(code="rust").text_nl == "Ik ervaar rust op het werk."
    assert edit.version.items.count() == 2 and edit.version.scales.count() == 1
    survey.refresh_from_db()
    assert survey.version == old
    # The next edit goes into the same new draft.
    assert not builder.dimension_save(instrument=own, title_nl="Werkdruk").new_version
    assert own.versions.count() == 2


def test_a_version_answered_in_an_open_round_is_never_written(own, school, leader, today):
    survey = _send(own, school, leader, today)
    with pytest.raises(LeerkringError, match="ronde die nu open is"):
        builder.check_writable(survey.version)


def test_an_edit_of_an_older_version_is_refused(own, school, leader, today):
    old = _send(own, school, leader, today).version
    builder.dimension_save(instrument=own, title_nl="Werkdruk")
    item = old.items.get(code="rust")
    with pytest.raises(LeerkringError, match="nieuwste versie"):
        builder.item_delete(instrument=own, item=item)
    assert old.items.count() == 2


def test_a_shipped_instrument_is_copied_not_changed(instruments, school):
    shipped = instruments["teampols"]
    with pytest.raises(LeerkringError, match="Kopieer"):
        builder.dimension_save(instrument=shipped.instrument, title_nl="Nieuw")
    copy = builder.instrument_copy(version=shipped, organisation=school)
    version = builder.latest_version(copy)
    assert copy.owner == school and copy.copied_from == shipped and copy.kind == "pulse"
    assert version.items.count() == shipped.items.count() > 0
    assert list(version.items.values_list("code", flat=True)) == list(
        shipped.items.values_list("code", flat=True)
    )
    assert shipped.instrument.versions.count() == 1


def test_an_unshared_instrument_of_another_school_cannot_be_copied(own, outsider):
    with pytest.raises(LeerkringError):
        builder.instrument_copy(
            version=builder.latest_version(own), organisation=outsider.organisation
        )
    builder.instrument_share(instrument=own, shared_with=Instrument.Sharing.COMMUNITY)
    copy = builder.instrument_copy(
        version=builder.latest_version(own), organisation=outsider.organisation
    )
    assert copy.owner == outsider.organisation


def test_only_a_provider_shares_with_its_network(own, db):
    with pytest.raises(LeerkringError):
        builder.instrument_share(instrument=own, shared_with=Instrument.Sharing.NETWORK)
    provider = ProviderFactory()
    theirs = builder.instrument_create(organisation=provider, title_nl="Evaluatie")
    builder.instrument_share(instrument=theirs, shared_with=Instrument.Sharing.NETWORK)
    assert theirs.shared_with == "network"


def test_a_scale_with_one_point_is_refused_in_dutch(own):
    before = list(Scale.objects.values_list("pk", "minimum", "maximum"))
    with pytest.raises(LeerkringError, match="minstens twee punten"):
        builder.scale_save(instrument=own, code="ja", minimum=1, maximum=1, labels={})
    assert list(Scale.objects.values_list("pk", "minimum", "maximum")) == before


def test_a_scale_gets_labels_and_dont_know(own):
    edit = builder.scale_save(
        instrument=own,
        code="vaak",
        minimum=1,
        maximum=4,
        labels={"1": {"nl": "nooit", "en": "never"}, "4": {"nl": "altijd", "en": ""}},
        allow_unknown=True,
    )
    assert edit.row.allow_unknown
    assert edit.row.points() == [(1, "nooit"), (2, "2"), (3, "3"), (4, "altijd")]


def test_an_item_without_dutch_text_is_refused(own):
    version = builder.latest_version(own)
    with pytest.raises(LeerkringError, match="Nederlandse tekst"):
        builder.item_save(
            instrument=own,
            dimension=version.dimensions.get(),
            scale=version.scales.get(),
            code="leeg",
            text_nl="  ",
            text_en="Only English",
        )
    assert version.items.count() == 2


def test_a_duplicate_item_code_is_refused(own):
    version = builder.latest_version(own)
    with pytest.raises(LeerkringError, match="al gebruikt"):
        builder.item_save(
            instrument=own,
            dimension=version.dimensions.get(),
            scale=version.scales.get(),
            code="rust",
            text_nl="Nog eens rust.",
        )
    with pytest.raises(LeerkringError, match="al gebruikt"):
        builder.open_question_save(instrument=own, code="steun", text_nl="Wat nog?")
    assert version.items.count() == 2 and version.open_questions.count() == 0


def test_items_and_dimensions_move_and_stay_numbered_through_the_version(own):
    version = builder.latest_version(own)
    second = builder.dimension_save(instrument=own, title_nl="Werkdruk").row
    builder.item_save(
        instrument=own,
        dimension=second,
        scale=version.scales.get(),
        code="tijd",
        text_nl="Ik heb genoeg tijd.",
    )
    codes = lambda: list(version.items.order_by("position").values_list("code", flat=True))  # noqa: E731
    assert codes() == ["rust", "steun", "tijd"]
    builder.item_move(instrument=own, item=version.items.get(code="steun"), direction="up")
    assert codes() == ["steun", "rust", "tijd"]
    # The first item of a dimension stays first.
    builder.item_move(instrument=own, item=version.items.get(code="steun"), direction="up")
    assert codes() == ["steun", "rust", "tijd"]
    builder.dimension_move(instrument=own, dimension=second, direction="up")
    assert codes() == ["tijd", "steun", "rust"]
    assert list(version.items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_deleting_a_dimension_removes_its_items(own):
    version = builder.latest_version(own)
    builder.dimension_delete(instrument=own, dimension=version.dimensions.get())
    assert not Item.objects.filter(version=version).exists()


def test_a_scale_in_use_stays(own):
    version = builder.latest_version(own)
    with pytest.raises(LeerkringError):
        builder.scale_delete(instrument=own, scale=version.scales.get())
    assert version.scales.count() == 1


def test_an_item_dragged_to_a_place_moves_there_within_its_dimension(own):
    version = builder.latest_version(own)
    builder.item_save(
        instrument=own,
        dimension=version.dimensions.get(),
        scale=version.scales.get(),
        code="tijd",
        text_nl="Ik heb genoeg tijd.",
    )
    codes = lambda: list(version.items.order_by("position").values_list("code", flat=True))  # noqa: E731
    assert codes() == ["rust", "steun", "tijd"]
    builder.item_move(instrument=own, item=version.items.get(code="tijd"), direction=1)
    assert codes() == ["tijd", "rust", "steun"]
    # A place past the end is the last place.
    builder.item_move(instrument=own, item=version.items.get(code="tijd"), direction=99)
    assert codes() == ["rust", "steun", "tijd"]
    assert list(version.items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]
