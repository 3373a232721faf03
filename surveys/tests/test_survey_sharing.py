"""The person a 360° is about shares its report: with a colleague found by searching, or with a
provider."""

from django.urls import reverse

from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
)


def _url(name, survey, **extra):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk, **extra})


def test_subject_can_share_the_report_with_a_colleague(survey_360, leader, staff_member, login):
    client = login(leader)
    client.post(_url("surveys:survey_share", survey_360), {"person": staff_member.pk})
    assert list(survey_360.shared_with.all()) == [staff_member]
    response = login(staff_member).get(_url("surveys:survey_detail", survey_360))
    assert response.status_code == 200


def _share_search(client, survey, query, **headers):
    return client.get(_url("surveys:survey_detail", survey), {"colleague": query}, **headers)


def test_the_subject_finds_whom_to_share_with_by_searching(survey_360, leader, teachers, login):
    teachers[0].user.first_name, teachers[0].user.last_name = "<b>Jan</b>", "Peeters"
    teachers[0].user.save(update_fields=["first_name", "last_name"])
    client = login(leader)
    # The page itself lists nobody: the search field finds the colleague.
    html = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert 'name="colleague"' in html and 'name="person"' not in html
    # Without JavaScript the search reloads the page with the matches in it.
    html = _share_search(client, survey_360, "jan peet").content.decode()
    results = html[html.index('id="share-results"') :]
    assert f'<input type="radio" name="person" value="{teachers[0].pk}"' in results
    assert "&lt;b&gt;Jan&lt;/b&gt; Peeters (leerkracht)" in results and "<b>Jan</b>" not in html
    assert 'value="jan peet"' in html
    for teacher in teachers[1:]:
        assert f'value="{teacher.pk}"' not in results


def test_the_share_search_answers_htmx_with_the_matches_only(survey_360, leader, teachers, login):
    client = login(leader)
    response = _share_search(client, survey_360, "leerkracht", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'name="colleague"' not in html
    assert "5 personen gevonden" in html
    for teacher in teachers:
        assert f'name="person" value="{teacher.pk}"' in html
    assert "HX-Request" in response["Vary"]
    # The subject shares their own report: they are never offered.
    html = _share_search(client, survey_360, "directeur", HTTP_HX_REQUEST="true").content
    assert f'value="{leader.pk}"'.encode() not in html
    assert b"0 personen gevonden" in html
    assert _share_search(client, survey_360, "  ", HTTP_HX_REQUEST="true").content.strip() == b""


def test_the_share_search_shows_the_first_matches_and_counts_them_all(
    survey_360, school, leader, login
):
    MembershipFactory.create_batch(23, organisation=school, function="leerkracht")
    html = _share_search(login(leader), survey_360, "leerkracht", HTTP_HX_REQUEST="true")
    html = html.content.decode()
    assert "23 personen gevonden" in html
    assert html.count('name="person"') == 20


def test_a_colleague_found_by_searching_gets_the_report(
    survey_360, leader, teachers, staff_member, login
):
    client = login(leader)
    found = _share_search(client, survey_360, staff_member.user.email, HTTP_HX_REQUEST="true")
    assert f'name="person" value="{staff_member.pk}"' in found.content.decode()
    client.post(_url("surveys:survey_share", survey_360), {"person": staff_member.pk})
    html = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert f"Gedeeld met: {staff_member.user}" in html


def test_only_the_subject_may_search_whom_to_share_with(survey_360, staff_member, login):
    survey_360.shared_with.add(staff_member)
    client = login(staff_member)
    response = _share_search(client, survey_360, "a", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'name="colleague"' not in response.content.decode()
    assert 'name="person"' not in response.content.decode()


def test_the_subject_shares_with_a_provider_and_can_withdraw(survey_360, leader, login):
    brug = ProviderFactory(name="De Brug")
    ProviderFactory(name="Andere Dienst")
    survey_360.shared_with_providers.add(brug)
    html = login(leader).get(_url("surveys:survey_detail", survey_360)).content.decode()
    select = html[html.index('<select name="provider"') :]
    select = select[: select.index("</select>")]
    assert select.index("Andere Dienst") < select.index("De Brug")
    withdraw = html[html.index('name="action" value="withdraw"') - 400 :]
    assert f'name="provider" value="{brug.pk}"' in withdraw
