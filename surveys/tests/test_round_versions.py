"""Rounds keep the instrument version they were answered with: the post-measurement offers a
newer version and says what changes, and the report compares only the unchanged items."""

import datetime

import pytest
from django.urls import reverse

from core.errors import LeerkringError
from surveys import builder, services
from surveys.answering import Parsed, answers_store, questions_for
from surveys.models import Invitation
from surveys.reports import report_context

from .helpers import add_responses, close


def _pulse(school, *, unknown=False):
    instrument = builder.instrument_create(organisation=school, title_nl="Pols")
    dimension = builder.dimension_save(instrument=instrument, title_nl="Welzijn").row
    scale = builder.latest_version(instrument).scales.get()
    if unknown:
        scale = builder.scale_save(
            instrument=instrument,
            scale=scale,
            code=scale.code,
            minimum=1,
            maximum=5,
            labels={},
            allow_unknown=True,
        ).row
    for code, text in (("rust", "Ik ervaar rust."), ("steun", "Ik voel me gesteund."),
                       ("tijd", "Ik heb tijd.")):  # fmt: skip
        builder.item_save(
            instrument=instrument, dimension=dimension, scale=scale, code=code, text_nl=text
        )
    return instrument


def _survey(school, leader, instrument, today, **options):
    """A pulse whose pre round is open now."""
    return services.survey_create(
        organisation=school,
        version=builder.latest_version(instrument),
        title="Pols voor en na",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        actor=leader.user,
        **options,
    )


def _adapt(instrument):
    """Version 2: `steun` reworded, `tijd` removed, `plezier` new; `rust` unchanged."""
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
    builder.item_save(
        instrument=instrument,
        dimension=new.dimensions.get(),
        scale=new.scales.get(),
        code="plezier",
        text_nl="Ik werk hier graag.",
    )
    return old, new


def _post(survey, leader, today, version=None):
    return services.round_start_post(
        survey=survey,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        version=version,
        actor=leader.user,
    )


def _by_code(values):
    return lambda _index, item: values[item.code]


# What the staff answer before and after; only `rust` is in both versions unchanged.
PRE = {"rust": 2, "steun": 2, "tijd": 5}
POST = {"rust": 4, "steun": 5, "plezier": 1}


@pytest.fixture
def instrument(request, school):
    """The pulse in version 1: `rust`, `steun` and `tijd` on one scale, which allows "I don't
    know" when a test parametrises this fixture indirectly with True."""
    return _pulse(school, unknown=getattr(request, "param", False))


@pytest.fixture
def survey(school, leader, instrument, today):
    return _survey(school, leader, instrument, today)


@pytest.fixture
def versions(instrument, survey):
    """(version 1, which the survey's pre round answers; version 2, see `_adapt`)."""
    return _adapt(instrument)


@pytest.fixture
def measured(survey, versions, leader, today):
    """Closes the pre round on version 1 and a post round on version 2, each answered by
    `raters` staff with PRE and POST; returns (pre, post)."""

    def _measure(raters):
        pre = survey.rounds.get()
        add_responses(survey, pre, "staff", raters, value=_by_code(PRE))
        close(pre)
        post = _post(survey, leader, today, version=versions[1])
        add_responses(survey, post, "staff", raters, value=_by_code(POST))
        close(post)
        return pre, post

    return _measure


def test_the_first_round_keeps_the_version_the_survey_was_sent_with(survey, versions):
    _old, new = versions
    first = survey.rounds.get()
    assert first.version == survey.version and first.version.number == 1
    assert new.number == 2
    invitation = add_responses(survey, first, "staff", 1)[0]
    items, _questions = questions_for(invitation)
    assert {item.code for item in items} == {"rust", "steun", "tijd"}


