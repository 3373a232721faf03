"""Isolation cases for networks.

The world gains a programme of the world's provider with an edition, a group application of
the world's school leader, a learning group with a session and the staff member in it. Provider
pages are owned by the provider's trainer; a participant's pages by the participant.
"""

import datetime

from django.utils import timezone


def build(w):
    from networks.models import (
        Application,
        Edition,
        LearningGroup,
        Participant,
        Programme,
        Question,
        Session,
    )

    today = timezone.localdate()
    w.programme = Programme.objects.create(
        provider=w.provider, code="ISO-1", title="Samen leren leiden", trainer=w.trainer
    )
    w.question = Question.objects.create(programme=w.programme, text="Motivatie")
    w.edition = Edition.objects.create(
        programme=w.programme,
        name="2026–2028",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=600),
        capacity=20,
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
    )
    w.application = Application.objects.create(
        edition=w.edition,
        applicant=w.leader.user,
        school=w.school,
        size=2,
        status=Application.Status.ACCEPTED,
    )
    w.group = LearningGroup.objects.create(
        edition=w.edition, name="Leergroep Noord", trainer=w.trainer
    )
    w.participant = Participant.objects.create(
        edition=w.edition,
        application=w.application,
        user=w.leader.user,
        school=w.school,
        group=w.group,
    )
    w.colleague = Participant.objects.create(
        edition=w.edition,
        application=w.application,
        user=w.staff.user,
        school=w.school,
        group=w.group,
    )
    w.session = Session.objects.create(
        edition=w.edition,
        group=w.group,
        title="Groepssessie 1",
        kind=Session.Kind.GROUP,
        date=today,
        start_time=datetime.time(9),
        end_time=datetime.time(12),
    )
    _build_learning(w)
    owners = w.__dict__.setdefault("owner_for", {})
    for name in PROVIDER_URLS:
        owners[f"networks:{name}"] = w.trainer.user


def _stored(name, content):
    """A file in the default storage, written once: every run of the harness reuses it
    rather than adding a copy."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return name


def _build_learning(w):
    from networks.models import Assignment, CoachingGroup, ResearchGroup, Submission

    today = timezone.localdate()
    w.assignment = Assignment.objects.create(
        edition=w.edition, title="Beslissingen in kaart", is_group=True, due_on=today
    )
    w.submission = Submission.objects.create(
        assignment=w.assignment, participant=w.participant, group=w.group, text="Ons overzicht"
    )
    w.submission.file.name = _stored("networks/isolation/overzicht.txt", b"Wie beslist wat?")
    w.submission.save(update_fields=["file"])
    # A value stream assignment handed in as a link to the school's map, for the trainer.
    from valuestreams.models import ValueStreamMap

    w.submitted_map = ValueStreamMap.objects.create(
        organisation=w.school, process="Aankoop van leermiddelen", kind="supporting"
    )
    w.map_assignment = Assignment.objects.create(
        edition=w.edition, title="Waardestroomkaart", due_on=today
    )
    w.map_submission = Submission.objects.create(
        assignment=w.map_assignment, participant=w.participant, value_stream=w.submitted_map
    )
    w.coaching = CoachingGroup.objects.create(edition=w.edition)
    w.coaching.members.set([w.participant, w.colleague])
    w.research = ResearchGroup.objects.create(edition=w.edition, theme="Gedeeld leiderschap")
    w.research.members.set([w.participant, w.colleague])
    w.research.results.name = _stored("networks/isolation/resultaten.txt", b"Resultaten")
    w.research.save(update_fields=["results"])


def _provider(w):
    return {"slug": w.provider.slug}


def _programme(w):
    return {"slug": w.provider.slug, "pk": w.programme.pk}


def _edition(w):
    return {"slug": w.provider.slug, "pk": w.edition.pk}


def _application(w):
    return {"slug": w.provider.slug, "pk": w.application.pk}


def _session(w):
    return {"slug": w.provider.slug, "pk": w.session.pk}


def _group(w):
    return {"slug": w.provider.slug, "pk": w.group.pk}


def _question(w):
    return {"slug": w.provider.slug, "pk": w.question.pk}


PROVIDER_URLS = {
    "programme_list": _provider,
    "programme_create": _provider,
    "programme_manage": _programme,
    "programme_edit": _programme,
    "question_create": _programme,
    "question_delete": _question,
    "question_move": _question,
    "edition_create": _programme,
    "edition_overview": _edition,
    "edition_edit": _edition,
    "edition_delete": _edition,
    "edition_deadline": _edition,
    "edition_fill": _edition,
    "session_create": _edition,
    "session_series": _edition,
    "group_create": _edition,
    "application_detail": _application,
    "application_decide": _application,
    "application_intake": _application,
    "session_edit": _session,
    "session_delete": _session,
    "session_attendance": _session,
    "session_evaluation_start": _session,
    "group_detail": _group,
    "group_profile": _group,
    "assignment_create": _edition,
    "assignment_detail": lambda w: {"slug": w.provider.slug, "pk": w.assignment.pk},
    "submission_detail": lambda w: {"slug": w.provider.slug, "pk": w.submission.pk},
    "submission_file": lambda w: {"slug": w.provider.slug, "pk": w.submission.pk},
    "submission_map": lambda w: {"slug": w.provider.slug, "pk": w.map_submission.pk},
    "literature_create": _programme,
    "coaching": _edition,
    "research": _edition,
    "research_results": lambda w: {"slug": w.provider.slug, "pk": w.research.pk},
}

# A participant's own pages: the world's leader applied and takes part.
PARTICIPANT_URLS = {
    "my_application": lambda w: {"pk": w.application.pk},
    "my_application_withdraw": lambda w: {"pk": w.application.pk},
    "participation": lambda w: {"pk": w.participant.pk},
    "participation_ical": lambda w: {"pk": w.participant.pk},
    "group_ical": lambda w: {"pk": w.participant.pk},
    "assignment": lambda w: {"pk": w.participant.pk, "assignment_pk": w.assignment.pk},
    "assignment_file": lambda w: {"pk": w.participant.pk, "assignment_pk": w.assignment.pk},
    "reflection": lambda w: {"pk": w.participant.pk, "session_pk": w.session.pk},
    "coaching_moment": lambda w: {"pk": w.participant.pk, "coaching_pk": w.coaching.pk},
    "my_research": lambda w: {"pk": w.participant.pk},
    "my_research_file": lambda w: {"pk": w.participant.pk, "group_pk": w.research.pk},
    "certificate": lambda w: {"pk": w.participant.pk},
    "profile_consent": lambda w: {"pk": w.participant.pk},
}

URLS = {
    **{f"networks:{name}": fn for name, fn in PROVIDER_URLS.items()},
    **{f"networks:{name}": fn for name, fn in PARTICIPANT_URLS.items()},
}

OPEN = {
    "networks:public_catalogue": "the public course catalogue of all providers (published "
    "offer only)",
    "networks:catalogue": "the public course catalogue of a provider (published offer only)",
    "networks:programme": "a public course page of the catalogue",
    "networks:edition": "a public edition page of the catalogue (dates, place, free places)",
    "networks:edition_ical": "the public dates of a catalogue edition as iCal",
    "networks:register": "the registration form of a public edition; it shows only public data "
    "and the logged-in person's own schools and colleagues",
    "networks:offer": "token link from the offer mail; an unknown token is a 404 "
    "(tests/test_offer_views.py)",
    "networks:offer_answer": "token link from the offer mail; an unknown token is a 404",
    "networks:home": "the logged-in person's own applications and participations only",
}
