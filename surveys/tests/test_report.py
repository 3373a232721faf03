import datetime

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory
from surveys import services
from surveys.models import Answer
from surveys.reports import TOTAL, report_context

from .helpers import add_responses, close, scored


def _url(survey, name="surveys:report"):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk})


@pytest.fixture
def answered(survey_360):
    """Pre round: self, 5 teachers, 2 support staff, 1 parent-like "others"."""
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "self", 1, value=5, comment="Zelf")
    add_responses(survey_360, round_, "teachers", 5, value=4, comment="Leerkracht")
    add_responses(survey_360, round_, "support", 2, value=2, comment="Ondersteuning")
    add_responses(survey_360, round_, "others", 1, value=1, comment="Ander")
    close(round_)
    return survey_360


def test_results_of_an_open_round_are_not_shown(survey_360, leader, login):
    add_responses(survey_360, survey_360.rounds.get(), "teachers", 5)
    response = login(leader).get(_url(survey_360))
    assert response.status_code == 200
    assert response.context.get("current") is None
    assert "rows" not in response.context


def test_a_small_group_is_merged_into_others_when_that_reaches_three(answered, leader, login):
    response = login(leader).get(_url(answered))
    cells = {c.key: c.n for c in response.context["current"].cells}
    assert cells == {"self": 1, "teachers": 5, "merged": 3, TOTAL: 8}
    page = response.content.decode()
    assert "Ondersteuning" in page and "Ander" in page


def test_a_group_too_small_even_when_merged_is_hidden_everywhere(survey_360, leader, login):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 4, value=4, comment="Leerkracht")
    add_responses(survey_360, round_, "support", 2, value=1, comment="Geheim")
    close(round_)
    context = login(leader).get(_url(survey_360)).context
    cells = {c.key: c.n for c in context["current"].cells}
    assert cells == {"teachers": 4, TOTAL: 4}
    assert len(context["current"].hidden) == 1
    # The total is the teachers' score alone: the support staff's 1s are left out.
    first = context["rows"][0]
    teachers = dict((cell.key, s) for cell, s in first["cells"])["teachers"]
    assert first["total"] == teachers
    page = login(leader).get(_url(survey_360)).content.decode()
    assert "Geheim" not in page


def test_per_dimension_and_item_n_mean_spread_and_distribution(answered, leader, login):
    context = login(leader).get(_url(answered)).context
    vision = context["rows"][0]
    assert vision["dimension"].code == "visie"
    row = next(r for r in vision["items"] if r["item"].code == "VIS1")
    # teachers 5 x 4, support 2 x 2, others 1 x 1 -> n 8, mean (20 + 4 + 1) / 8
    assert row["total"].n == 8
    assert row["total"].mean == pytest.approx(25 / 8)
    counts = {d["value"]: d["n"] for d in row["distribution"]}
    assert counts == {1: 1, 2: 2, 3: 0, 4: 5, 5: 0}
    assert row["self"].mean == 5
    assert row["gap"] == pytest.approx(5 - 25 / 8)


def test_reverse_scored_items_count_the_right_way_round(answered, leader, login):
    context = login(leader).get(_url(answered)).context
    vision = context["rows"][0]
    reverse_row = next(r for r in vision["items"] if r["item"].code == "VIS5")
    # teachers answered 4 on "I often don't know why..." which scores 2
    assert reverse_row["total"].mean == pytest.approx((5 * 2 + 2 * 4 + 1 * 5) / 8)


def test_strongest_and_weakest_items_and_priorities(answered, leader, login):
    context = login(leader).get(_url(answered)).context
    assert context["strongest"][0]["total"].mean >= context["weakest"][0]["total"].mean
    assert len(context["priorities"]) == 6


def test_an_item_leaves_out_a_cell_with_too_few_answers_also_from_its_total(
    survey_360, leader, login
):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 4, value=4)
    add_responses(survey_360, round_, "support", 3, value=3)
    # Two of the three support staff answer "I don't know" on VIS1: support's VIS1 rests on
    # one person. It is not shown, and the VIS1 total holds only the teachers, so the total
    # minus the teachers never reveals that one answer.
    ids = list(
        Answer.objects.filter(item__code="VIS1", response__rater_group__kind="support")
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    Answer.objects.filter(pk__in=ids).update(value=None, score=None)
    close(round_)
    context = report_context(survey_360)
    row = next(r for r in context["rows"][0]["items"] if r["item"].code == "VIS1")
    cells = dict((cell.key, summary) for cell, summary in row["cells"])
    assert cells["support"] is None
    assert (row["total"].n, row["total"].mean) == (4, 4.0)
    assert row["total"] == cells["teachers"]
    other = next(r for r in context["rows"][0]["items"] if r["item"].code == "VIS2")
    assert other["total"].n == 7


def test_comments_of_hidden_groups_never_appear(survey_360, leader, login):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 3, comment="Zichtbaar")
    add_responses(survey_360, round_, "support", 1, comment="Verborgen")
    close(round_)
    page = login(leader).get(_url(survey_360)).content.decode()
    assert "Zichtbaar 0" in page
    assert "Verborgen" not in page


