"""A person with something in every kind of personal data, for the privacy tests and the
browser flow: a school leader with a 360° about them (their self-assessment), an anonymous
answer in a school-wide survey, a journal entry, a development agreement, a competence rating,
a PLG membership with minutes they wrote and a product file they published."""

import datetime
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from communities.models import Product
from communities.tests.factories import MeetingFactory, PLGFactory, PLGMemberFactory
from competences import services as competence_services
from competences.models import Rating
from growth.models import DevelopmentAgreement, JournalEntry
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamMembershipFactory
from surveys import services as survey_services
from surveys.answering import Parsed, answers_store, questions_for
from surveys.loader import load_all
from surveys.models import InstrumentVersion, Invitation

ANONYMOUS_COMMENT = "Anoniem-7f3a: de vergaderingen duren te lang"
SELF_COMMENT = "Ik wil beter delegeren"
MINUTES = "We kozen de onderzoeksles over breuken."
PRODUCT_BYTES = b"%PDF-1.7 lesontwerp breuken"


def _answer(invitation, value, comment):
    items, questions = questions_for(invitation)
    values = {item.pk: min(item.scale.maximum, max(item.scale.minimum, value)) for item in items}
    answers_store(
        invitation=invitation,
        items=items,
        parsed=Parsed(values=values, comments={q.pk: comment for q in questions}),
        submit=True,
    )


def build_person_world(*, school, team):
    today = timezone.localdate()
    load_all()
    versions = {
        v.instrument.code: v for v in InstrumentVersion.objects.select_related("instrument")
    }
    admin = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    person = TeamMembershipFactory(
        team=team,
        is_home=True,
        membership__role=Membership.Role.LEADER,
        membership__function="adjunct-directeur",
        membership__user__first_name="Lotte",
        membership__user__last_name="Verbeke",
    ).membership
    until = today + datetime.timedelta(days=14)

    survey_360 = survey_services.survey_create(
        organisation=school,
        version=versions["gedeeld-leiderschap-360"],
        title="360° Lotte",
        subject=person,
        opens_on=today,
        closes_on=until,
        actor=admin.user,
    )
    round_360 = survey_360.rounds.get()
    # A 360° invites its subject in the "self" group.
    self_invitation = Invitation.objects.get(round=round_360, email=person.user.email)
    _answer(self_invitation, 3, SELF_COMMENT)

    pulse = survey_services.survey_create(
        organisation=school,
        version=versions["teampols"],
        title="Teampols",
        subject=None,
        opens_on=today,
        closes_on=until,
        actor=admin.user,
    )
    pulse_round = pulse.rounds.get()
    group = pulse.rater_groups.exclude(kind="self").order_by("position").first()
    anonymous_invitation = Invitation.objects.create(
        round=pulse_round, rater_group=group, email=person.user.email, token="t-pulse-lotte"
    )
    _answer(anonymous_invitation, 4, ANONYMOUS_COMMENT)

    JournalEntry.objects.create(
        membership=person, date=today, what_happened="Eerste intervisie geleid"
    )
    DevelopmentAgreement.objects.create(
        organisation=school,
        person=person,
        leader=admin,
        conversation_on=today,
        goal="Gespreksvoering met ouders versterken",
        due_on=until,
    )
    with translation.override("nl"):
        framework = competence_services.starter_framework(school=school)
    Rating.objects.create(
        membership=person,
        competence=framework.competences.first(),
        kind=Rating.Kind.SELF,
        level=3,
    )
    member = PLGMemberFactory(plg=PLGFactory(organisation=school, name="Rekenen"), person=person)
    PLGMemberFactory(plg=member.plg, person=admin)  # a colleague in the group reads the minutes
    meeting = MeetingFactory(plg=member.plg, minutes=MINUTES, minutes_by=person.user)
    product = Product.objects.create(
        plg=member.plg,
        organisation=school,
        kind=Product.Kind.choices[0][0],
        title="Lesontwerp breuken",
        phase=member.plg.current_phase,
        audience=Product.Audience.choices[0][0],
        file=SimpleUploadedFile("lesontwerp.pdf", PRODUCT_BYTES),
        published_by=person.user,
    )
    return SimpleNamespace(
        school=school,
        admin=admin,
        person=person,
        survey_360=survey_360,
        pulse=pulse,
        anonymous_invitation=anonymous_invitation,
        meeting=meeting,
        product=product,
        plg=member.plg,
    )
