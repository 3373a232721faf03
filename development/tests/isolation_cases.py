"""Isolation cases for the development points and the action plan of the world's school."""

import datetime


def build(w):
    from development.models import Goal
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
    w.goal = Goal.objects.create(
        organisation=w.school,
        title="Taalstimulering in de kleuterklas",
        description="Elke kleuterleerkracht past in juni twee nieuwe werkvormen toe.",
        deadline=datetime.date(2027, 6, 30),
    )
    w.goal.points.add(w.point)


def _school(w):
    return {"slug": w.school.slug}


def _point(w):
    return {"slug": w.school.slug, "pk": w.point.pk}


def _goal(w):
    return {"slug": w.school.slug, "pk": w.goal.pk}


URLS = {
    "development:point_list": _school,
    "development:point_decide": _point,
    "development:plan": _school,
    "development:goal_create": _school,
    "development:goal_status": _goal,
}
