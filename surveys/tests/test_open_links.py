import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEvent
from core.errors import LeerkringError
from surveys import open_links, services
from surveys.answering import questions_for_kind
from surveys.models import Answer, Comment, OpenLink, Response
from surveys.reports import TOTAL

from .helpers import close


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def parents_survey(instruments, school, leader, today):
    """The team pulse sent to parents and pupils, open for two weeks."""
    return services.survey_create(
        organisation=school,
        version=instruments["teampols"],
        title="Oudervragenlijst",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
        rater_groups=["parents", "pupils"],
    )


@pytest.fixture
def parents(parents_survey):
    return parents_survey.rater_groups.get(kind="parents")


@pytest.fixture
def round_(parents_survey):
    return parents_survey.rounds.get()


@pytest.fixture
def link(round_, parents, leader):
    return open_links.open_link_open(round_=round_, group=parents, actor=leader.user)


def _url(link):
    return reverse("surveys:open_answer", args=[link.token])


def _set_url(survey, group):
    kwargs = {"slug": survey.organisation.slug, "pk": survey.pk, "group_pk": group.pk}
    return reverse("surveys:open_link_set", kwargs=kwargs)


def _answers(link, value=4, action="submit", comment="Fijne school"):
    items, questions = questions_for_kind(link.round.survey.version, link.rater_group.kind)
    data = {"round": str(link.round_id), "action": action}
    data.update({f"i{item.pk}": str(min(value, item.scale.maximum)) for item in items})
    data.update({f"q{q.pk}": comment for q in questions})
    return data


def _state():
    """Everything stored about answers, to prove a request changed nothing."""
    return (
        sorted(Answer.objects.values_list("response_id", "item_id", "value")),
        sorted(Comment.objects.values_list("response_id", "question_id", "text")),
        sorted(Response.objects.values_list("pk", "status", "rater_group_id")),
    )


# Services


def test_opening_twice_keeps_the_one_link(link, round_, parents, leader):
    again = open_links.open_link_open(round_=round_, group=parents, actor=leader.user)
    assert again == link
    assert OpenLink.objects.count() == 1
    assert AuditEvent.objects.filter(summary="open link opened (parents)").count() == 1


def test_renewing_closes_the_old_link_and_makes_a_new_one(link, round_, parents, leader):
    new = open_links.open_link_renew(round_=round_, group=parents, actor=leader.user)
    link.refresh_from_db()
    assert not link.active and link.closed_at is not None
    assert new.active and new.token != link.token


def test_closing_leaves_no_open_link(link, round_, parents, leader):
    assert open_links.open_link_close(round_=round_, group=parents, actor=leader.user) == 1
    assert not OpenLink.objects.filter(active=True).exists()
    assert open_links.open_link_close(round_=round_, group=parents, actor=leader.user) == 0


def test_staff_groups_get_no_open_link(survey_360, leader):
    teachers = survey_360.rater_groups.get(kind="teachers")
    with pytest.raises(LeerkringError, match="ouders, leerlingen, partners of anderen"):
        open_links.open_link_open(round_=survey_360.rounds.get(), group=teachers, actor=leader.user)
    assert not OpenLink.objects.exists()


def test_a_finished_round_gets_no_open_link(round_, parents, leader):
    close(round_)
    with pytest.raises(LeerkringError, match="afgesloten"):
        open_links.open_link_open(round_=round_, group=parents, actor=leader.user)


def test_a_tampered_cookie_is_a_new_device(rf):
    request = rf.get("/")
    request.COOKIES[open_links.COOKIE] = "rommel"
    assert open_links.device_state(request) == {"done": [], "drafts": {}}


# The leader's buttons


def test_the_leader_opens_renews_and_closes_a_link(parents_survey, parents, leader, login):
    client = login(leader)
    url = _set_url(parents_survey, parents)
    response = client.post(url, {"action": "open"})
    assert response.status_code == 302 and response["Location"].endswith("#open-links")
    link = OpenLink.objects.get(active=True)
    page = client.get(response["Location"]).content.decode()
    assert reverse("surveys:open_answer", args=[link.token]) in page
    client.post(url, {"action": "renew"})
    renewed = OpenLink.objects.get(active=True)
    assert renewed.token != link.token
    client.post(url, {"action": "close"})
    assert not OpenLink.objects.filter(active=True).exists()