def test_viewing_a_360_report_is_audited(answered, leader, login):
    login(leader).get(_url(answered))
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_id=str(answered.pk), actor=leader.user
    ).exists()


def test_a_360_report_is_for_its_subject_not_for_other_leaders(answered, school, login):
    admin = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    for name in ("surveys:report", "surveys:report_pdf", "surveys:report_xlsx"):
        response = login(admin).get(_url(answered, name))
        # The leader learns who reads it, and nothing of what it says.
        assert response.status_code == 403
        page = response.content.decode()
        assert "Zelf" not in page and "Leerkracht" not in page
        assert "rows" not in response.context and "current" not in response.context
    assert not AuditEvent.objects.filter(actor=admin.user, object_id=str(answered.pk)).exists()


@pytest.fixture
def about_a_colleague(instruments, school, leader, today):
    """A 360° a leader set up about an imported colleague who cannot sign in yet."""
    colleague = MembershipFactory(
        organisation=school, role=Membership.Role.STAFF, user__first_name="Fien"
    )
    colleague.user.set_unusable_password()
    colleague.user.save()
    survey = services.survey_create(
        organisation=school,
        version=instruments["gedeeld-leiderschap-360"],
        title="360° Fien",
        subject=colleague,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    round_ = survey.rounds.get()
    add_responses(survey, round_, "teachers", 5, value=4, comment="Geheim oordeel")
    close(round_)
    return survey


def test_the_leader_who_set_up_a_360_learns_who_reads_it(about_a_colleague, leader, login):
    client = login(leader)
    detail = client.get(_url(about_a_colleague, "surveys:survey_detail")).content.decode()
    report_url = _url(about_a_colleague)
    assert f'href="{report_url}"' not in detail
    assert "kan zich nog niet aanmelden" in detail
    response = client.get(report_url)
    assert response.status_code == 403
    page = response.content.decode()
    email = about_a_colleague.subject.user.email
    assert "Dit rapport is voor Fien" in page and email in page
    assert "Geheim oordeel" not in page


def test_a_colleague_who_can_sign_in_is_told_where_to_find_it(about_a_colleague, leader, login):
    user = about_a_colleague.subject.user
    user.set_password("een-goed-wachtwoord")
    user.save()
    page = login(leader).get(_url(about_a_colleague)).content.decode()
    assert "kan zich nog niet aanmelden" not in page
    assert "Zodra een ronde gesloten is, vindt Fien" in page
    colleague = about_a_colleague.subject
    assert login(colleague).get(_url(about_a_colleague)).status_code == 200


def test_staff_who_may_not_read_a_360_still_get_a_404(about_a_colleague, staff_member, login):
    assert login(staff_member).get(_url(about_a_colleague)).status_code == 404


def test_a_shared_colleague_may_see_the_360_report(answered, leader, staff_member, login):
    assert login(staff_member).get(_url(answered)).status_code == 404
    services.survey_share(survey=answered, membership=staff_member, actor=leader.user)
    assert login(staff_member).get(_url(answered)).status_code == 200


def test_a_school_wide_report_is_for_the_leaders(pulse, leader, staff_member, login):
    add_responses(pulse, pulse.rounds.get(), "teachers", 3)
    close(pulse.rounds.get())
    assert login(leader).get(_url(pulse)).status_code == 200
    assert login(staff_member).get(_url(pulse)).status_code == 404


def test_outsider_gets_404_on_the_report(answered, outsider, login):
    for name in ("surveys:report", "surveys:report_pdf", "surveys:report_xlsx"):
        assert login(outsider).get(_url(answered, name)).status_code == 404


def _post_round(survey, leader):
    today = datetime.date.today()
    return services.round_start_post(
        survey=survey, opens_on=today, closes_on=today, actor=leader.user
    )


def test_pre_post_shows_the_change_and_the_paired_change(survey_360, leader, login):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "self", 1, value=3)
    add_responses(survey_360, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)
    post = _post_round(survey_360, leader)
    add_responses(survey_360, post, "self", 1, value=4)
    add_responses(survey_360, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    close(post)
    response = login(leader).get(_url(survey_360))
    comparison = response.context["comparison"]
    assert comparison["n_both"] == 8
    vision = comparison["rows"][0]
    assert vision["paired"].diff == pytest.approx(2)
    assert vision["change"].diff == pytest.approx(2)
    assert vision["verdict"] == "clear_growth"
    assert vision["careful"] is True  # eight raters: read with care
    assert "duidelijke groei" in response.content.decode() or "clear growth" in (
        response.content.decode()
    )


def test_paired_change_is_hidden_when_one_or_two_raters_answered_only_once(
    survey_360, leader, login
):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "teachers", 8, value=scored(3))
    close(pre)
    post = _post_round(survey_360, leader)
    add_responses(survey_360, post, "teachers", 7, value=scored(4))  # one rater dropped out
    add_responses(survey_360, post, "teachers", 3, value=scored(4), prefix="nieuw")
    close(post)
    comparison = login(leader).get(_url(survey_360)).context["comparison"]
    assert comparison["paired"] is False
    assert all(row["paired"] is None for row in comparison["rows"])
    # 8 x 3 before, 10 x 4 after: the change of the whole group is still shown.
    assert comparison["rows"][0]["change"].diff == pytest.approx(1)


