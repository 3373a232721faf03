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


def _community(w):
    return {"slug": w.community.slug}


def build(w):
    from accounts.tests.factories import UserFactory
    from organisations.models import Membership, StaffImport
    from organisations.tests.factories import MembershipFactory

    community_admin = MembershipFactory(organisation=w.community, role=Membership.Role.ADMIN)
    school_admin = MembershipFactory(organisation=w.school, role=Membership.Role.ADMIN)
    w.owner_for = {
        **getattr(w, "owner_for", {}),
        # The audit trail is for the organisation's administrators only.
        "organisations:audit_list": school_admin.user,
        "organisations:audit_export": school_admin.user,
        "organisations:school_create": community_admin.user,
        "installation:organisation_create": UserFactory(is_superuser=True, is_staff=True),
    }

    w.staff_import = StaffImport.objects.create(
        organisation=w.school,
        created_by=w.leader.user,
        filename="personeel.csv",
        columns=["first_name", "last_name", "email"],
        rows=[],
    )


URLS = {
    "organisations:overview": _school,
    "organisations:overview_sections": lambda w: {"slug": w.school.slug, "app": "surveys"},
    "organisations:team_list": _school,
    "organisations:team_create": _school,
    "organisations:team_detail": _team,
    "organisations:team_edit": _team,
    "organisations:team_member_add": _team,
    "organisations:team_member_remove": _team_member,
    "organisations:team_member_make_home": _team_member,
    "organisations:team_invite": _team,
    "organisations:people_list": _school,
    "organisations:people_export": lambda w: {"slug": w.school.slug, "file_format": "csv"},
    "organisations:person_detail": _person,
    "organisations:person_edit": _person,
    "organisations:person_invite": _person,
    "organisations:staff_invite": _school,
    "organisations:staff_import": _school,
    "organisations:staff_import_detail": _staff_import,
    # A community's managers add its schools; another community's or a school's get a 404.
    "organisations:school_create": _community,
    # The installation's administrator only: every member of any organisation gets a 403.
    "installation:organisation_create": lambda w: {},
    "organisations:staff_import_check": _staff_import,
    "organisations:audit_list": _school,
    "organisations:audit_export": _school,
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
