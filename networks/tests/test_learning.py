import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.errors import LeerkringError
from networks.models import (
    Assignment,
    CoachingGroup,
    CoachingMoment,
    Reflection,
    ResearchGroup,
    Submission,
)
from networks.services import learning, registration, running
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import LearningGroupFactory, SessionFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _people(edition, n, school=None):
    school = school or SchoolFactory()
    users = UserFactory.create_batch(n)
    application = registration.application_submit(
        edition_id=edition.pk, applicant=users[0], people=users, school=school
    )
    return list(application.participants.order_by("pk"))


@pytest.fixture
def groups(edition):
    edition.capacity = 40
    edition.save()
    first, second = LearningGroupFactory.create_batch(2, edition=edition)
    a = _people(edition, 2) + _people(edition, 2)
    b = _people(edition, 2) + _people(edition, 2)
    running.group_set_members(group=first, participant_ids=[p.pk for p in a], actor=None)
    running.group_set_members(group=second, participant_ids=[p.pk for p in b], actor=None)
    for p in a + b:
        p.refresh_from_db()
    return first, second, a, b


def _assignment(edition, **kwargs):
    return Assignment.objects.create(
        edition=edition, title="Waardestroomkaart", due_on=timezone.localdate(), **kwargs
    )


def _submit_url(participant, assignment):
    return reverse(
        "networks:assignment", kwargs={"pk": participant.pk, "assignment_pk": assignment.pk}
    )


