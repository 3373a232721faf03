"""What the team list, a team's page and the staff list show."""

import re

import pytest
from django.urls import reverse

from organisations.models import TeamMembership
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def url(name, school, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": school.slug, **kwargs})


@pytest.fixture
def wout(school, team):
    """A member whose name holds markup, in the team but not at home there."""
    user = UserFactory(first_name="Wout", last_name="<b>Verbeke</b>")
    membership = MembershipFactory(organisation=school, user=user, function="turnleerkracht")
    TeamMembershipFactory(team=team, membership=membership)
    return membership


def test_team_list_card_in_dutch(login, leader, team, staff_member, wout):
    html = login(leader).get(url("team_list", team.organisation)).content.decode()
    assert "2 leden · 1 met dit als thuisteam" in " ".join(html.split())
    name = str(staff_member.user)
    assert f'{name} <span class="badge">nest</span>, Wout &lt;b&gt;Verbeke&lt;/b&gt;</p>' in html
    assert f'<a href="{url("team_detail", team.organisation, pk=team.pk)}">Kleuterbouw</a>' in html


def test_team_list_says_one_member_and_shortens_a_long_mission(login, leader, school):
    team = TeamFactory(organisation=school, mission=" ".join(["woord"] * 31) + "\neinde")
    TeamMembershipFactory(team=team, is_home=False)
    html = login(leader).get(url("team_list", school)).content.decode()
    assert "1 lid · 0 met dit als thuisteam" in " ".join(html.split())
    assert f"<p>{' '.join(['woord'] * 30)} …</p>" in html
    team.mission = "Kort\nen   krachtig."
    team.save()
    html = login(leader).get(url("team_list", school)).content.decode()
    assert "<p>Kort en krachtig.</p>" in html


def test_team_list_links_ids_without_thousands_separators(login, leader, school, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    team = TeamFactory(organisation=school, pk=12345)
    html = login(leader).get(url("team_list", school)).content.decode()
    assert f'href="{url("team_detail", school, pk=team.pk)}"' in html


def test_team_page_buttons_name_the_person(login, leader, team, staff_member, wout):
    html = login(leader).get(url("team_detail", team.organisation, pk=team.pk)).content.decode()
    assert "Maak dit het thuisteam van Wout &lt;b&gt;Verbeke&lt;/b&gt;</button>" in html
    assert f"{staff_member.user} verwijderen</button>" in html
    assert "Maak dit het thuisteam van " + str(staff_member.user) not in html  # already home
    rows = re.findall(r"<td>(ja|nee)</td>", html)
    assert rows == ["ja", "nee"]


def _matches(html):
    fieldset = html[html.index('<fieldset id="person-picker-matches"') :]
    return fieldset[: fieldset.index("</fieldset>")]


def test_team_page_lists_no_one_until_a_name_is_typed(login, leader, team, staff_member):
    html = login(leader).get(url("team_detail", team.organisation, pk=team.pk)).content.decode()
    assert 'name="person"' not in html
    assert "Typ een deel van een naam en kies dan de persoon." in _matches(html)
    label = "Zoek een collega op naam, e-mail of functie"
    assert f'<label for="person-picker-q">{label}</label>' in html


def test_team_page_offers_matching_colleagues_by_name_and_function(
    login, leader, team, staff_member
):
    user = UserFactory(first_name="An", last_name="<i>Maes</i>")
    an = MembershipFactory(organisation=team.organisation, user=user, function="zorgleerkracht")
    client = login(leader)
    page = url("team_detail", team.organisation, pk=team.pk)
    matches = _matches(client.get(page, {"q": "ZORG"}).content.decode())
    assert f'value="{an.pk}"' in matches
    assert "An &lt;i&gt;Maes&lt;/i&gt; (zorgleerkracht)" in matches
    assert f'value="{leader.pk}"' not in matches
    # A member of the team is never offered, however well the name matches.
    staff_name = staff_member.user.last_name
    assert f'value="{staff_member.pk}"' not in _matches(
        client.get(page, {"q": staff_name}).content.decode()
    )
    assert "Niemand komt overeen met" in _matches(client.get(page, {"q": "xyz"}).content.decode())


def test_typing_asks_only_for_the_matches(login, leader, team):
    for number in range(17):
        MembershipFactory(
            organisation=team.organisation,
            user=UserFactory(first_name=f"Sara{number}", last_name="Peeters"),
        )
    response = login(leader).get(
        url("team_detail", team.organisation, pk=team.pk),
        {"q": "peeters"},
        headers={"HX-Request": "true", "HX-Target": "person-picker-matches"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<fieldset id="person-picker-matches"')
    assert html.count('type="radio"') == 15
    assert "Meer mensen komen overeen: typ meer van de naam." in html


@pytest.mark.parametrize("who", ["member", "inactive", "unknown"])
def test_adding_someone_not_offered_is_refused(login, leader, team, staff_member, who):
    person = {
        "member": staff_member,
        "inactive": MembershipFactory(organisation=team.organisation, is_active=False),
        "unknown": None,
    }[who]
    pk = person.pk if person else 999_999
    client = login(leader)
    response = client.post(url("team_member_add", team.organisation, pk=team.pk), {"person": pk})
    assert response.status_code == 302
    assert TeamMembership.objects.filter(team=team).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Selecteer een geldige keuze" in page


def test_adding_an_offered_colleague_works(login, leader, team):
    client = login(leader)
    response = client.post(
        url("team_member_add", team.organisation, pk=team.pk), {"person": leader.pk}
    )
    assert response.status_code == 302
    assert TeamMembership.objects.filter(team=team, membership=leader, is_home=False).exists()
    assert (
        f"{leader.user} is aan het team toegevoegd."
        in client.get(response["Location"]).content.decode()
    )


def test_staff_list_row_shows_home_and_other_teams(login, leader, team, staff_member, wout):
    other = TeamFactory(organisation=team.organisation, name="Aaa-werkgroep")
    TeamMembershipFactory(team=other, membership=wout)
    html = login(leader).get(url("people_list", team.organisation)).content.decode()
    href = url("person_detail", team.organisation, pk=wout.pk)
    row = html[html.index(f'<a href="{href}">') :]
    row = row[: row.index("</tr>")]
    assert "Wout &lt;b&gt;Verbeke&lt;/b&gt;</a>" in row
    assert "<td>turnleerkracht</td>" in row
    assert "<td>personeelslid</td>" in row
    assert "<td></td>" in row  # no home team
    assert "<td>Aaa-werkgroep, Kleuterbouw</td>" in row
