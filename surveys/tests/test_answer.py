import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from surveys import services
from surveys.access import get_invitation_by_token
from surveys.answering import questions_for
from surveys.models import Answer, Comment, Invitation, Response

from .helpers import full_answers, invite


@pytest.fixture
def invitation(survey_360):
    return invite(survey_360, "teachers", ["juf@school.test"])[0]


def _squeezed(html: str) -> str:
    """The page with each run of whitespace as one space, as a browser reads its markup."""
    return " ".join(html.split())


def _url(invitation):
    return reverse("surveys:answer", args=[invitation.token])


def _state():
    """Everything stored about answers, to prove a request changed nothing."""
    return (
        sorted(Answer.objects.values_list("response_id", "item_id", "value", "score")),
        sorted(Comment.objects.values_list("response_id", "question_id", "text")),
        sorted(Response.objects.values_list("pk", "status")),
        sorted(Invitation.objects.values_list("pk", "status")),
    )


def test_a_wrong_token_gets_404(client, invitation):
    assert client.get(reverse("surveys:answer", args=["verkeerd"])).status_code == 404
    assert client.post(reverse("surveys:answer", args=["verkeerd"])).status_code == 404


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.mark.parametrize("fixture", ["survey_360", "pulse"])
def test_a_token_link_reads_the_same_objects_as_the_orm_in_two_queries(
    request, fixture, django_assert_num_queries
):
    survey = request.getfixturevalue(fixture)
    invitation = invite(survey, survey.rater_groups.last().kind, ["juf@school.test"])[0]
    expected = Invitation.objects.select_related(
        "round__version",
        "round__survey__version",
        "round__survey__organisation",
        "round__survey__subject__user",
        "rater_group",
    ).get(token=invitation.token)
    with django_assert_num_queries(2):
        found = get_invitation_by_token(invitation.token)
        related = (
            "round",
            "round.version",
            "round.survey",
            "round.survey.version",
            "round.survey.organisation",
            "round.survey.subject",
            "round.survey.subject.user",
            "rater_group",
        )
        for path in ("", *related):
            want, got = expected, found
            for name in filter(None, path.split(".")):
                if want is None:
                    break
                want, got = getattr(want, name), getattr(got, name)
            if want is None:
                assert got is None, path
            else:
                assert (type(got), _fields(got)) == (type(want), _fields(want)), path


def test_the_form_shows_every_dimension_without_an_account(client, invitation):
    response = client.get(_url(invitation))
    assert response.status_code == 200
    page = response.content.decode()
    for dimension in invitation.round.survey.version.dimensions.all():
        assert dimension.title_nl in page
    assert 'name="viewport"' in page
    assert "Visie en richting" in page


def test_the_form_is_available_in_english(client, invitation):
    page = client.get(_url(invitation) + "?lang=en").content.decode()
    assert "Vision and direction" in page


