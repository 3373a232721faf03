"""Who reads a journal entry. The selectors are the only way the app reads entries, so these
cases are the proof: a private entry is read by its author and by nobody else — not a
colleague, not the school's leader or administrator, not a superuser, not another school."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from communities.tests.factories import PLGFactory, PLGMemberFactory
from growth import selectors, services
from growth.models import JournalEntry
from organisations.access import get_access

pytestmark = pytest.mark.django_db


def _write(author, today, **sharing):
    access = get_access(author.user, author.organisation.slug)
    return services.journal_entry_save(
        access=access, date=today, what_happened="Een moeilijke les over breuken.", **sharing
    )


def _sees(membership, entry) -> bool:
    user = membership.user if hasattr(membership, "user") else membership
    return selectors.journal_readable_by(user=user, entry=entry) or (
        entry in selectors.journal_shared_with(user=user)
    )


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_a_private_entry_is_read_by_its_author_only(
    staff_member, colleague, leader, admin, coach, outsider, superuser, today
):
    entry = _write(staff_member, today)
    assert entry.sharing == JournalEntry.Sharing.PRIVATE
    assert _sees(staff_member, entry)
    for reader in (colleague, leader, admin, coach, outsider, superuser):
        assert not _sees(reader, entry), reader
    for reader in (colleague, leader, admin, coach):
        access = get_access(reader.user, reader.organisation.slug)
        assert not selectors.journal_of(access=access).exists()


def test_no_page_shows_a_private_entry_to_leader_admin_or_superuser(
    login, staff_member, leader, admin, superuser, today, client
):
    entry = _write(staff_member, today)
    slug = staff_member.organisation.slug
    urls = [
        reverse(name, kwargs={"slug": slug, "pk": entry.pk})
        for name in ("growth:journal_edit", "growth:journal_delete")
    ]
    for reader in (leader, admin):
        login(reader)
        for url in urls:
            assert client.get(url).status_code == 404
            assert client.post(url).status_code in (404, 200)
        for name in ("growth:journal", "growth:journal_shared"):
            assert "moeilijke les" not in client.get(reverse(name, kwargs={"slug": slug})).text
    client.force_login(superuser)
    for url in urls:
        assert client.get(url).status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_the_chosen_coach_reads_a_shared_entry_and_nobody_else_does(
    staff_member, colleague, leader, admin, coach, outsider, school, today
):
    from organisations.models import Membership
    from organisations.tests.factories import MembershipFactory

    other_coach = MembershipFactory(organisation=school, role=Membership.Role.COACH)
    entry = _write(staff_member, today, sharing=JournalEntry.Sharing.COACH, coach=coach)
    assert list(selectors.journal_shared_with(user=coach.user)) == [entry]
    for reader in (colleague, leader, admin, outsider, other_coach):
        assert not _sees(reader, entry), reader


def test_a_coach_of_another_school_cannot_be_chosen(staff_member, outsider, today):
    from core.errors import LeerkringError

    with pytest.raises(LeerkringError):
        _write(staff_member, today, sharing=JournalEntry.Sharing.COACH, coach=outsider)
    assert not JournalEntry.objects.exists()


def test_an_entry_shared_with_a_learning_group_reaches_its_members(
    staff_member, colleague, leader, learning_group, today
):
    entry = _write(
        staff_member, today, sharing=JournalEntry.Sharing.GROUP, learning_group=learning_group
    )
    assert _sees(colleague, entry)
    assert not _sees(leader, entry)


def test_an_entry_shared_with_a_plg_reaches_its_members_only(
    staff_member, colleague, leader, school, today
):
    plg = PLGFactory(organisation=school)
    PLGMemberFactory(plg=plg, person=staff_member)
    PLGMemberFactory(plg=plg, person=colleague)
    entry = _write(staff_member, today, sharing=JournalEntry.Sharing.PLG, plg=plg)
    assert _sees(colleague, entry)
    assert not _sees(leader, entry)


def test_a_plg_the_author_is_not_in_cannot_be_chosen(staff_member, school, today):
    from core.errors import LeerkringError

    plg = PLGFactory(organisation=school)
    with pytest.raises(LeerkringError):
        _write(staff_member, today, sharing=JournalEntry.Sharing.PLG, plg=plg)


def test_making_an_entry_private_again_hides_it_from_the_coach(staff_member, coach, today):
    entry = _write(staff_member, today, sharing=JournalEntry.Sharing.COACH, coach=coach)
    access = get_access(staff_member.user, staff_member.organisation.slug)
    services.journal_entry_save(access=access, entry=entry, date=today, what_happened="Toch privé.")
    entry.refresh_from_db()
    assert entry.coach is None and not _sees(coach, entry)
