"""Isolation cases for the world's school's vision process (in its collect phase, so every
page of it answers its leader)."""


def build(w):
    from organisations.access import get_access
    from vision import services

    access = get_access(w.leader.user, w.school.slug)
    w.vision = services.process_create(
        organisation=w.school, access=access, title="Visie", question="Waarom?", actor=None
    )


def _school(w):
    return {"slug": w.school.slug}


def _process(w):
    return {"slug": w.school.slug, "pk": w.vision.pk}


URLS = {
    "vision:process_list": _school,
    "vision:process_create": _school,
    "vision:process_detail": _process,
    "vision:phase_advance": _process,
    "vision:group_add": _process,
    "vision:cluster": _process,
    "vision:theme_create": _process,
    "vision:publish": _process,
    "vision:results": _process,
}

_TOKEN = (
    "A stakeholder group's token link for contributing without an account; an unknown token "
    "is a 404 (vision/tests/test_views.py). "
)
OPEN = {
    "vision:contribute": _TOKEN + "The page shows only the process's title and question.",
    "vision:thanks": _TOKEN + "A thank-you page without any contribution on it.",
    "vision:prioritise": _TOKEN + "It shows only the themes' names, never points or texts.",
    "vision:points_total": _TOKEN + "It adds up the numbers it is sent and writes nothing.",
    "vision:points_thanks": _TOKEN + "A thank-you page without any points on it.",
}
