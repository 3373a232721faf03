"""The trainer's overview draws its long tables in one pass (templatetags/networks.py)."""

from django.urls import reverse

from networks.models import Application
from networks.services import registration
from networks.templatetags.networks import PkUrl
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import SessionFactory


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
