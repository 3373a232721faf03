import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from organisations.tests.factories import ProviderFactory

from ..models import Edition, LearningGroup, Programme, Question, Session


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    provider = factory.SubFactory(ProviderFactory)
    code = factory.Sequence(lambda n: f"LK-{n:03d}")
    title = factory.Sequence(lambda n: f"Leidinggeven met impact {n}")
    audience = Programme.Audience.LEADERS
    theme = "gedeeld leiderschap"
    summary = "Een tweedaagse over professionele leergemeenschappen."
    fee = Decimal("295.00")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    programme = factory.SubFactory(ProgrammeFactory)
    name = "najaar 2026"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=7))
    location = "Pedagogisch Centrum"
    city = "Gent"
    room = "Zaal 2"
    capacity = 20
    registration_deadline = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=14)
    )


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    programme = factory.SubFactory(ProgrammeFactory)
    text = "Wat is je motivatie?"
    kind = Question.Kind.TEXT
    required = True


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    edition = factory.SubFactory(EditionFactory)
    kind = Session.Kind.TRAINING
    title = factory.Sequence(lambda n: f"Vormingsdag {n}")
    date = factory.LazyAttribute(lambda o: o.edition.starts_on)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(16, 0)
    location = "Pedagogisch Centrum"
    room = "Zaal 2"


class LearningGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningGroup

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Leergroep {n}")
