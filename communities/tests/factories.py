import datetime

import factory
from django.utils import timezone

from communities.models import PLG, ActionItem, Meeting, MemberRole, PLGMember
from organisations.tests.factories import MembershipFactory, SchoolFactory


class PLGFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PLG

    organisation = factory.SubFactory(SchoolFactory)
    type = PLG.Type.LESSON_STUDY
    name = factory.Sequence(lambda n: f"PLG {n}")
    learning_question = "Hoe helpen we kleuters om met begrip te tellen?"
    focus = PLG.Focus.PUPILS
    is_open = True
    status = PLG.Status.ACTIVE
    current_phase = factory.LazyAttribute(lambda o: PLG(type=o.type).cycle.first.code)


class PLGMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PLGMember
        skip_postgeneration_save = True

    plg = factory.SubFactory(PLGFactory)
    person = factory.SubFactory(
        MembershipFactory, organisation=factory.SelfAttribute("..plg.organisation")
    )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            MemberRole.objects.create(member=self, role=role)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    plg = factory.SubFactory(PLGFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    place = "Lerarenkamer"
    phase = factory.LazyAttribute(lambda o: o.plg.current_phase)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    plg = factory.SelfAttribute("owner.plg")
    owner = factory.SubFactory(PLGMemberFactory)
    description = "Observatieformulier klaarzetten"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