def test_a_group_that_only_lost_one_rater_is_not_shown_in_the_post_round(survey_360, leader, login):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "teachers", 6, value=scored(3))
    close(pre)
    post = _post_round(survey_360, leader)
    # The same raters minus one: the two rounds side by side would describe that one person.
    add_responses(survey_360, post, "teachers", 5, value=scored(3))
    close(post)
    context = login(leader).get(_url(survey_360)).context
    assert context["current"].round == post
    assert context["current"].cell("teachers") is None
    assert context["current"].withheld
    assert all(row["post"] is None for row in context["comparison"]["rows"])


def test_an_item_is_left_out_when_one_rater_said_i_dont_know_only_in_the_post_round(
    survey_360, leader, login
):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "teachers", 5, value=scored(3))
    close(pre)
    post = _post_round(survey_360, leader)
    add_responses(survey_360, post, "teachers", 5, value=scored(3))
    first = Answer.objects.filter(response__round=post, item__code="VIS1").order_by("pk").first()
    Answer.objects.filter(pk=first.pk).update(value=None, score=None)
    close(post)
    context = login(leader).get(_url(survey_360)).context
    vision = context["rows"][0]
    row = next(r for r in vision["items"] if r["item"].code == "VIS1")
    assert row["total"] is None
    other = next(r for r in vision["items"] if r["item"].code == "VIS2")
    assert other["total"].n == 5


def test_the_report_downloads_as_pdf(answered, leader, login):
    response = login(leader).get(_url(answered, "surveys:report_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_xlsx_holds_only_published_responses_without_keys(survey_360, leader, login):
    from io import BytesIO

    from openpyxl import load_workbook

    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 4, value=4)
    add_responses(survey_360, round_, "support", 1, value=1, comment="Verborgen")
    close(round_)
    response = login(leader).get(_url(survey_360, "surveys:report_xlsx"))
    book = load_workbook(BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 4
    assert all(1 not in row[2:] for row in rows[1:])  # the support staff's 1s are not there
    flat = " ".join(
        str(v) for sheet in book.worksheets for r in sheet.iter_rows(values_only=True) for v in r
    )
    assert "Verborgen" not in flat
    assert "@" not in flat


def test_report_query_count_does_not_grow_with_responses(
    survey_360, leader, login, django_assert_max_num_queries
):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 20, value=lambda i, item: 1 + i % 5)
    close(round_)
    client = login(leader)
    client.get(_url(survey_360))
    with django_assert_max_num_queries(16):
        client.get(_url(survey_360))


def test_the_pre_round_can_be_read_on_its_own(survey_360, leader, login):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "teachers", 3, value=scored(2))
    close(pre)
    post = _post_round(survey_360, leader)
    add_responses(survey_360, post, "teachers", 4, value=scored(4), prefix="nieuw")
    close(post)
    client = login(leader)
    latest = client.get(_url(survey_360)).context
    assert latest["current"].round == post
    assert latest["rows"][0]["total"].mean == 4
    earlier = client.get(_url(survey_360) + "?round=1").context
    assert earlier["current"].round == pre
    assert earlier["rows"][0]["total"].mean == 2
    assert "comparison" in earlier


