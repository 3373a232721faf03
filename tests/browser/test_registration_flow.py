"""A school leader finds a course in the provider's public catalogue, registers her learning
group with the provider's own questions before the deadline; the trainer accepts it; a late
applicant lands on the waiting list and is promoted after a withdrawal; the group attends a
training day, hands in an assignment and gets feedback, a coaching pair is formed; the
leader downloads her certificate of participation and lets her 360° count in the group's
combined profile. axe-core checks the catalogue and forms."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from networks.models import (
    Application,
    Assignment,
    CoachingGroup,
    Edition,
    LearningGroup,
    Programme,
    Question,
    Session,
)
from networks.services import registration, running, selection
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    UserFactory,
)


@pytest.fixture
def course(db):
    provider = ProviderFactory(name="Pedagogische Begeleidingsdienst De Leerbrug", slug="leerbrug")
    trainer = MembershipFactory(
        organisation=provider,
        role=Membership.Role.TRAINER,
        user=UserFactory(first_name="Els", last_name="Van den Broeck"),
    )
    programme = Programme.objects.create(
        provider=provider,
        code="LEID-2J",
        title="Je school leiden in complexe omstandigheden",
        audience=Programme.Audience.LEADERS,
        theme="gedeeld leiderschap",
        summary="Twee jaar leren in een leergroep van schoolleiders.",
        trainer=trainer,
        selection=True,
    )
    Question.objects.create(
        programme=programme,
        text="Wat is je functie?",
        kind=Question.Kind.CHOICE,
        choices="directeur\nadjunct-directeur",
        position=1,
    )
    Question.objects.create(programme=programme, text="Waarom doe je mee?", position=2)
    today = timezone.localdate()
    edition = Edition.objects.create(
        programme=programme,
        name="2026–2028",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=600),
        location="Vormingscentrum De Leerbrug",
        city="Gent",
        room="Zaal Schelde",
        capacity=3,  # the group of two and one more
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
    )
    Session.objects.create(
        edition=edition,
        kind=Session.Kind.TRAINING,
        title="Vormingsdag 1: gedeeld leiderschap",
        date=today - datetime.timedelta(days=1),
        start_time=datetime.time(9),
        end_time=datetime.time(16),
        location="Vormingscentrum De Leerbrug",
    )
    Assignment.objects.create(
        edition=edition, title="Beslissingen in kaart", due_on=today + datetime.timedelta(days=7)
    )
    return {"provider": provider, "trainer": trainer, "edition": edition}


@pytest.fixture
def leader_with_colleagues(db):
    school = SchoolFactory(name="Basisschool De Regenboog", slug="de-regenboog")
    leader = MembershipFactory(
        organisation=school,
        role=Membership.Role.LEADER,
        user=UserFactory(first_name="Katrien", last_name="Goossens"),
    )
    colleague = MembershipFactory(
        organisation=school,
        role=Membership.Role.STAFF,
        user=UserFactory(first_name="Pieter", last_name="Maes"),
    )
    return leader, colleague


def _submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def _log_out(page):
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()


def test_a_leader_registers_her_group_and_follows_the_programme(
    page, login_as, course, leader_with_colleagues, check_accessibility, dutch, tab_to
):
    leader, colleague = leader_with_colleagues
    edition, trainer = course["edition"], course["trainer"]
    messages = page.locator(".messages")

    # The public catalogue needs no login; she filters on her audience and place.
    page.goto("/catalogus/leerbrug/")
    check_accessibility(page)
    page.locator("#id_audience").select_option("leaders")
    page.locator("#id_place").select_option("Gent")
    page.locator("main form[role=search] button[type=submit]").click()
    # Each change filters in place (HTMX); wait until the last answer is on the page.
    expect(page).to_have_url(re.compile(r"place=Gent"))
    page.wait_for_load_state("networkidle")
    course_link = page.locator(f"a[href='/catalogus/leerbrug/editie/{edition.pk}/']")
    expect(course_link).to_be_visible()
    course_link.click()
    expect(page.locator("h1")).to_contain_text("Je school leiden in complexe omstandigheden")
    check_accessibility(page)

    # Registering asks her to log in, then shows the provider's questions.
    page.locator(f"main a[href='/catalogus/leerbrug/editie/{edition.pk}/inschrijven/']").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    login_as(page, leader, next_url=f"/catalogus/leerbrug/editie/{edition.pk}/inschrijven/")
    check_accessibility(page)
    page.locator("#id_school").select_option(str(leader.organisation_id))
    # Her colleagues are read when she opens their list, here with the keyboard.
    tab_to(page, page.locator("details.colleagues summary")).press("Enter")
    tab_to(page, page.locator(f"input[name=colleagues][value='{colleague.pk}']")).press("Space")
    expect(page.locator(f"input[name=colleagues][value='{colleague.pk}']")).to_be_checked()
    # Forgetting a required question is told at the question, and nothing is registered.
    _submit(page)
    expect(page.locator(".error-summary")).to_contain_text("Wat is je functie?")
    check_accessibility(page)
    question_ids = list(
        edition.programme.questions.order_by("position").values_list("pk", flat=True)
    )
    page.locator(f"#id_q_{question_ids[0]}").select_option("directeur")
    page.locator(f"#id_q_{question_ids[1]}").fill("Ik wil gedeeld leiderschap opbouwen.")
    page.locator(f"input[name=colleagues][value='{colleague.pk}']").check()
    _submit(page)
    expect(messages).to_have_text(
        dutch("Your application was received. The provider will let you know.")
    )
    application = Application.objects.get(applicant=leader.user)
    assert application.size == 2
    _log_out(page)

    # The trainer accepts the group application as a whole.
    login_as(page, trainer, next_url=f"/o/leerbrug/netwerken/edities/{edition.pk}/")
    check_accessibility(page)
    page.locator(f"a[href='/o/leerbrug/netwerken/aanvragen/{application.pk}/']").click()
    expect(page.locator("main")).to_contain_text("Ik wil gedeeld leiderschap opbouwen.")
    check_accessibility(page)
    _submit(page, "button[name=decision][value=accept]")
    expect(messages).to_have_text(dutch("The application was accepted."))
    _log_out(page)

    # Ann took the last place; Jan applies late: with no place left, the trainer puts him on
    # the waiting list.
    ann = UserFactory(first_name="Ann", last_name="Peeters")
    ann_application = registration.application_submit(
        edition_id=edition.pk,
        applicant=ann,
        answers={question_ids[0]: "directeur", question_ids[1]: "Samen leren."},
    )
    selection.application_accept(application_id=ann_application.pk, actor=trainer.user)
    jan = UserFactory(first_name="Jan", last_name="Wouters")
    login_as(page, jan, next_url=f"/catalogus/leerbrug/editie/{edition.pk}/inschrijven/")
    page.locator(f"#id_q_{question_ids[0]}").select_option("adjunct-directeur")
    page.locator(f"#id_q_{question_ids[1]}").fill("Onze school groeit snel.")
    _submit(page)
    jan_application = Application.objects.get(applicant=jan)
    _log_out(page)
    login_as(page, trainer, next_url=f"/o/leerbrug/netwerken/aanvragen/{jan_application.pk}/")
    _submit(page, "button[name=decision][value=accept]")
    # The edition is full: instead of only refusing, the trainer is offered the waiting list.
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Not enough free places"))
    check_accessibility(page)
    _submit(page, "button[name=decision][value=waitlist]")
    expect(messages).to_have_text(dutch("The application is on the waiting list."))
    _log_out(page)

    # Ann withdraws; Jan gets the place offered by mail and accepts it through the link.
    login_as(page, ann, next_url=f"/mijn-leernetwerken/aanvraag/{ann_application.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name=dutch("Withdraw my application")).click()
    # She is asked first, and told what happens with the places she gives up.
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(dutch("Your application was withdrawn."))
    _log_out(page)
    offer = next(m for m in mail.outbox if jan.email in m.to and "/aanbod/" in m.body)
    offer_path = re.search(r"(/aanbod/[^/\s]+/)", offer.body).group(1)
    page.goto(offer_path)
    check_accessibility(page)
    _submit(page, "button[name=answer][value=accept]")
    expect(messages).to_have_text(dutch("You accepted the place. Welcome!"))
    jan_application.refresh_from_db()
    assert jan_application.status == Application.Status.ACCEPTED

    # The leader sees her accepted registration on her own home.
    login_as(page, leader, next_url="/mijn-leernetwerken/")
    expect(page.locator("main")).to_contain_text("Je school leiden in complexe omstandigheden")
    expect(page.locator("main")).to_contain_text(dutch("accepted"))
    check_accessibility(page)
    participant = application.participants.get(user=leader.user)
    page.locator(f"main a[href='/mijn-leernetwerken/{participant.pk}/']").click()
    expect(page.locator("main")).to_contain_text("Vormingsdag 1: gedeeld leiderschap")
    check_accessibility(page)

    # She hands in the assignment.
    assignment = edition.assignments.get()
    page.locator(
        f"a[href='/mijn-leernetwerken/{participant.pk}/opdrachten/{assignment.pk}/']"
    ).click()
    page.locator("#id_text").fill("Wie beslist wat: een eerste overzicht met het kernteam.")
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(dutch("Your work was handed in."))
    _log_out(page)

    # The trainer records attendance and gives feedback.
    session = edition.sessions.get()
    login_as(page, trainer, next_url=f"/o/leerbrug/netwerken/sessies/{session.pk}/aanwezigheid/")
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(dutch("Attendance was saved."))
    # A learning group of the three, and a coaching group that mixes schools.
    group = LearningGroup.objects.create(
        edition=edition, name="Leergroep Leieland", trainer=trainer
    )
    members = edition.participants.filter(is_active=True, application__status="accepted")
    running.group_set_members(
        group=group, participant_ids=list(members.values_list("pk", flat=True)), actor=None
    )
    page.goto(f"/o/leerbrug/netwerken/edities/{edition.pk}/coaching/")
    check_accessibility(page)
    _submit(page)
    # Three participants: nobody is left out, the pair from two schools becomes a trio.
    trio = CoachingGroup.objects.get(edition=edition)
    assert {m.user for m in trio.members.all()} == {leader.user, jan, colleague.user}
    page.goto(f"/o/leerbrug/netwerken/opdrachten/{assignment.pk}/")
    page.locator("main a[href*='/inzendingen/']").first.click()
    page.locator("#id_feedback").fill("Sterk begin. Welke beslissing geef je als eerste door?")
    _submit(page)
    expect(messages).to_have_text(dutch("Your feedback was saved."))
    _log_out(page)

    # The leader reads the feedback and downloads her certificate.
    login_as(
        page, leader, next_url=f"/mijn-leernetwerken/{participant.pk}/opdrachten/{assignment.pk}/"
    )
    expect(page.locator("main")).to_contain_text("Welke beslissing geef je als eerste door?")
    page.goto(f"/mijn-leernetwerken/{participant.pk}/")
    with page.expect_download() as download:
        page.locator(f"a[href='/mijn-leernetwerken/{participant.pk}/attest.pdf']").click()
    assert download.value.suggested_filename == "deelnameattest-LEID-2J.pdf"

    # She lets her 360° count in the group's combined profile; with one consent the trainer
    # sees only how many consented, never her results.
    _submit(page, "#tailoring form button[type=submit]")
    expect(messages).to_have_text(
        dutch("Your trainer may now include your 360° in the group's combined profile.")
    )
    check_accessibility(page)
    _log_out(page)
    login_as(page, trainer, next_url=f"/o/leerbrug/netwerken/groepen/{group.pk}/profiel/")
    expect(page.locator("main .notice")).to_contain_text("1 leider gaf al toestemming")
    check_accessibility(page)


def test_the_catalogue_and_the_closed_form_work_on_a_phone(
    phone_page, login_as, course, leader_with_colleagues, check_accessibility, dutch
):
    leader, _colleague = leader_with_colleagues
    edition = course["edition"]
    phone_page.goto("/catalogus/leerbrug/")
    check_accessibility(phone_page)
    phone_page.locator("#id_q").fill("LEID")
    phone_page.locator("main form[role=search] button[type=submit]").click()
    expect(phone_page.locator("#catalogue-results")).to_contain_text(
        "Je school leiden in complexe omstandigheden"
    )
    # Leaving the field and pressing the button both search; the test changes the data only
    # once the server answered both, since SQLite's test database locks a table being read.
    phone_page.wait_for_load_state("networkidle")
    # After the deadline the form explains that registration is closed.
    Edition.objects.filter(pk=edition.pk).update(
        registration_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    login_as(phone_page, leader, next_url=f"/catalogus/leerbrug/editie/{edition.pk}/inschrijven/")
    expect(phone_page.locator("main")).not_to_contain_text(dutch("Send my registration"))
    expect(phone_page.locator("main .message--warning")).to_be_visible()
    check_accessibility(phone_page)


def test_without_javascript_a_leader_registers_a_colleague_on_a_phone(
    phone_without_javascript, login_as, course, leader_with_colleagues, dutch
):
    leader, colleague = leader_with_colleagues
    edition = course["edition"]
    page = phone_without_javascript
    login_as(page, leader, next_url=f"/catalogus/leerbrug/editie/{edition.pk}/inschrijven/")
    # The list of colleagues comes with a reload of the page.
    page.locator("details.colleagues summary").click()
    page.get_by_role("link", name=dutch("Show the colleagues")).click()
    page.locator(f"label[for='id_colleagues_{colleague.pk}']").click()
    page.locator("input[name=leave_me_out]").check()
    questions = list(edition.programme.questions.order_by("position"))
    page.locator(f"#id_q_{questions[0].pk}").select_option("directeur")
    page.locator(f"#id_q_{questions[1].pk}").fill("Pieter bouwt onze leergroep mee op.")
    _submit(page)
    expect(page.locator(".messages")).to_have_text(
        dutch("Your application was received. The provider will let you know.")
    )
    application = Application.objects.get(applicant=leader.user)
    assert list(application.participants.values_list("user", flat=True)) == [colleague.user_id]