def test_the_post_round_page_offers_the_newer_version_and_says_what_changes(
    login, school, leader, today, survey, versions
):
    _old, new = versions
    url = reverse("surveys:round_create", kwargs={"slug": school.slug, "pk": survey.pk})
    html = login(leader).get(url).content.decode()
    assert "Een nieuwere versie van het instrument" in html
    assert "Versie 2, de nieuwste" in html and "Versie 1, zoals in de voormeting" in html
    assert "vergelijkt het rapport 1 item met de voormeting" in html
    assert "Ik voel me gesteund door mijn team." in html
    assert "de tekst of de schaal is veranderd" in html
    assert "Ik heb tijd." in html and "verwijderd in de nieuwere versie" in html
    assert "Ik werk hier graag." in html and "nieuw in de nieuwere versie" in html

    response = login(leader).post(
        url,
        {
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
            "version": str(new.pk),
        },
    )
    assert response.status_code == 302
    post = survey.rounds.get(number=2)
    assert post.version == new
    detail = login(leader).get(response.url).content.decode()
    assert "Pols (v2)" in detail
    invitation = Invitation.objects.create(
        round=post, rater_group=survey.rater_groups.get(), email="a@x.test", token="t-post"
    )
    page = login(leader).get(reverse("surveys:answer", args=["t-post"])).content.decode()
    assert "Ik werk hier graag." in page and "Ik heb tijd." not in page
    assert {item.code for item in questions_for(invitation)[0]} == {"rust", "steun", "plezier"}


def test_the_post_round_may_ask_the_pre_rounds_version_again(
    login, school, leader, today, survey, versions
):
    old, _new = versions
    url = reverse("surveys:round_create", kwargs={"slug": school.slug, "pk": survey.pk})
    login(leader).post(
        url,
        {
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
            "version": str(old.pk),
        },
    )
    assert survey.rounds.get(number=2).version == old


def test_without_a_newer_version_the_post_round_asks_the_same_questions(
    login, school, leader, today, survey
):
    url = reverse("surveys:round_create", kwargs={"slug": school.slug, "pk": survey.pk})
    html = login(leader).get(url).content.decode()
    assert "nieuwere versie" not in html and 'name="version"' not in html
    assert _post(survey, leader, today).version == survey.version


def test_a_version_of_another_instrument_or_an_older_one_is_refused(school, leader, today, survey):
    other = builder.latest_version(_pulse(school))
    with pytest.raises(LeerkringError):
        _post(survey, leader, today, version=other)
    assert survey.rounds.count() == 1


def test_a_round_answering_a_version_keeps_it_from_being_changed(
    leader, today, instrument, survey, versions
):
    _old, new = versions
    _post(survey, leader, today, version=new)
    edit = builder.item_save(
        instrument=instrument,
        dimension=new.dimensions.get(),
        scale=new.scales.get(),
        code="extra",
        text_nl="Nog een vraag.",
    )
    assert edit.new_version and edit.version.number == 3
    assert not new.items.filter(code="extra").exists()


def test_the_report_compares_only_the_items_both_versions_share(
    login, school, leader, survey, measured
):
    measured(raters=5)
    context = report_context(survey)
    comparison = context["comparison"]
    (row,) = comparison["rows"]
    # Only `rust` is compared: 2 before, 4 after (all items would give 3.0 and 3.3).
    assert (row["pre"].mean, row["post"].mean) == (2.0, 4.0)
    assert [b.code for _a, b in comparison["pairing"].pairs] == ["rust"]
    assert {i.code for i in comparison["pairing"].left_out} == {"steun", "tijd", "plezier"}
    # The post round itself shows every item of its own version.
    assert {r["item"].code for row in context["rows"] for r in row["items"]} == {
        "rust",
        "steun",
        "plezier",
    }

    url = reverse("surveys:report", kwargs={"slug": school.slug, "pk": survey.pk})
    html = login(leader).get(url).content.decode()
    assert "met versie 1 van het instrument, de nameting met versie 2" in html
    assert "Ik heb tijd." in html and "verwijderd in de nieuwere versie" in html
    pre_html = login(leader).get(url, {"round": 1}).content.decode()
    assert "Ik heb tijd." in pre_html and "(v1)" in pre_html


def _answer(survey, round_, email, values):
    """One submitted response; `values` by item code, None for "I don't know"."""
    invitation, _created = Invitation.objects.get_or_create(
        round=round_,
        email=email,
        defaults={"rater_group": survey.rater_groups.get(), "token": f"t-{round_.pk}-{email}"},
    )
    items, _questions = questions_for(invitation)
    parsed = Parsed(values={item.pk: values[item.code] for item in items if item.code in values})
    answers_store(invitation=invitation, items=items, parsed=parsed, submit=True)


