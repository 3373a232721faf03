"""A school leader in a learning network hands in the value stream assignment as a link to her
school's map; the trainer opens the submission and reads that map, without other access to the
school. Every page passes axe."""

from django.utils import timezone
from playwright.sync_api import expect

from networks.models import Assignment, Submission
from networks.services import registration
from networks.tests.factories import EditionFactory, ProgrammeFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory
from valuestreams import services as valuestreams


def test_a_participant_hands_in_her_map_and_the_trainer_reads_it(
    page, login_as, leader, school, check_accessibility, dutch
):
    provider = ProviderFactory(name="Begeleidingsdienst", slug="bgd")
    trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    programme = ProgrammeFactory(provider=provider, trainer=trainer, title="Samen leren leiden")
    edition = EditionFactory(programme=programme, capacity=10)
    participant = registration.application_submit(
        edition_id=edition.pk, applicant=leader.user, people=[leader.user], school=school
    ).participants.get()
    assignment = Assignment.objects.create(
        edition=edition, title="Een proces in kaart", due_on=timezone.localdate()
    )
    value_stream = valuestreams.map_create(
        organisation=school, process="Inschrijving nieuwe leerling", kind="core", actor=leader.user
    )
    valuestreams.step_add(
        value_stream=value_stream,
        name="Intakegesprek",
        actor="directeur",
        process_minutes=60,
        waiting_minutes=7 * 1440,
    )

    login_as(page, leader, f"/mijn-leernetwerken/{participant.pk}/opdrachten/{assignment.pk}/")
    check_accessibility(page)
    page.get_by_label(dutch("Value stream map of your school")).select_option(str(value_stream.pk))
    page.get_by_role("button", name=dutch("Hand in")).click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Inschrijving nieuwe leerling")
    check_accessibility(page)
    submission = Submission.objects.get()
    assert submission.value_stream == value_stream

    page.context.clear_cookies()
    login_as(page, trainer, f"/o/{provider.slug}/netwerken/inzendingen/{submission.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name="Inschrijving nieuwe leerling").click()
    expect(page.locator("h1")).to_contain_text("Inschrijving nieuwe leerling")
    expect(page.locator("svg.vsm")).to_contain_text("Intakegesprek")
    expect(page.locator(".vsm-table")).to_contain_text("7 dagen")
    check_accessibility(page)
    # The school's own pages stay closed to the trainer.
    response = page.goto(f"/o/{school.slug}/value-streams/{value_stream.pk}/")
    assert response.status == 404
