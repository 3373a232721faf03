import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from communities.library_forms import MAX_UPLOAD_BYTES
from communities.models import Product, ProductReaction, Resource, Role
from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


@pytest.fixture
def curator(plg):
    return PLGMemberFactory(plg=plg, roles=[Role.CURATOR])


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_a_real_word_document_is_accepted_in_the_library(login, plg, curator):
    login(curator.person).post(
        _url("resource_list", plg),
        {"kind": "file", "title": "Lesplan", "file": SimpleUploadedFile("lesplan.docx", _docx())},
    )
    assert Resource.objects.get(plg=plg).file.name.endswith(".docx")


def test_the_curator_adds_a_link_a_note_and_a_file(login, plg, curator):
    client = login(curator.person)
    client.post(
        _url("resource_list", plg),
        {
            "kind": "link",
            "title": "Leerlijn tellen",
            "url": "https://example.org/tellen",
            "tags": "Rekenen, kleuters, rekenen",
        },
    )
    client.post(
        _url("resource_list", plg),
        {
            "kind": "file",
            "title": "Observatieformulier",
            "file": SimpleUploadedFile("observatie.pdf", b"%PDF-1.4 observatie"),
            "tags": "observatie",
        },
    )
    resources = {r.title: r for r in Resource.objects.filter(plg=plg)}
    assert resources["Leerlijn tellen"].tags == "rekenen, kleuters"
    download = client.get(
        _url("resource_file", plg, resource_pk=resources["Observatieformulier"].pk)
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 observatie"
    filtered = client.get(_url("resource_list", plg) + "?tag=observatie").content.decode()
    assert "Observatieformulier" in filtered and "Leerlijn tellen" not in filtered


def test_a_disguised_file_gets_a_clear_error_and_the_form_keeps_its_text(login, plg, curator):
    response = login(curator.person).post(
        _url("resource_list", plg),
        {
            "kind": "file",
            "title": "Handig programma",
            "tags": "tools",
            "file": SimpleUploadedFile("handleiding.pdf", b"MZ\x90\x00 this is a program"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "handleiding.pdf" in page and "Handig programma" in page
    assert "niet wat de naam zegt" in page
    assert not Resource.objects.exists()


def test_a_file_of_50_mb_is_refused_with_its_size_named(login, plg, curator):
    big = SimpleUploadedFile("video.pdf", b"%PDF-" + b"0" * (50 * 1024 * 1024))
    response = login(curator.person).post(
        _url("resource_list", plg), {"kind": "file", "title": "Lesopname", "file": big}
    )
    page = response.content.decode()
    assert "50,0" in page or "50.0" in page
    assert "hoogstens 10,0" in page or "hoogstens 10.0" in page
    assert "Lesopname" in page
    assert not Resource.objects.exists()
    assert MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_a_plain_member_cannot_add_resources(login, plg, colleague):
    member = PLGMemberFactory(plg=plg, person=colleague)
    response = login(member.person).post(
        _url("resource_list", plg), {"kind": "note", "title": "x", "note": "y"}
    )
    assert response.status_code == 403


def test_a_product_without_a_title_is_refused_and_nothing_typed_is_lost(login, plg, curator, shows):
    response = login(curator.person).post(
        _url("product_create", plg),
        {
            "kind": "lesson_design",
            "title": "",
            "summary": "Les over tellen met blokjes",
            "subject": "wiskunde",
            "grade": "K3",
            "audience": "school",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Les over tellen met blokjes" in page
    assert shows(page, "Give the product a title, so that colleagues find it.")
    assert not Product.objects.exists()


def test_a_colleague_of_another_team_finds_and_thanks_a_product(
    login, plg, curator, colleague, client
):
    login(curator.person).post(
        _url("product_create", plg),
        {
            "kind": "lesson_design",
            "title": "Onderzoeksles tellen tot tien",
            "summary": "Met blokjes",
            "subject": "Wiskunde",
            "grade": "K3",
            "tags": "tellen, kleuters",
            "audience": "school",
        },
    )
    product = Product.objects.get()
    assert product.phase == plg.current_phase and product.organisation == plg.organisation
    client.force_login(colleague.user)
    search = reverse("communities:product_search", kwargs={"slug": plg.organisation.slug})
    assert "Onderzoeksles tellen" in client.get(search + "?subject=wisk").content.decode()
    assert "Onderzoeksles tellen" not in client.get(search + "?grade=L6").content.decode()
    thanks = reverse(
        "communities:product_react",
        kwargs={"slug": plg.organisation.slug, "product_pk": product.pk, "kind": "thanks"},
    )
    response = client.post(thanks, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="reactions-' in response.content.decode()
    client.post(thanks, HTTP_HX_REQUEST="true")  # a second click counts once
    assert ProductReaction.objects.filter(product=product, kind="thanks").count() == 1
    client.force_login(curator.person.user)
    detail = client.get(_url("plg_detail", plg)).content.decode()
    assert "één keer bedankt" in detail


def test_products_shared_with_the_community_reach_its_other_schools_only(login, plg, curator):
    plg.organisation.refresh_from_db()
    sister = MembershipFactory(organisation=SchoolFactory(parent=plg.organisation.parent))
    stranger = MembershipFactory(organisation=SchoolFactory())
    for title, audience in (("Voor de school", "school"), ("Voor iedereen", "community")):
        login(curator.person).post(
            _url("product_create", plg), {"kind": "protocol", "title": title, "audience": audience}
        )
    client = Client()
    client.force_login(sister.user)
    page = client.get(
        reverse("communities:product_search", kwargs={"slug": sister.organisation.slug})
    ).content.decode()
    assert "Voor iedereen" in page and "Voor de school" not in page
    hidden = Product.objects.get(title="Voor de school")
    assert (
        client.get(
            reverse(
                "communities:product_detail",
                kwargs={"slug": sister.organisation.slug, "product_pk": hidden.pk},
            )
        ).status_code
        == 404
    )
    client.force_login(stranger.user)
    page = client.get(
        reverse("communities:product_search", kwargs={"slug": stranger.organisation.slug})
    ).content.decode()
    assert "Voor iedereen" not in page


@pytest.mark.parametrize("count", [2, 15])
def test_the_product_search_has_a_constant_query_count(
    login, school, leader, count, django_assert_max_num_queries
):
    plg = PLGFactory(organisation=school)
    for i in range(count):
        Product.objects.create(
            plg=plg,
            organisation=school,
            kind="material",
            title=f"Materiaal {i}",
            phase="study",
            tags="a, b",
        )
    client = login(leader)
    with django_assert_max_num_queries(6):
        client.get(reverse("communities:product_search", kwargs={"slug": school.slug}))


def test_the_yearly_report_shows_question_meetings_and_products_as_page_and_pdf(login, plg, coach):
    from communities.tests.factories import MeetingFactory

    plg.learnings = "Kleuters tellen beter met concreet materiaal."
    plg.save()
    MeetingFactory(plg=plg)
    Product.objects.create(
        plg=plg,
        organisation=plg.organisation,
        kind="findings",
        title="Bevindingen tellen",
        phase="study",
    )
    client = login(coach.person)
    page = client.get(_url("plg_report", plg)).content.decode()
    assert plg.learning_question in page
    assert "Bevindingen tellen" in page and "concreet materiaal" in page
    pdf = client.get(_url("plg_report_pdf", plg))
    assert pdf.content.startswith(b"%PDF")
    from accounts.models import AuditEvent

    assert AuditEvent.objects.filter(
        actor=coach.person.user,
        action=AuditEvent.Action.EXPORT,
        object_id=str(plg.pk),
    ).exists()


def test_a_provider_reads_the_report_of_a_shared_plg_but_nothing_else(client, plg):
    from accounts.models import AuditEvent
    from organisations.models import Membership
    from organisations.tests.factories import ProviderFactory

    trainer = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    client.force_login(trainer.user)
    shared = reverse("communities:shared_reports", kwargs={"slug": trainer.organisation.slug})
    assert client.get(_url("plg_report", plg)).status_code == 404
    assert plg.name not in client.get(shared).content.decode()
    plg.shared_with = trainer.organisation
    plg.save()
    assert plg.name in client.get(shared).content.decode()
    assert client.get(_url("plg_report", plg)).status_code == 200
    assert AuditEvent.objects.filter(
        actor=trainer.user, action=AuditEvent.Action.VIEW, object_id=str(plg.pk)
    ).exists()
    assert client.get(_url("plg_detail", plg)).status_code == 404
    assert client.get(_url("plg_members", plg)).status_code == 404


def test_a_colleague_reuses_a_product_in_the_library_of_her_own_plg(login, plg, curator, school):
    product = Product.objects.create(
        plg=plg,
        organisation=school,
        kind="material",
        title="Rekenketting-kaarten",
        phase="study",
        summary="Kaarten bij de rekenketting",
        tags="tellen",
    )
    own = PLGFactory(
        organisation=school, name="Ontwerpteam rekenen", type="design_team", current_phase="analyse"
    )
    colleague = PLGMemberFactory(plg=own, roles=[Role.CURATOR])
    client = login(colleague.person)
    url = reverse(
        "communities:product_reuse_in", kwargs={"slug": school.slug, "product_pk": product.pk}
    )
    client.post(url, {"plg": own.pk})
    resource = Resource.objects.get(plg=own)
    assert resource.title == "Rekenketting-kaarten" and resource.product == product
    library = client.get(
        reverse("communities:resource_list", kwargs={"slug": school.slug, "pk": own.pk})
    ).content.decode()
    assert f"/products/{product.pk}/" in library
    assert ProductReaction.objects.filter(product=product, kind="reuse").count() == 1
    # Not into a PLG where she keeps no library.
    assert client.post(url, {"plg": plg.pk}).status_code == 404
