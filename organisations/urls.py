from django.urls import path, re_path

from .views import admin, audit, exports, imports, invitations, overview, people, teams

app_name = "organisations"

urlpatterns = [
    path("", overview.organisation_overview, name="overview"),
    path("overview/<slug:app>/", overview.overview_sections, name="overview_sections"),
    path("teams/", teams.team_list, name="team_list"),
    path("teams/new/", teams.team_create, name="team_create"),
    path("teams/<id:pk>/", teams.team_detail, name="team_detail"),
    path("teams/<id:pk>/edit/", teams.team_edit, name="team_edit"),
    path("teams/<id:pk>/members/add/", teams.team_member_add, name="team_member_add"),
    path(
        "teams/<id:pk>/members/<id:member_pk>/remove/",
        teams.team_member_remove,
        name="team_member_remove",
    ),
    path(
        "teams/<id:pk>/members/<id:member_pk>/home/",
        teams.team_member_make_home,
        name="team_member_make_home",
    ),
    path("teams/<id:pk>/invite/", invitations.team_invite, name="team_invite"),
    path("people/", people.people_list, name="people_list"),
    re_path(
        r"^people/export\.(?P<file_format>csv|xlsx)$", exports.people_export, name="people_export"
    ),
    path("people/invite/", invitations.staff_invite, name="staff_invite"),
    path("people/<id:pk>/", people.person_detail, name="person_detail"),
    path("people/<id:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<id:pk>/invite/", invitations.person_invite, name="person_invite"),
    path("import/", imports.staff_import, name="staff_import"),
    path("import/<id:pk>/", imports.staff_import_detail, name="staff_import_detail"),
    path("schools/new/", admin.school_create, name="school_create"),
    path("import/<id:pk>/check/", imports.staff_import_check, name="staff_import_check"),
    path("audit/", audit.audit_list, name="audit_list"),
    path("audit/export.csv", audit.audit_export, name="audit_export"),
]
