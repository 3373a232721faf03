"""Tenant isolation harness.

Every URL pattern of the project (UI and API) is enumerated. Each must be listed by an app's
`tests/isolation_cases.py`, either in URLS (it bears a tenant's objects) or in OPEN (with the
reason it does not). For every URLS entry, a leader of another school, a trainer of a provider
and an anonymous visitor request it with GET and POST and must never get the data. A new URL
that no app lists makes the test fail.
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.discovery import app_modules
from organisations.models import Membership
from organisations.tests.factories import (
    CommunityFactory,
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
)

SKIPPED_NAMESPACES = {"admin"}  # Django's admin: staff only, guarded by is_staff


def _case_modules():
    return app_modules("tests.isolation_cases")


def _collect_cases():
    urls, open_urls = {}, {}
    for module in _case_modules():
        urls.update(getattr(module, "URLS", {}))
        open_urls.update(getattr(module, "OPEN", {}))
    return urls, open_urls


def _url_names(patterns=None, namespace=""):
    """Every named URL pattern, with its namespace; unnamed patterns as `?route`."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            child_ns = f"{namespace}{ns}:" if ns else namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            names.extend(_url_names(pattern.url_patterns, child_ns))
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name}" if pattern.name else f"?{pattern.pattern}")
    return names


@pytest.fixture
def world(db):
    """A tenant's world that each app extends with its own objects through `build(world)`."""
    community = CommunityFactory(name="Scholengemeenschap Noord", slug="sg-noord")
    school = SchoolFactory(name="Basisschool Het Anker", slug="het-anker", parent=community)
    team = TeamFactory(organisation=school, name="Lagere school")
    leader = MembershipFactory(organisation=school, role=Membership.Role.LEADER)
    staff = TeamMembershipFactory(team=team, is_home=True).membership
    provider = ProviderFactory(name="Begeleidingsdienst Zuid", slug="bd-zuid")
    trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    w = SimpleNamespace(
        community=community,
        school=school,
        team=team,
        leader=leader,
        staff=staff,
        provider=provider,
        trainer=trainer,
    )
    for module in _case_modules():
        build = getattr(module, "build", None)
        if build:
            build(w)
    return w


@pytest.fixture
def strangers(db):
    """People with rights elsewhere: a leader of another school and community, a trainer of
    another provider."""
    other_leader = MembershipFactory(
        organisation=SchoolFactory(name="Vreemde School", slug="vreemde-school"),
        role=Membership.Role.ADMIN,
    )
    other_trainer = MembershipFactory(
        organisation=ProviderFactory(name="Andere Aanbieder", slug="andere-aanbieder"),
        role=Membership.Role.TRAINER,
    )
    return [other_leader.user, other_trainer.user]


def test_every_url_is_listed_as_tenant_data_or_open():
    urls, open_urls = _collect_cases()
    missing = [name for name in _url_names() if name not in urls and name not in open_urls]
    assert not missing, f"URLs without an isolation case: {missing}"
    stale = [name for name in [*urls, *open_urls] if name not in _url_names()]
    assert not stale, f"isolation cases for URLs that no longer exist: {stale}"


def _cases():
    urls, _open = _collect_cases()
    return sorted(urls.items())


@pytest.mark.parametrize("name,kwargs_for", _cases(), ids=[n for n, _ in _cases()])
def test_outsiders_and_anonymous_never_get_tenant_data(world, strangers, name, kwargs_for):
    url = reverse(name, kwargs=kwargs_for(world))
    owner_user = getattr(world, "owner_for", {}).get(name, world.leader.user)

    owner = Client()
    owner.force_login(owner_user)
    owner_status = owner.get(url).status_code
    assert owner_status in (200, 302, 405), (
        f"{name}: its owner gets {owner_status}, so this case proves nothing"
    )

    for user in strangers:
        client = Client()
        client.force_login(user)
        for method in ("get", "post"):
            status = getattr(client, method)(url).status_code
            assert status in (403, 404, 405), f"{name} {method.upper()} as {user}: {status}"

    anonymous = Client()
    for method in ("get", "post"):
        response = getattr(anonymous, method)(url)
        if response.status_code == 302:
            assert (
                settings.LOGIN_URL in response["Location"]
                or "/accounts/login/" in response["Location"]
            ), f"{name} {method.upper()} anonymous redirects to {response['Location']}"
        else:
            assert response.status_code in (401, 403, 404, 405), (
                f"{name} {method.upper()} anonymous: {response.status_code}"
            )
