"""The journal pages: writing, editing and deleting one's own entries, bad input."""

import pytest
from django.urls import reverse

from growth.models import JournalEntry

pytestmark = pytest.mark.django_db


def _url(name, membership, **kwargs):
    return reverse(f"growth:{name}", kwargs={"slug": membership.organisation.slug, **kwargs})


def _data(today, **extra):
    return {
        "date": today.isoformat(),
        "what_happened": "Ik probeerde coöperatief leren.",
        "what_i_learned": "Rollen helpen.",
        "what_i_will_try": "Tijdwachter invoeren.",
        "sharing": "private",
        **extra,
    }


def test_a_teacher_writes_an_entry_and_sees_it_in_her_journal(login, staff_member, today):
    client = login(staff_member)
    assert client.get(_url("journal_new", staff_member)).status_code == 200
    response = client.post(_url("journal_new", staff_member), _data(today))
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.membership == staff_member and entry.is_private
    page = client.get(_url("journal", staff_member)).text
    assert "coöperatief leren" in page and "Privé" in page


def test_an_entry_without_what_happened_is_refused_in_dutch(login, staff_member, today):
    response = login(staff_member).post(
        _url("journal_new", staff_member), _data(today, what_happened="  ")
    )
    assert response.status_code == 200
    assert "Schrijf op wat er gebeurde." in response.text
    assert not JournalEntry.objects.exists()


def test_sharing_with_a_coach_without_choosing_one_is_refused(login, staff_member, today):
    response = login(staff_member).post(
        _url("journal_new", staff_member), _data(today, sharing="coach")
    )
    assert response.status_code == 200
    assert "Kies een coach" in response.text
    assert not JournalEntry.objects.exists()


def test_the_author_edits_and_deletes_after_confirming(login, staff_member, coach, today):
    client = login(staff_member)
    client.post(_url("journal_new", staff_member), _data(today))
    entry = JournalEntry.objects.get()
    edit = _url("journal_edit", staff_member, pk=entry.pk)
    assert client.post(edit, _data(today, sharing="coach", coach=coach.pk)).status_code == 302
    entry.refresh_from_db()
    assert entry.coach == coach
    delete = _url("journal_delete", staff_member, pk=entry.pk)
    assert "Dit kan niet ongedaan" in client.get(delete).text
    assert JournalEntry.objects.exists()
    assert client.post(delete).status_code == 302
    assert not JournalEntry.objects.exists()


def test_a_colleague_cannot_edit_or_delete_my_entry(login, staff_member, colleague, today):
    login(staff_member).post(_url("journal_new", staff_member), _data(today))
    entry = JournalEntry.objects.get()
    client = login(colleague)
    assert client.get(_url("journal_edit", colleague, pk=entry.pk)).status_code == 404
    assert client.post(_url("journal_delete", colleague, pk=entry.pk)).status_code == 404
    assert JournalEntry.objects.exists()


def test_the_coach_reads_a_shared_entry_on_the_shared_page(login, staff_member, coach, today):
    login(staff_member).post(
        _url("journal_new", staff_member), _data(today, sharing="coach", coach=coach.pk)
    )
    page = login(coach).get(_url("journal_shared", coach)).text
    assert "coöperatief leren" in page and str(staff_member.user) in page
