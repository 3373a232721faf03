import datetime

import factory
from django.utils import timezone

from communities.models import Meeting
from consultation.models import Body
from organisations.tests.factories import SchoolFactory


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    organisation = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Overleg {n}")
    kind = Body.Kind.POLICY_TEAM


class BodyMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    place = "Lerarenkamer"
