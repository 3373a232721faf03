"""The trainer's overview draws its long tables and lists in one pass
(templatetags/networks.py)."""

import datetime

from django.urls import reverse

from core.pk_url import PkUrl
from networks.models import Application, Assignment
from networks.services import registration
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import LearningGroupFactory, SessionFactory


def test_a_list_url_puts_each_id_where_reverse_would():
    kwargs = {"slug": "2147483647"}  # a slug that looks like the id's stand-in
    url = PkUrl("networks:session_edit", kwargs)
    assert url.with_pk(12) == reverse("networks:session_edit", kwargs={**kwargs, "pk": 12})


def test_the_overview_rows_link_each_session_and_application(login, trainer, provider, edition):
    edition.capacity = 1
    edition.save()
    school = SchoolFactory(name="De <Brug>")
    an = UserFactory(first_name="An", last_name="Smet")
    first = registration.application_submit(edition_id=edition.pk, applicant=an, school=school)
    waiting = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(2)
    ]
    assert {a.status for a in waiting} == {Application.Status.WAITLISTED}
    session = SessionFactory(edition=edition, title="Dag <1>")
    page = (
        login(trainer)
        .get(reverse("networks:edition_overview", kwargs={"slug": provider.slug, "pk": edition.pk}))
        .content.decode()
    )
    detail = reverse("networks:application_detail", kwargs={"slug": provider.slug, "pk": first.pk})
    assert f'<a href="{detail}">An Smet</a>' in page
    assert "De &lt;Brug&gt;" in page and "Dag &lt;1&gt;" in page
    for name in ("session_attendance", "session_edit", "session_delete"):
        assert reverse(f"networks:{name}", kwargs={"slug": provider.slug, "pk": session.pk}) in page
    assert '<td data-label="#">1</td>' in page and '<td data-label="#">2</td>' in page
    assert "iedereen" in page  # a session for all participants


def test_the_overview_lists_each_group_and_assignment(login, trainer, provider, edition):
    mine = LearningGroupFactory(edition=edition, trainer=trainer, name="Groep <A>")
    theirs = LearningGroupFactory(edition=edition, trainer=None, name="Groep B")
    due = datetime.date(2026, 3, 9)
    shared = Assignment.objects.create(
        edition=edition, title="Samen <schrijven>", is_group=True, due_on=due
    )
    page = (
        login(trainer)
        .get(reverse("networks:edition_overview", kwargs={"slug": provider.slug, "pk": edition.pk}))
        .content.decode()
    )
    kwargs = {"slug": provider.slug}
    group_url = reverse("networks:group_detail", kwargs={**kwargs, "pk": mine.pk})
    assert f'<a href="{group_url}">Groep &lt;A&gt;</a>' in page
    assert f"— {trainer.user.get_full_name()}, 0 leden" in page
    assert "— nog geen trainer, 0 leden" in page
    # The 360° profile is offered to the group's own trainer only.
    assert reverse("networks:group_profile", kwargs={**kwargs, "pk": mine.pk}) in page
    assert reverse("networks:group_profile", kwargs={**kwargs, "pk": theirs.pk}) not in page
    assert page.count("<li>Let op:") >= 2  # both groups are too small
    detail = reverse("networks:assignment_detail", kwargs={**kwargs, "pk": shared.pk})
    assert (
        f'<tr><td><a href="{detail}">Samen &lt;schrijven&gt;</a> <span class="muted">(groep)'
        "</span></td><td>9 Mrt 2026</td><td>0</td><td>2</td></tr>"
    ) in page