def test_a_staff_group_gets_a_clear_message_and_no_link(survey_360, leader, login):
    teachers = survey_360.rater_groups.get(kind="teachers")
    response = login(leader).post(_set_url(survey_360, teachers), {"action": "open"}, follow=True)
    assert "alleen mogelijk voor ouders" in response.content.decode().lower()
    assert not OpenLink.objects.exists()


def test_an_unknown_action_is_a_404(parents_survey, parents, leader, login):
    response = login(leader).post(_set_url(parents_survey, parents), {"action": "wis"})
    assert response.status_code == 404


def test_staff_may_not_open_a_link(parents_survey, parents, staff_member, login):
    response = login(staff_member).post(_set_url(parents_survey, parents), {"action": "open"})
    assert response.status_code in (403, 404)
    assert not OpenLink.objects.exists()


def test_a_group_of_another_survey_is_a_404(parents_survey, survey_360, leader, login):
    others = survey_360.rater_groups.get(kind="others")
    response = login(leader).post(_set_url(parents_survey, others), {"action": "open"})
    assert response.status_code == 404


def test_an_outsider_gets_404(parents_survey, parents, outsider, login):
    response = login(outsider).post(_set_url(parents_survey, parents), {"action": "open"})
    assert response.status_code == 404


# Answering


def test_an_unknown_token_is_a_404(client, link):
    assert client.get(reverse("surveys:open_answer", args=["verkeerd"])).status_code == 404


def test_anyone_answers_once_per_device(link, parents):
    phone = Client()
    page = phone.get(_url(link))
    assert page.status_code == 200 and "Oudervragenlijst" in page.content.decode()
    assert phone.post(_url(link), _answers(link)).status_code == 200
    response = Response.objects.get()
    assert response.rater_group == parents and response.status == Response.Status.SUBMITTED
    before = _state()

    again = phone.post(_url(link), _answers(link, value=1))
    assert again.status_code == 409
    assert "Dit toestel heeft deze vragenlijst al ingevuld" in again.content.decode()
    assert _state() == before
    assert "al ingevuld" in phone.get(_url(link)).content.decode()

    assert Client().post(_url(link), _answers(link)).status_code == 200
    assert Response.objects.filter(status=Response.Status.SUBMITTED).count() == 2


def test_the_response_holds_nothing_of_the_device(link, rf):
    phone = Client()
    phone.post(_url(link), _answers(link, action="save"), REMOTE_ADDR="203.0.113.7")
    request = rf.get("/")
    request.COOKIES[open_links.COOKIE] = phone.cookies[open_links.COOKIE].value
    (key,) = open_links.device_state(request)["drafts"].values()
    stored = " ".join(str(v) for v in Response.objects.values_list().get())
    assert "203.0.113.7" not in stored and key not in stored


def test_a_saved_draft_comes_back_on_the_same_device(link):
    phone = Client()
    data = _answers(link, value=2, action="save", comment="Nog even nadenken")
    page = phone.post(_url(link), data)
    assert page.status_code == 200 and "op dit toestel" in page.content.decode()
    assert Response.objects.get().status == Response.Status.STARTED
    again = phone.get(_url(link)).content.decode()
    assert "Nog even nadenken" in again and 'value="2" checked' in again
    phone.post(_url(link), _answers(link, value=5))
    assert Response.objects.get().status == Response.Status.SUBMITTED
    assert Response.objects.count() == 1
    assert "Nog even nadenken" not in Client().get(_url(link)).content.decode()


