import datetime

from django.urls import reverse

from surveys import builder, services
from surveys.version_pairs import pair_items


def _pulse(school):
    instrument = builder.instrument_create(organisation=school, title_nl="Pols")
    dimension = builder.dimension_save(instrument=instrument, title_nl="Welzijn").row
    scale = builder.latest_version(instrument).scales.get()
    for code, text in (("rust", "Ik ervaar rust."), ("steun", "Ik voel me gesteund."),
                       ("tijd", "Ik heb tijd.")):  # fmt: skip
        builder.item_save(
            instrument=instrument, dimension=dimension, scale=scale, code=code, text_nl=text
        )
    return instrument


def _second_version(instrument, school, leader, today):
    services.survey_create(
        organisation=school,
        version=builder.latest_version(instrument),
        title="Pols voor",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        actor=leader.user,
    )
    old = builder.latest_version(instrument)
    steun = old.items.get(code="steun")
    builder.item_save(
        instrument=instrument,
        item=steun,
        dimension=steun.dimension,
        scale=steun.scale,
        code="steun",
        text_nl="Ik voel me gesteund door mijn team.",
    )
    new = builder.latest_version(instrument)
    builder.item_delete(instrument=instrument, item=new.items.get(code="tijd"))
    builder.open_question_save(instrument=instrument, code="wens", text_nl="Wat wens je?")
    builder.item_save(
        instrument=instrument,
        dimension=new.dimensions.get(),
        scale=new.scales.get(),
        code="plezier",
        text_nl="Ik werk hier graag.",
    )
    return old, new


def test_only_items_with_the_same_code_and_text_are_paired(school, leader, today):
    instrument = _pulse(school)
    old, new = _second_version(instrument, school, leader, today)
    pairing = pair_items(
        list(old.items.select_related("scale").order_by("position")),
        list(new.items.select_related("scale").order_by("position")),
    )
    assert [(a.code, b.code) for a, b in pairing.pairs] == [("rust", "rust")]
    assert [a.pk for a, _b in pairing.pairs] == [old.items.get(code="rust").pk]
    assert [b.code for _a, b in pairing.changed] == ["steun"]
    assert [i.code for i in pairing.only_pre] == ["tijd"]
    assert [i.code for i in pairing.only_post] == ["plezier"]
    assert {i.code for i in pairing.left_out} == {"steun", "tijd", "plezier"}


def test_identical_versions_pair_every_item(school, leader, today):
    instrument = _pulse(school)
    old = builder.latest_version(instrument)
    items = list(old.items.select_related("scale"))
    same = pair_items(items, items)
    assert len(same.pairs) == 3 and not same.left_out


def test_the_builder_page_says_which_items_a_comparison_leaves_out(login, school, leader, today):
    instrument = _pulse(school)
    _second_version(instrument, school, leader, today)
    url = reverse("surveys:instrument_detail", kwargs={"slug": school.slug, "pk": instrument.pk})
    html = login(leader).get(url).content.decode()
    assert "Vergeleken met versie 1" in html
    assert "Ik voel me gesteund door mijn team." in html and "gewijzigd" in html
    assert "Ik heb tijd." in html and "Ik werk hier graag." in html


def test_an_item_moved_to_another_dimension_is_not_paired(school, leader, today):
    instrument = _pulse(school)
    services.survey_create(
        organisation=school,
        version=builder.latest_version(instrument),
        title="Pols voor",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        actor=leader.user,
    )
    old = builder.latest_version(instrument)
    builder.dimension_save(instrument=instrument, title_nl="Werkdruk")
    new = builder.latest_version(instrument)
    tijd = new.items.get(code="tijd")
    builder.item_save(
        instrument=instrument,
        item=tijd,
        dimension=new.dimensions.get(code="werkdruk"),
        scale=tijd.scale,
        code="tijd",
        text_nl=tijd.text_nl,
    )
    pairing = pair_items(
        list(old.items.select_related("scale", "dimension").order_by("position")),
        list(new.items.select_related("scale", "dimension").order_by("position")),
    )
    assert [b.code for _a, b in pairing.moved] == ["tijd"]
    assert [b.code for _a, b in pairing.pairs] == ["rust", "steun"]
    assert [i.code for i in pairing.left_out] == ["tijd"]
