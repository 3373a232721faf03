"""A pain point becomes a development point with one click, linked back to its step."""

from django.urls import reverse

from development.models import DevelopmentPoint
from valuestreams.models import PainPoint


def _send_url(value_stream, pain_point):
    kwargs = {"slug": value_stream.organisation.slug, "pk": value_stream.pk, "pain": pain_point.pk}
    return reverse("valuestreams:pain_point_send", kwargs=kwargs)


def _map_url(value_stream):
    kwargs = {"slug": value_stream.organisation.slug, "pk": value_stream.pk}
    return reverse("valuestreams:map_detail", kwargs=kwargs)


def test_a_leader_sends_a_pain_point_and_the_button_says_sent(intake, leader, login):
    pain_point = PainPoint.objects.get()
    client = login(leader)
    response = client.post(_send_url(intake, pain_point), HTTP_HX_REQUEST="true")
    body = " ".join(response.content.decode().split())
    assert "Het knelpunt is naar de ontwikkelpunten gestuurd." in body
    assert f'id="sent-{pain_point.pk}" tabindex="-1" autofocus>verstuurd ✓' in body
    point = DevelopmentPoint.objects.get()
    assert (point.origin, point.source, point.status) == (
        pain_point,
        "value_stream_pain",
        "proposed",
    )
    assert point.anchor == _map_url(intake) + f"#pain-{pain_point.pk}"
    assert point.created_by == leader.user
    # The inbox names the map and step, and links back to the pain point.
    inbox = client.get(reverse("development:point_list", kwargs={"slug": intake.organisation.slug}))
    text = inbox.content.decode()
    assert "Inschrijving nieuwe leerling: Intakegesprek" in text
    assert f'href="{point.anchor}"' in text
    assert "knelpunt in een waardestroom" in text or "pain point in a value stream" in text


def test_sending_twice_keeps_one_point(intake, coach, login):
    pain_point = PainPoint.objects.get()
    client = login(coach)
    client.post(_send_url(intake, pain_point))
    response = client.post(_send_url(intake, pain_point))
    assert response.url == _map_url(intake) + f"#pain-{pain_point.pk}"
    assert DevelopmentPoint.objects.count() == 1
    page = client.get(_map_url(intake)).content.decode()
    assert "verstuurd ✓" in page
    assert "Dit knelpunt was al naar de ontwikkelpunten gestuurd." in page


def test_staff_see_the_pain_point_but_cannot_send_it(intake, staff_member, outsider, login):
    pain_point = PainPoint.objects.get()
    assert login(staff_member).post(_send_url(intake, pain_point)).status_code == 403
    assert login(outsider).post(_send_url(intake, pain_point)).status_code == 404
    assert not DevelopmentPoint.objects.exists()


def test_a_step_whose_pain_point_was_sent_is_not_deleted(intake, leader, login):
    pain_point = PainPoint.objects.get()
    client = login(leader)
    client.post(_send_url(intake, pain_point))
    kwargs = {"slug": intake.organisation.slug, "pk": intake.pk, "step": pain_point.step_id}
    response = client.post(reverse("valuestreams:step_delete", kwargs=kwargs), follow=True)
    assert "staat in de ontwikkelpunten" in response.content.decode()
    kwargs = {"slug": intake.organisation.slug, "pk": intake.pk, "pain": pain_point.pk}
    response = client.post(
        reverse("valuestreams:pain_point_delete", kwargs=kwargs), HTTP_HX_REQUEST="true"
    )
    assert "staat in de ontwikkelpunten" in response.content.decode()
    assert PainPoint.objects.filter(pk=pain_point.pk).exists()
    inbox = client.get(reverse("development:point_list", kwargs={"slug": intake.organisation.slug}))
    assert "Ouders wachten een week op een gesprek." in inbox.content.decode()
