from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from vision.models import VisionProcess


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_the_main_school_published_a_vision_carried_by_four_groups(client, demo):
    process = VisionProcess.objects.get(organisation__slug=MAIN_SCHOOL_SLUG)
    assert process.is_published
    assert set(process.groups.values_list("kind", flat=True)) == {
        "staff",
        "pupils",
        "parents",
        "partners",
    }
    client.force_login(User.objects.get(email=LOGIN_EMAILS["staff"]))
    url = reverse("vision:results", kwargs={"slug": MAIN_SCHOOL_SLUG, "pk": process.pk})
    response = client.get(url)
    html = response.content.decode()
    assert process.published_text.split("\n")[0] in html and "<svg" in html
    counts = response.context["counts"]
    # The partners' two contributions are merged with the smallest other group.
    assert [g.name for g in counts.merged] == ["Ouders", "Partners"]
    assert response.context["participants"] >= 40
