"""The bench's URLconf: the project's URLs plus the floor page, which production never has.

Used only through `override_settings(ROOT_URLCONF="bench.urls")` in core/bench.py.
"""

from django.urls import path

from core.bench_floor import floor
from leerkring.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("bench/floor/", floor, name="bench_floor")]