def test_a_reverse_scored_weakest_statement_says_how_it_was_answered(survey_360, leader, login):
    round_ = survey_360.rounds.get()
    # Everyone fully agrees with "I often don't know why we start something new": a weak
    # point, scored 1, while the other statements score 4.
    value = lambda index, item: 5 if item.code == "VIS5" else 4  # noqa: E731
    add_responses(survey_360, round_, "teachers", 5, value=value)
    close(round_)
    response = login(leader).get(_url(survey_360))
    weakest = response.context["weakest"][0]
    assert weakest["item"].code == "VIS5"
    assert (weakest["total"].mean, weakest["answered"]) == (1, 5)
    assert all(r["answered"] is None for r in response.context["strongest"])
    # The distribution counts the answers as given: five raters chose "fully".
    counts = {d["label"]: d["n"] for d in weakest["distribution"]}
    assert counts["helemaal"] == 5 and counts["helemaal niet"] == 0
    page = response.content.decode()
    assert "omgekeerd gescoord: gemiddeld antwoordden de bevraagden 5,0" in page
    # The statement's own row says so too, next to its distribution of answers.
    statements = login(leader).get(
        _url(survey_360), {"dim": weakest["item"].dimension_id}, HTTP_HX_REQUEST="true"
    )
    assert "gemiddeld 5,0 geantwoord" in statements.content.decode()
    assert "hun verdeling toont de antwoorden zoals ze gegeven werden" in page


def _statement_texts(response, dimension) -> list[str]:
    return [
        r["item"].text
        for r in next(r for r in response.context["rows"] if r["dimension"] == dimension)["items"]
    ]


def test_a_dimension_shows_its_statements_when_the_reader_opens_it(answered, leader, login):
    client = login(leader)
    page = client.get(_url(answered))
    first, second = (row["dimension"] for row in page.context["rows"][:2])
    first_texts = _statement_texts(page, first)
    html = page.content.decode()
    # The page names every dimension; the statements come when one is opened.
    assert f'hx-get="?round=1&amp;dim={first.pk}"' in html
    assert first_texts[0] not in html
    fragment = client.get(_url(answered), {"round": 1, "dim": first.pk}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    body = fragment.content.decode()
    assert "<html" not in body and "<details" not in body
    assert all(text in body for text in first_texts)
    assert _statement_texts(page, second)[0] not in body
    # Without JavaScript the link reloads the page with that dimension open.
    reloaded = client.get(_url(answered), {"round": 1, "dim": first.pk}).content.decode()
    assert f'<details class="dimension-block" id="dim-{first.pk}" open>' in reloaded
    assert all(text in reloaded for text in first_texts)
    assert _statement_texts(page, second)[0] not in reloaded


def test_opening_a_dimension_is_a_reading_of_the_report(answered, leader, school, login):
    dimension = answered.version.items.first().dimension
    views = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, object_id=str(answered.pk))
    login(leader).get(_url(answered), {"dim": dimension.pk}, HTTP_HX_REQUEST="true")
    assert views.filter(actor=leader.user).count() == 1
    # Another leader of the school gets nothing of it, as with the whole report.
    admin = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    response = login(admin).get(_url(answered), {"dim": dimension.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert dimension.items.first().text not in response.content.decode()
    assert not views.filter(actor=admin.user).exists()


def test_a_dimension_the_report_does_not_hold_is_not_found(answered, leader, login):
    response = login(leader).get(_url(answered), {"dim": 999999}, HTTP_HX_REQUEST="true")
    assert response.status_code == 404


def test_the_pdf_holds_the_statements_of_every_dimension(answered, leader, login):
    from core.tests.pdf import pdf_pages_text

    client = login(leader)
    page = client.get(_url(answered))
    response = client.get(_url(answered, "surveys:report_pdf"))
    text = " ".join(" ".join(pdf_pages_text(response.content)).split())
    for row in page.context["rows"]:
        assert row["items"][0]["item"].text[:30] in text


def test_a_dim_that_is_no_id_shows_the_whole_report(answered, leader, login):
    client = login(leader)
    for value in ("²", "9" * 30, "abc"):
        response = client.get(_url(answered), {"dim": value}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200 and "<html" in response.content.decode()
