"""Isolation cases for organisations: how to reach each tenant URL for the world's school.

See tests/test_isolation.py: every URL pattern of the project must appear in some app's
URLS (object-bearing, probed as an outsider and anonymously) or OPEN (with the reason it
bears no tenant data).
"""


def _school(w):
    return {"slug": w.school.slug}


def _team(w):
    return {"slug": w.school.slug, "pk": w.team.pk}


def _team_member(w):
    return {"slug": w.school.slug, "pk": w.team.pk, "member_pk": w.staff.pk}


def _person(w):
    return {"slug": w.school.slug, "pk": w.staff.pk}


def _staff_import(w):
    return {"slug": w.school.slug, "pk": w.staff_import.pk}


def build(w):
    from organisations.models import StaffImport

    w.staff_import = StaffImport.objects.create(
        organisation=w.school,
        created_by=w.leader.user,
        filename="personeel.csv",
        columns=["first_name", "last_name", "email"],
        rows=[],
    )


URLS = {
    "organisations:overview": _school,
    "organisations:team_list": _school,
    "organisations:team_create": _school,
    "organisations:team_detail": _team,
    "organisations:team_edit": _team,
    "organisations:team_member_add": _team,
    "organisations:team_member_remove": _team_member,
    "organisations:team_member_make_home": _team_member,
    "organisations:team_invite": _team,
    "organisations:people_list": _school,
    "organisations:person_detail": _person,
    "organisations:person_edit": _person,
    "organisations:person_invite": _person,
    "organisations:staff_invite": _school,
    "organisations:staff_import": _school,
    "organisations:staff_import_detail": _staff_import,
    # The JSON API: another tenant's organisation is a 404 JSON, anonymous is a 401, POST 405.
    "api:organisation_detail": _school,
    "api:team_list": _school,
    "api:team_detail": lambda w: {"slug": w.school.slug, "team_id": w.team.pk},
    "api:people_list": _school,
    "api:person_detail": lambda w: {"slug": w.school.slug, "person_id": w.staff.pk},
}

OPEN = {
    "api:me": "the authenticated user's own account and memberships",
    "api:organisation_list": "only the authenticated user's own organisations",
    "api:school_list": "only the schools the authenticated user can open",
}
