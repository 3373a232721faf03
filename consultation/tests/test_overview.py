"""The leader's overview asks for the minutes of meetings held without them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from .factories import BodyFactory, BodyMeetingFactory

pytestmark = pytest.mark.django_db


def test_the_overview_names_meetings_held_without_minutes(login, school, leader):
    body = BodyFactory(organisation=school, name="Beleidsteam")
    now = timezone.now()
    # A moment ago, so that it lies in the current school year whatever today is.
    waiting = BodyMeetingFactory(body=body, starts_at=now - datetime.timedelta(minutes=5))
    BodyMeetingFactory(body=body, starts_at=now - datetime.timedelta(minutes=3), minutes="Klaar")
    BodyMeetingFactory(body=body)  # still to come
    kwargs = {"slug": school.slug, "app": "consultation"}
    html = login(leader).get(reverse("organisations:overview_sections", kwargs=kwargs))
    html = html.content.decode()
    url = reverse(
        "consultation:meeting_detail",
        kwargs={"slug": school.slug, "pk": body.pk, "meeting_pk": waiting.pk},
    )
    assert f'href="{url}"' in html
    assert "zonder verslag" in html