def test_the_page_speaks_the_language_of_the_mail_not_of_the_browser(client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(language="nl-be")
    response = client.get(_url(invitation), HTTP_ACCEPT_LANGUAGE="en")
    assert "Visie en richting" in response.content.decode()
    assert response["Content-Language"] == "nl-be"
    Invitation.objects.filter(pk=invitation.pk).update(language="en")
    response = client.get(_url(invitation), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Vision and direction" in response.content.decode()


def test_an_invitation_not_yet_mailed_speaks_the_survey_language(client, invitation):
    client.cookies["django_language"] = "en"
    page = client.get(_url(invitation), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Visie en richting" in page


def test_the_language_switch_keeps_the_token_link(client, invitation):
    page = client.get(_url(invitation)).content.decode()
    assert f'<form method="get" action="{_url(invitation)}" class="language-form">' in page
    assert 'name="lang"' in page
    # The answer form posts to the same address, so the chosen language stays on.
    response = client.post(_url(invitation) + "?lang=en", {"round": "0", "action": "save"})
    assert "This form belongs to another survey" in response.content.decode()
    assert response["Content-Language"] == "en"


def test_an_unknown_language_is_ignored(client, invitation):
    response = client.get(_url(invitation) + "?lang=xx")
    assert response.status_code == 200
    assert "Visie en richting" in response.content.decode()


def test_the_thank_you_page_keeps_the_language_switch(client, invitation):
    client.post(_url(invitation), full_answers(invitation))
    page = client.get(_url(invitation) + "?lang=en").content.decode()
    assert 'name="lang"' in page
    assert 'lang="en"' in page.split(">", 2)[1]


def test_save_and_come_back_keeps_the_answers(client, invitation):
    items, _questions = questions_for(invitation)
    first = items[0]
    response = client.post(
        _url(invitation), {"round": invitation.round_id, "action": "save", f"i{first.pk}": "2"}
    )
    assert response.status_code == 200
    stored = Response.objects.get()
    assert stored.status == Response.Status.STARTED
    assert stored.answers.get().value == 2
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.STARTED
    page = _squeezed(client.get(_url(invitation)).content.decode())
    assert f'name="i{first.pk}" value="2" checked' in page


def test_a_fresh_link_reads_no_stored_answers(client, invitation, django_assert_num_queries):
    client.get(_url(invitation))  # warm: the instrument's questions are read once a process
    # The link and its survey: a link still "invited" has saved nothing.
    with django_assert_num_queries(2):
        page = client.get(_url(invitation))
    assert page.status_code == 200 and " checked" not in page.content.decode()


def test_coming_back_shows_every_kind_of_saved_answer(client, invitation):
    items, questions = questions_for(invitation)
    unknown, rated = [i for i in items if i.scale.allow_unknown][:2]
    data = {"round": invitation.round_id, "action": "save", f"i{rated.pk}": "3"}
    data.update({f"i{unknown.pk}": "na", f"q{questions[0].pk}": "Goed <overleg>"})
    saved = _squeezed(client.post(_url(invitation), data).content.decode())
    again = _squeezed(client.get(_url(invitation)).content.decode())
    for page in (saved, again):
        assert f'name="i{rated.pk}" value="3" checked' in page
        assert f'name="i{unknown.pk}" value="na" checked' in page
        assert "Goed &lt;overleg&gt;</textarea>" in page
    assert "Je antwoorden zijn bewaard" in saved or "Your answers were saved" in saved


def test_a_first_post_that_needs_attention_leaves_the_link_as_it_was(client, invitation):
    # The status update that locks the link is undone with everything else.
    items, _questions = questions_for(invitation)
    missing = full_answers(invitation)
    del missing[f"i{items[0].pk}"]
    out_of_range = {**full_answers(invitation), "action": "save", f"i{items[1].pk}": "9"}
    before = _state()
    for data in (missing, out_of_range):
        assert client.post(_url(invitation), data).status_code == 400
        assert _state() == before
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.INVITED


def test_submit_stores_everything_and_marks_the_invitation_completed(client, invitation):
    response = client.post(_url(invitation), full_answers(invitation))
    assert response.status_code == 200
    stored = Response.objects.get()
    assert stored.status == Response.Status.SUBMITTED
    assert stored.answers.count() == len(questions_for(invitation)[0])
    assert stored.comments.count() == 2
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.COMPLETED


def test_reverse_scored_items_store_the_reversed_score(client, invitation):
    client.post(_url(invitation), full_answers(invitation, value=5))
    answer = Answer.objects.get(item__code="VIS5")
    assert (answer.value, answer.score) == (5, 1.0)


def test_a_double_submit_changes_nothing(client, invitation):
    data = full_answers(invitation, value=4)
    client.post(_url(invitation), data)
    before = _state()
    response = client.post(_url(invitation), data)
    assert "al ingediend" in response.content.decode() or "already submitted" in (
        response.content.decode()
    )
    assert _state() == before


def test_a_back_button_resubmit_with_other_answers_changes_nothing(client, invitation):
    client.post(_url(invitation), full_answers(invitation, value=4))
    before = _state()
    client.post(_url(invitation), full_answers(invitation, value=1, comment="Anders"))
    assert _state() == before


def test_a_closed_survey_explains_it_and_stores_nothing(client, invitation):
    round_ = invitation.round
    round_.closes_on = round_.opens_on = datetime.date(2020, 1, 1)
    round_.save()
    response = client.get(_url(invitation))
    assert response.status_code == 410
    assert "2020" in response.content.decode()
    before = _state()
    response = client.post(_url(invitation), full_answers(invitation))
    assert response.status_code == 410
    assert _state() == before


def test_after_an_early_close_the_page_gives_the_day_it_closed(client, invitation, leader):
    round_ = invitation.round
    round_.opens_on = datetime.date.today() - datetime.timedelta(days=5)
    round_.closes_on = datetime.date.today() + datetime.timedelta(days=30)
    round_.save()
    services.round_close(survey=round_.survey, actor=leader.user)
    with translation.override("en"):
        closed = date_format(datetime.date.today(), "j F Y")
        planned = date_format(round_.closes_on, "j F Y")
    page = client.get(_url(invitation) + "?lang=en").content.decode()
    assert f"This survey closed on {closed}." in page
    assert planned not in page


def test_a_missing_required_answer_is_explained_and_changes_nothing(client, invitation):
    items, _questions = questions_for(invitation)
    client.post(
        _url(invitation), {"round": invitation.round_id, "action": "save", f"i{items[0].pk}": "3"}
    )
    before = _state()
    data = full_answers(invitation)
    data[f"i{items[0].pk}"] = "5"
    del data[f"i{items[1].pk}"]
    response = client.post(_url(invitation), data)
    assert response.status_code == 400
    assert f'href="#f-i{items[1].pk}"' in response.content.decode()
    assert _state() == before
    # What the rater typed is shown back, so nothing is lost in the browser either.
    assert f'name="i{items[0].pk}" value="5" checked' in _squeezed(response.content.decode())


@pytest.mark.parametrize("bad", ["6", "0", "-1", "vier", "na-na"])
def test_an_out_of_range_value_is_explained_and_changes_nothing(client, invitation, bad):
    client.post(_url(invitation), {**full_answers(invitation), "action": "save"})
    before = _state()
    items, _questions = questions_for(invitation)
    data = full_answers(invitation, value=2)
    data[f"i{items[3].pk}"] = bad
    response = client.post(_url(invitation), data)
    assert response.status_code == 400
    assert _state() == before


def test_i_dont_know_is_only_accepted_where_the_scale_allows_it(client, invitation):
    items, _questions = questions_for(invitation)
    allowed = next(i for i in items if i.scale.allow_unknown)
    refused = next(i for i in items if not i.scale.allow_unknown)
    data = {**full_answers(invitation), f"i{allowed.pk}": "na"}
    assert client.post(_url(invitation), {**data, f"i{refused.pk}": "na"}).status_code == 400
    assert not Response.objects.exists()
    assert client.post(_url(invitation), data).status_code == 200
    assert Answer.objects.get(item=allowed).value is None


def test_a_form_of_another_survey_is_refused(client, invitation, pulse):
    other = invite(pulse, "teachers", ["meester@school.test"])[0]
    before = _state()
    # The rater posts survey A's form to survey B's link: nothing may be stored.
    response = client.post(_url(other), full_answers(invitation))
    assert response.status_code == 400
    assert _state() == before


def test_the_token_of_another_survey_cannot_open_this_one(client, invitation, pulse):
    other = invite(pulse, "teachers", ["meester@school.test"])[0]
    page = client.get(_url(other)).content.decode()
    assert pulse.title in page
    assert invitation.round.survey.title not in page


def test_a_response_holds_no_link_to_a_person():
    fields = {f.name for f in Response._meta.get_fields()}
    assert not fields & {"invitation", "email", "user", "membership", "token"}


def test_subject_items_are_in_dutch_by_default(client, invitation):
    with translation.override("nl"):
        page = client.get(_url(invitation)).content.decode()
    assert "De schoolleider vertelt helder" in page


def test_items_for_other_groups_are_not_asked(instruments, school, leader, today):
    from surveys import services

    scan = services.survey_create(
        organisation=school,
        version=instruments["plg-voorwaarden"],
        title="Scan",
        subject=None,
        opens_on=today,
        closes_on=today,
        actor=leader.user,
    )
    leading = invite(scan, "leadership", ["a@x.test"])[0]
    teaching = invite(scan, "teachers", ["b@x.test"])[0]
    assert "P-LEI1" not in {i.code for i in questions_for(leading)[0]}
    assert "P-LEI1" in {i.code for i in questions_for(teaching)[0]}


def test_a_submit_makes_as_many_queries_for_42_items_as_for_a_few(
    survey_360, pulse, django_assert_num_queries
):
    from django.test import Client

    counts = []
    for survey, kind in ((pulse, pulse.rater_groups.first().kind), (survey_360, "teachers")):
        invitations = invite(survey, kind, ["een@x.test", "twee@x.test", "drie@x.test"])
        client = Client()
        client.post(f"/s/{invitations[0].token}/", full_answers(invitations[0]))  # warm
        data = full_answers(invitations[1])
        # The link and its survey, the invitation's status (which locks it), the response
        # with its answers, its three inserts, and the savepoint around them.
        with django_assert_num_queries(9) as captured:
            response = client.post(f"/s/{invitations[1].token}/", data)
        assert response.status_code == 200
        counts.append(len(captured))
    assert len(questions_for(invitations[1])[0]) >= 30
    assert counts[0] == counts[1]


def test_the_subject_reads_the_statements_in_the_first_person(client, survey_360):
    own = survey_360.rounds.get().invitations.get(rater_group__kind="self")
    page = client.get(_url(own)).content.decode()
    assert "Ik vertel helder waar onze school naartoe wil." in page
    assert "Wat doe ik goed en moet zeker blijven?" in page
    assert "Je kijkt hier naar jezelf" in page and "niemand ziet wat jij" not in page
    assert "De schoolleider vertelt helder" not in page
    # A statement without its own wording is read as the others read it.
    assert "De visie is samen met het team opgebouwd." in page


def test_other_raters_read_about_the_school_leader(client, invitation):
    page = client.get(_url(invitation)).content.decode()
    assert "De schoolleider vertelt helder waar onze school naartoe wil." in page
    assert "Wat doet de schoolleider goed en moet zeker blijven?" in page
    assert "Ik vertel helder" not in page
    assert "niemand ziet wat jij persoonlijk invulde" in page


def test_a_flood_of_posts_on_one_link_is_refused_with_the_answers_kept(
    client, invitation, monkeypatch
):
    from django.core.cache import cache

    from surveys.views import answer

    cache.clear()
    monkeypatch.setattr(answer, "POSTS_PER_MINUTE", 1)
    data = {**full_answers(invitation, comment="Mijn tweede poging"), "action": "save"}
    assert client.post(_url(invitation), data).status_code == 200
    before = _state()
    response = client.post(_url(invitation), {**data, "action": "submit"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Te veel verzendingen" in page and "Mijn tweede poging" in page
    assert _state() == before
    cache.clear()
