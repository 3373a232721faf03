"""The bench's floor: the base layout for a signed-in user with a 50-row, 6-column table
built from a plain list. It costs only the session and user queries, so it shows how fast a
page can be in this stack; mounted only by bench/urls.py, never in production."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

FUNCTIONS = ["leerkracht", "kleuteronderwijzer", "zorgcoördinator", "turnleerkracht"]
TEAMS = ["Kleuterteam", "Eerste graad", "Tweede graad", "Derde graad", "Zorgteam"]


@login_required
def floor(request):
    rows = [
        (
            f"Persoon {i}",
            f"persoon{i}@school.example",
            FUNCTIONS[i % len(FUNCTIONS)],
            "personeelslid",
            TEAMS[i % len(TEAMS)],
            TEAMS[(i + 2) % len(TEAMS)],
        )
        for i in range(50)
    ]
    return render(request, "core/bench_floor.html", {"rows": rows})
