"""The action plan as a reader sees it: the page, with each goal's "did it work?" loaded in
place as the browser loads it (one request per goal)."""

import re

from django.urls import reverse

MEASURES_URL = re.compile(r'hx-get="([^"]+/gewerkt/)"')


def plan_url(school) -> str:
    return reverse("development:plan", kwargs={"slug": school.slug})


def measure_urls(html: str) -> list[str]:
    return MEASURES_URL.findall(html)


def plan_as_seen(client, school) -> str:
    """The plan page's HTML followed by every goal's measures fragment."""
    html = client.get(plan_url(school)).content.decode()
    fragments = [
        client.get(url, headers={"HX-Request": "true"}).content.decode()
        for url in measure_urls(html)
    ]
    return "\n".join([html, *fragments])
