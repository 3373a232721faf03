import html

import pytest
from django.utils import translation

from communities.models import Role
from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamMembershipFactory


@pytest.fixture
def plg(school):
    return PLGFactory(organisation=school, name="Lesson study tellen", is_open=False)


@pytest.fixture
def coach(plg):
    """A staff member who is the PLG's process coach."""
    return PLGMemberFactory(plg=plg, roles=[Role.PROCESS_COACH])


@pytest.fixture
def note_taker(plg):
    return PLGMemberFactory(plg=plg, roles=[Role.NOTE_TAKER])


@pytest.fixture
def colleague(school):
    """A staff member of the school who is not in the PLG (in another team)."""
    return TeamMembershipFactory(team__organisation=school, is_home=True).membership


@pytest.fixture
def school_coach(school):
    return MembershipFactory(organisation=school, role=Membership.Role.COACH)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def shows():
    """`shows(page, msgid)`: the page (as the server renders it, in nl-BE) shows this message.
    A message asserted this way cannot be passed by a field name that happens to match."""

    def _shows(page: str, msgid: str, **placeholders) -> bool:
        with translation.override("nl-be"):
            message = translation.gettext(msgid)
        if placeholders:
            message = message % placeholders
        return message in html.unescape(page)

    return _shows
