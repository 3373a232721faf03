import factory

from accounts.tests.factories import UserFactory
from organisations.models import Membership, Organisation, Team, TeamMembership


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.COMMUNITY
    name = factory.Sequence(lambda n: f"Scholengemeenschap {n}")
    slug = factory.Sequence(lambda n: f"sg-{n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.SCHOOL
    name = factory.Sequence(lambda n: f"Basisschool {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")
    parent = factory.SubFactory(CommunityFactory)
    city = "Gent"


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.PROVIDER
    name = factory.Sequence(lambda n: f"Begeleidingsdienst {n}")
    slug = factory.Sequence(lambda n: f"aanbieder-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(SchoolFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.STAFF
    function = "leerkracht"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    mission = "Elk kind van de eerste graad leert lezen met plezier."


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(TeamFactory)
    membership = factory.SubFactory(
        MembershipFactory, organisation=factory.SelfAttribute("..team.organisation")
    )
    is_home = False