@pytest.mark.parametrize("instrument", [True], indirect=True, ids=["unknown_allowed"])
def test_a_comparison_never_stands_next_to_a_round_it_differs_from_by_one_rater(
    leader, today, survey, versions
):
    """Five raters in both rounds; one of them answered only the items the new version left
    out. The comparison's dimension would rest on four of the five raters the rounds'
    own dimension rests on: side by side, the two would describe that one rater."""
    pre = survey.rounds.get()
    for n in range(5):
        rust = None if n == 0 else 3
        _answer(survey, pre, f"r{n}@x.test", {"rust": rust, "steun": 4, "tijd": 4})
    close(pre)
    post = _post(survey, leader, today, version=versions[1])
    for n in range(5):
        rust = None if n == 0 else 4
        _answer(survey, post, f"r{n}@x.test", {"rust": rust, "steun": 4, "plezier": 4})
    close(post)
    context = report_context(survey)
    (row,) = context["comparison"]["rows"]
    assert row["pre"] is None and row["post"] is None
    # Each round's own dimension (five raters) is still shown.
    assert context["rows"][0]["total"].n == 5


def test_the_raw_data_shares_a_column_only_for_unchanged_items(survey, measured):
    from io import BytesIO

    from openpyxl import load_workbook

    from surveys.exports import report_xlsx_bytes

    measured(raters=3)
    sheet = load_workbook(BytesIO(report_xlsx_bytes(survey))).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][2:] == ["rust", "steun", "tijd", "steun (v2)", "plezier (v2)"]
    assert sorted(tuple(row) for row in rows[1:]) == [
        *[(1, rows[1][1], 2, 2, 5, None, None)] * 3,
        *[(2, rows[1][1], 4, None, None, 5, 1)] * 3,
    ]


def _report_queries(client, url) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_report_across_two_versions_reads_as_many_queries_whatever_the_raters(
    login, school, leader, survey, measured
):
    from core.bench import MAX_QUERIES

    pre, post = measured(raters=4)
    client = login(leader)
    url = reverse("surveys:report", kwargs={"slug": school.slug, "pk": survey.pk})
    client.get(url)  # reads what Django keeps per process (content types)
    few = _report_queries(client, url)
    for round_, values in (
        (pre, {"rust": 3, "steun": 2, "tijd": 4}),
        (post, {"rust": 5, "steun": 3, "plezier": 2}),
    ):
        round_.closed = False
        round_.save(update_fields=["closed"])
        add_responses(survey, round_, "staff", 12, value=_by_code(values), prefix="more")
        close(round_)
    assert _report_queries(client, url) == few <= MAX_QUERIES


def test_the_pdf_says_which_items_the_comparison_left_out(
    login, school, leader, survey, measured, tmp_path
):
    from django.utils import translation

    from core.tests.pdf import assert_shown_within_the_pages, pdf_page_png, pdf_pages_text

    measured(raters=5)
    url = reverse("surveys:report_pdf", kwargs={"slug": school.slug, "pk": survey.pk})
    with translation.override("nl"):
        pdf = login(leader).get(url, HTTP_ACCEPT_LANGUAGE="nl").content
    assert_shown_within_the_pages(pdf, ["Ik heb tijd.", "Ik werk hier graag.", "Voor", "Na"])
    text = " ".join(" ".join(pdf_pages_text(pdf)).split())
    assert "met versie 1 van het instrument, de nameting met versie 2" in text
    page = next(n for n, t in enumerate(pdf_pages_text(pdf)) if "Ik heb tijd." in t)
    pdf_page_png(pdf, tmp_path / "page.png", page=page)
    assert (tmp_path / "page.png").stat().st_size > 0


def test_an_open_link_of_the_post_round_asks_the_questions_of_its_version(
    client, school, leader, today, instrument
):
    from django.core.cache import cache

    from surveys import open_links

    survey = _survey(school, leader, instrument, today, rater_groups=["parents"])
    close(survey.rounds.get())
    _old, new = _adapt(instrument)
    post = _post(survey, leader, today, version=new)
    link = open_links.open_link_open(
        round_=post, group=survey.rater_groups.get(), actor=leader.user
    )
    cache.clear()
    page = client.get(reverse("surveys:open_answer", args=[link.token])).content.decode()
    assert "Ik werk hier graag." in page and "Ik heb tijd." not in page
