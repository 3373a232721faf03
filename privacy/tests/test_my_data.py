"""Download my data: one ZIP with every kind of record and the person's files; anonymous
answers are never in it and cannot be found from it."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from accounts.models import ApiToken, AuditEvent
from accounts.services import api_token_create
from surveys.models import Response

from .world import ANONYMOUS_COMMENT, PRODUCT_BYTES, SELF_COMMENT

URL = reverse("privacy:my_data_download")


def _zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_every_kind_of_personal_data_and_the_files(world, login):
    archive = _zip(login(world.person).post(URL))
    names = set(archive.namelist())
    for kind in (
        "profile",
        "memberships",
        "teams",
        "competence_ratings",
        "journal_entries",
        "development_agreements",
        "registrations",
        "submissions",
        "plg_memberships",
        "minutes_written",
        "survey_invitations",
        "survey_self_assessments",
    ):
        assert f"{kind}.json" in names
    load = lambda name: json.loads(archive.read(f"{name}.json"))  # noqa: E731
    assert load("profile")[0]["email"] == world.person.user.email
    assert "password" not in load("profile")[0]
    assert [m["function"] for m in load("memberships")] == ["adjunct-directeur"]
    assert load("teams")[0]["is_home"] is True
    assert load("journal_entries")[0]["what_happened"] == "Eerste intervisie geleid"
    assert load("development_agreements")[0]["goal"] == "Gespreksvoering met ouders versterken"
    assert load("competence_ratings")[0]["level"] == 3
    self_assessment = load("survey_self_assessments")
    assert {c["text"] for c in self_assessment[0]["comments"]} == {SELF_COMMENT}
    assert self_assessment[0]["answers"]
    product_files = [name for name in names if name.startswith("files/products/")]
    assert len(product_files) == 1
    assert archive.read(product_files[0]) == PRODUCT_BYTES
    index = json.loads(archive.read("index.json"))
    assert index["contents"]["journal_entries"] == 1


def test_anonymous_answers_are_not_in_it_and_cannot_be_found_from_it(world, login):
    archive = _zip(login(world.person).post(URL))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert ANONYMOUS_COMMENT.encode() not in everything
    # No pseudonymous key, token or invitation link that would lead to the anonymous response.
    anonymous = Response.objects.get(round__survey=world.pulse)
    assert anonymous.pseudonym.encode() not in everything
    assert world.anonymous_invitation.token.encode() not in everything
    assert b"pseudonym" not in everything
    assert b'"token"' not in everything
    # The invitation itself is theirs: the survey and its status, nothing to pair it with.
    invitations = json.loads(archive.read("survey_invitations.json"))
    assert {i["survey"] for i in invitations} == {"Teampols", "360° Lotte"}
    assert all(
        set(i) == {"survey", "round", "rater_group", "status", "sent_at"} for i in invitations
    )


def test_the_export_is_audited(world, login):
    login(world.person).post(URL)
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT, actor=world.person.user)
    assert event.object_type == "accounts.user"


def test_another_person_gets_only_their_own_data(world, login, staff_member):
    archive = _zip(login(staff_member).post(URL))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert world.person.user.email.encode() not in everything
    assert b"Eerste intervisie" not in everything
    assert json.loads(archive.read("profile.json"))[0]["email"] == staff_member.user.email


def test_an_api_token_never_reaches_the_export(world, client):
    _token, key = api_token_create(user=world.person.user, name="Script")
    response = client.post(URL, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()
    assert ApiToken.objects.count() == 1


def test_the_page_explains_and_get_never_downloads(world, login):
    client = login(world.person)
    page = client.get(reverse("privacy:my_data"))
    assert "Download mijn gegevens" in page.content.decode()
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize("kind", ["registrations", "submissions", "attendance"])
def test_kinds_without_records_are_empty_lists(world, login, kind):
    archive = _zip(login(world.person).post(URL))
    assert json.loads(archive.read(f"{kind}.json")) == []