def test_a_participant_hands_in_text_and_a_pdf(login, edition, groups):
    _first, _second, a, _b = groups
    assignment = _assignment(edition)
    pdf = SimpleUploadedFile("kaart.pdf", b"%PDF-1.4 inhoud", content_type="application/pdf")
    response = login(a[0].user).post(
        _submit_url(a[0], assignment), {"text": "Mijn kaart", "file": pdf}
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.text == "Mijn kaart" and submission.file.name.endswith(".pdf")


def test_a_file_whose_content_is_not_its_type_is_refused(login, edition, groups):
    _first, _second, a, _b = groups
    assignment = _assignment(edition)
    fake = SimpleUploadedFile(
        "kaart.pdf", b"MZ\x90\x00 uitvoerbaar", content_type="application/pdf"
    )
    response = login(a[0].user).post(_submit_url(a[0], assignment), {"text": "x", "file": fake})
    page = response.content.decode()
    assert response.status_code == 200 and "kaart.pdf" in page
    assert "niet wat de naam zegt" in page
    exe = SimpleUploadedFile("kaart.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = login(a[0].user).post(_submit_url(a[0], assignment), {"text": "x", "file": exe})
    assert "‘.exe’ zijn niet toegelaten" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_file_over_the_limit_is_refused(edition, groups):
    _first, _second, a, _b = groups
    big = SimpleUploadedFile("kaart.txt", b"x" * (learning.MAX_UPLOAD_BYTES + 1))
    with pytest.raises(LeerkringError, match="hoogstens 5,0") as refused:
        learning.submission_save(
            assignment=_assignment(edition), participant=a[0], text="", upload=big
        )
    assert refused.value.field == "file"
    assert not Submission.objects.exists()


def test_a_disguised_research_result_is_refused_on_its_own_field(edition, groups):
    _first, _second, a, _b = groups
    fake = SimpleUploadedFile("resultaten.docx", b"%PDF-1.4 geen Word")
    with pytest.raises(LeerkringError, match="niet wat de naam zegt") as refused:
        learning.research_group_save(
            participant=a[0],
            theme="Rekentaal",
            question="",
            plan="",
            partner_ids=[a[1].pk],
            upload=fake,
        )
    assert refused.value.field == "results"
    assert not ResearchGroup.objects.exists()


def test_a_group_submission_is_shared_in_the_group_and_hidden_from_other_groups(
    login, edition, groups
):
    _first, _second, a, b = groups
    assignment = _assignment(edition, is_group=True)
    login(a[0].user).post(_submit_url(a[0], assignment), {"text": "Onze groepskaart"})
    # A member of the same group sees and updates the one group submission.
    page = login(a[1].user).get(_submit_url(a[1], assignment)).content.decode()
    assert "Onze groepskaart" in page
    login(a[1].user).post(_submit_url(a[1], assignment), {"text": "Onze groepskaart, versie 2"})
    assert Submission.objects.count() == 1
    # Another group sees nothing of it.
    page = login(b[0].user).get(_submit_url(b[0], assignment)).content.decode()
    assert "Onze groepskaart" not in page
    # And nobody reaches another person's participation.
    response = login(b[0].user).get(_submit_url(a[0], assignment))
    assert response.status_code == 404


def test_the_trainer_gives_feedback_and_sees_the_status_per_participant(
    login, trainer, provider, edition, groups
):
    _first, _second, a, _b = groups
    assignment = _assignment(edition)
    learning.submission_save(assignment=assignment, participant=a[0], text="Klaar")
    client = login(trainer)
    detail = reverse(
        "networks:assignment_detail", kwargs={"slug": provider.slug, "pk": assignment.pk}
    )
    body = client.get(detail).content.decode()
    assert "1 / 8" in body and "niet ingeleverd" in body
    submission = Submission.objects.get()
    url = reverse("networks:submission_detail", kwargs={"slug": provider.slug, "pk": submission.pk})
    client.post(url, {"feedback": "Mooi werk, ga zo door."})
    submission.refresh_from_db()
    assert submission.feedback_by == trainer.user
    page = login(a[0].user).get(_submit_url(a[0], assignment)).content.decode()
    assert "Mooi werk, ga zo door." in page


def test_coaching_suggestions_pair_different_schools_and_never_repeat(
    login, trainer, provider, edition, groups
):
    first, second, a, b = groups
    suggestion = learning.coaching_suggest(edition=edition)
    assert sum(len(t) for t in suggestion) == 8
    for team in suggestion:
        assert len({p.school_id for p in team}) == len(team)
        assert len({p.group_id for p in team}) == 1
    client = login(trainer)
    url = reverse("networks:coaching", kwargs={"slug": provider.slug, "pk": edition.pk})
    client.post(url, {"team": [",".join(str(p.pk) for p in t) for t in suggestion]})
    assert CoachingGroup.objects.count() == len(suggestion)
    # A second round never puts the same two people together again.
    second_round = learning.coaching_suggest(edition=edition)
    earlier = {frozenset(p.pk for p in t) for t in suggestion}
    for team in second_round:
        for x in team:
            for y in team:
                if x != y:
                    assert not any({x.pk, y.pk} <= pair for pair in earlier)
    with pytest.raises(LeerkringError, match="elkaar al gecoacht"):
        learning.coaching_form(edition=edition, teams=[[p.pk for p in suggestion[0]]], actor=None)


def test_a_participant_logs_a_coaching_moment(login, edition, groups):
    _first, _second, a, _b = groups
    pair = CoachingGroup.objects.create(edition=edition)
    pair.members.set([a[0], a[2]])
    url = reverse("networks:coaching_moment", kwargs={"pk": a[0].pk, "coaching_pk": pair.pk})
    login(a[0].user).post(url, {"date": "2027-01-20", "note": "Mijn coachingsvraag besproken"})
    assert CoachingMoment.objects.get().logged_by == a[0]
    # Someone outside the pair cannot log on it.
    response = login(a[1].user).post(
        reverse("networks:coaching_moment", kwargs={"pk": a[1].pk, "coaching_pk": pair.pk}),
        {"date": "2027-01-20"},
    )
    assert response.status_code == 404


def test_a_participant_forms_a_research_duo_with_a_results_document(login, edition, groups):
    _first, _second, a, _b = groups
    url = reverse("networks:my_research", kwargs={"pk": a[0].pk})
    doc = SimpleUploadedFile("resultaten.pdf", b"%PDF-1.4", content_type="application/pdf")
    login(a[0].user).post(
        url,
        {
            "theme": "Gedeeld leiderschap",
            "question": "Wie beslist?",
            "partners": [a[2].pk],
            "results": doc,
        },
    )
    group = ResearchGroup.objects.get()
    assert set(group.members.all()) == {a[0], a[2]} and group.results
    # A partner cannot be in two research groups.
    with pytest.raises(LeerkringError):
        learning.research_group_save(
            participant=a[1], theme="X", question="", plan="", partner_ids=[a[2].pk]
        )


def test_a_participant_writes_a_reflection_after_a_session(login, edition, groups):
    _first, _second, a, _b = groups
    session = SessionFactory(
        edition=edition, date=timezone.localdate() - datetime.timedelta(days=1)
    )
    url = reverse("networks:reflection", kwargs={"pk": a[0].pk, "session_pk": session.pk})
    login(a[0].user).post(url, {"text": "Ik delegeer meer."})
    assert Reflection.objects.get().text == "Ik delegeer meer."


def test_the_certificate_is_a_pdf_listing_the_sessions_attended(login, edition, groups):
    _first, _second, a, _b = groups
    day1 = SessionFactory(edition=edition, title="Vormingsdag 1")
    day2 = SessionFactory(edition=edition, title="Vormingsdag 2")
    running.attendance_record(session=day1, statuses={a[0].pk: "present"}, actor=None)
    running.attendance_record(session=day2, statuses={a[0].pk: "absent"}, actor=None)
    response = login(a[0].user).get(reverse("networks:certificate", kwargs={"pk": a[0].pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from networks.views.participant_learning import selectors

    attended = [s.title for s in selectors.participant_sessions(a[0]) if s.my_status == "present"]
    assert attended == ["Vormingsdag 1"]


# The two-year rhythm: when peer coaching starts, in which year a research group works and
# when it presents.


def _text(response) -> str:
    """The page's text with runs of whitespace as one space."""
    return " ".join(response.content.decode().split())


def test_the_trainer_forms_a_coaching_round_with_a_start_date(
    login, trainer, provider, edition, groups
):
    _first, _second, a, _b = groups
    client = login(trainer)
    url = reverse("networks:coaching", kwargs={"slug": provider.slug, "pk": edition.pk})
    page = client.get(url).content.decode()
    assert 'name="starts_on"' in page
    client.post(url, {"team": [f"{a[0].pk},{a[2].pk}"], "starts_on": "2027-02-01"})
    assert CoachingGroup.objects.get().starts_on == datetime.date(2027, 2, 1)
    assert "vanaf 1 februari 2027" in _text(client.get(url))
    mine = login(a[0].user).get(reverse("networks:participation", kwargs={"pk": a[0].pk}))
    assert "De coaching start op 1 februari 2027." in _text(mine)


def test_a_round_that_would_leave_someone_out_proposes_a_trio(edition):
    edition.capacity = 40
    edition.save()
    group = LearningGroupFactory(edition=edition)
    school = SchoolFactory()
    # Two colleagues of one school and one of another: the second colleague has no partner
    # of another school left, so joins the pair as a third.
    people = _people(edition, 2, school=school) + _people(edition, 1)
    running.group_set_members(group=group, participant_ids=[p.pk for p in people], actor=None)
    suggestion = learning.coaching_suggest(edition=edition)
    assert [sorted(p.pk for p in team) for team in suggestion] == [sorted(p.pk for p in people)]


def test_a_trio_is_proposed_only_with_people_who_did_not_coach_each_other(edition):
    edition.capacity = 40
    edition.save()
    group = LearningGroupFactory(edition=edition)
    people = _people(edition, 2) + _people(edition, 1)
    running.group_set_members(group=group, participant_ids=[p.pk for p in people], actor=None)
    colleague, other, outsider = people
    learning.coaching_form(edition=edition, teams=[[other.pk, outsider.pk]], actor=None)
    # The colleague pairs with the outsider; the other colleague coached the outsider before,
    # so stays out rather than join them.
    suggestion = learning.coaching_suggest(edition=edition)
    assert [[p.pk for p in team] for team in suggestion] == [[colleague.pk, outsider.pk]]


def test_the_trainer_sets_year_and_presentation_date_which_the_participant_sees(
    login, trainer, provider, edition, groups
):
    _first, _second, a, _b = groups
    day = SessionFactory(edition=edition, title="Slotdag", date=datetime.date(2028, 5, 12))
    research = learning.research_group_save(
        participant=a[0], theme="Gedeeld leiderschap", question="", plan="", partner_ids=[a[2].pk]
    )
    assert research.year == ResearchGroup.Year.SECOND
    client = login(trainer)
    url = reverse("networks:research", kwargs={"slug": provider.slug, "pk": edition.pk})
    prefix = f"g{research.pk}"
    client.post(url, {"group": research.pk, f"{prefix}-year": "2", f"{prefix}-session": day.pk})
    research.refresh_from_db()
    assert research.presentation_session == day and research.presentation_date == day.date
    assert "Jaar 2 · Presentatie op 12 mei 2028 (Slotdag)" in _text(client.get(url))
    # A date of its own wins over the session's.
    client.post(
        url,
        {"group": research.pk, f"{prefix}-year": "1", f"{prefix}-presents_on": "2027-06-03"},
    )
    research.refresh_from_db()
    assert research.year == 1 and research.presentation_date == datetime.date(2027, 6, 3)
    mine = login(a[2].user)
    overview = mine.get(reverse("networks:participation", kwargs={"pk": a[2].pk}))
    assert "Jaar 1 · Presentatie op 3 juni 2027" in _text(overview)
    form_page = mine.get(reverse("networks:my_research", kwargs={"pk": a[2].pk}))
    assert "Jaar 1 · Presentatie op 3 juni 2027" in _text(form_page)


def test_a_research_group_of_one_school_gets_a_warning(login, trainer, provider, edition, groups):
    _first, _second, a, _b = groups
    warning = "Alle leden komen van dezelfde school"
    client = login(a[0].user)
    response = client.post(
        reverse("networks:my_research", kwargs={"pk": a[0].pk}),
        {"theme": "Gedeeld leiderschap", "partners": [a[1].pk]},
        follow=True,
    )
    assert warning in response.content.decode()
    assert ResearchGroup.objects.get().one_school
    url = reverse("networks:research", kwargs={"slug": provider.slug, "pk": edition.pk})
    assert warning in login(trainer).get(url).content.decode()
    # Mixed schools: no warning.
    learning.research_group_save(
        participant=a[0],
        research_group=ResearchGroup.objects.get(),
        theme="Gedeeld leiderschap",
        question="",
        plan="",
        partner_ids=[a[2].pk],
    )
    assert warning not in login(trainer).get(url).content.decode()
