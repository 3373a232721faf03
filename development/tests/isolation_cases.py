"""Isolation cases for the development points of the world's school."""


def build(w):
    from development.services import point_propose

    w.point, _ = point_propose(
        organisation=w.school,
        origin=w.team,
        source="competence_missing",
        key="K-taal",
        description="Niemand in het team begeleidt taalstimulering.",
        actor=w.leader.user,
        team=w.team,
    )


def _school(w):
    return {"slug": w.school.slug}


def _point(w):
    return {"slug": w.school.slug, "pk": w.point.pk}


URLS = {
    "development:point_list": _school,
    "development:point_decide": _point,
}