def test_a_missing_answer_stores_nothing_and_keeps_what_was_typed(link):
    data = _answers(link, comment="Mijn mening")
    first_item = next(name for name in data if name.startswith("i"))
    del data[first_item]
    response = Client().post(_url(link), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mijn mening" in page and "Beantwoord deze vraag" in page
    assert not Response.objects.exists()


def test_a_closed_link_says_so_and_stores_nothing(link, round_, parents, leader):
    phone = Client()
    phone.get(_url(link))
    open_links.open_link_close(round_=round_, group=parents, actor=leader.user)
    response = phone.post(_url(link), _answers(link))
    assert response.status_code == 410
    assert "afgesloten of vervangen" in response.content.decode()
    assert not Response.objects.exists()


def test_a_renewed_link_refuses_the_old_address_and_the_device_that_answered(
    link, round_, parents, leader
):
    phone = Client()
    phone.post(_url(link), _answers(link))
    new = open_links.open_link_renew(round_=round_, group=parents, actor=leader.user)
    assert Client().post(_url(link), _answers(link)).status_code == 410
    assert phone.post(_url(new), _answers(new)).status_code == 409
    assert Response.objects.count() == 1


def test_a_closed_round_stores_nothing(link, round_):
    close(round_)
    assert Client().post(_url(link), _answers(link)).status_code == 410
    assert not Response.objects.exists()


def test_a_flood_is_refused_with_the_answers_kept(link, monkeypatch):
    from surveys.views import open_link

    monkeypatch.setattr(open_link, "POSTS_PER_MINUTE", 2)
    for _ in range(2):
        assert Client().post(_url(link), _answers(link)).status_code == 200
    response = Client().post(_url(link), _answers(link, comment="Mijn derde"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Wacht een minuut" in page and "Mijn derde" in page
    assert Response.objects.count() == 2
    # Another address is not held up by this one.
    other = Client().post(_url(link), _answers(link), REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 200


def test_a_form_of_another_round_is_refused(link):
    data = {**_answers(link), "round": "999999"}
    assert Client().post(_url(link), data).status_code == 400
    assert not Response.objects.exists()


def test_a_double_submit_from_one_draft_is_stored_once(link):
    phone = Client()
    phone.post(_url(link), _answers(link, action="save"))
    cookie = phone.cookies[open_links.COOKIE].value
    phone.post(_url(link), _answers(link))
    # A second tab still holding the cookie from before the submit.
    tab = Client()
    tab.cookies[open_links.COOKIE] = cookie
    response = tab.post(_url(link), _answers(link, value=1))
    assert response.status_code == 409
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("value", flat=True)) == {4}


# The report


def test_the_report_shows_the_parents_once_there_are_enough(link, round_, leader, login):
    for _ in range(3):
        Client().post(_url(link), _answers(link))
    close(round_)
    report = reverse(
        "surveys:report", kwargs={"slug": round_.survey.organisation.slug, "pk": round_.survey.pk}
    )
    cells = {c.key: c.n for c in login(leader).get(report).context["current"].cells}
    assert cells == {"parents": 3, TOTAL: 3}


def test_the_report_hides_parents_who_are_too_few(link, round_, leader, login):
    for _ in range(2):
        Client().post(_url(link), _answers(link, comment="Heel persoonlijk"))
    close(round_)
    report = reverse(
        "surveys:report", kwargs={"slug": round_.survey.organisation.slug, "pk": round_.survey.pk}
    )
    response = login(leader).get(report)
    assert {c.key for c in response.context["current"].cells} <= {TOTAL}
    assert len(response.context["current"].hidden) == 1
    assert "Heel persoonlijk" not in response.content.decode()


def test_the_survey_page_with_open_links_stays_within_twelve_queries(
    link, parents_survey, leader, login, django_assert_max_num_queries
):
    client = login(leader)
    url = reverse(
        "surveys:survey_detail",
        kwargs={"slug": parents_survey.organisation.slug, "pk": parents_survey.pk},
    )
    client.get(url)
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert reverse("surveys:open_answer", args=[link.token]) in page.content.decode()


def test_one_tablet_answers_as_a_parent_and_as_a_pupil(link, round_, parents_survey, leader):
    pupils = parents_survey.rater_groups.get(kind="pupils")
    pupils_link = open_links.open_link_open(round_=round_, group=pupils, actor=leader.user)
    tablet = Client()
    tablet.post(_url(link), _answers(link, action="save", comment="Als ouder"))
    page = tablet.get(_url(pupils_link)).content.decode()
    assert "Als ouder" not in page
    assert tablet.post(_url(pupils_link), _answers(pupils_link)).status_code == 200
    assert tablet.post(_url(link), _answers(link)).status_code == 200
    groups = sorted(Response.objects.values_list("rater_group__kind", "status"))
    assert groups == [("parents", "submitted"), ("pupils", "submitted")]
    assert tablet.post(_url(pupils_link), _answers(pupils_link)).status_code == 409
