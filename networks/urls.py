from django.urls import path

from .views import (
    editions,
    learning,
    manage,
    participant,
    participant_learning,
    public,
    tailoring,
)

app_name = "networks"

M = "o/<slug:slug>/netwerken/"
P = "catalogus/<slug:provider_slug>/"

urlpatterns = [
    # The public catalogue, of all providers or of one: no login needed.
    path("catalogus/", public.catalogue, name="public_catalogue"),
    path(P, public.catalogue, name="catalogue"),
    path(f"{P}<id:pk>/", public.programme_detail, name="programme"),
    path(f"{P}editie/<id:pk>/", public.edition_detail, name="edition"),
    path(f"{P}editie/<id:pk>/agenda.ics", public.edition_ical, name="edition_ical"),
    path(f"{P}editie/<id:pk>/inschrijven/", public.register, name="register"),
    path("aanbod/<str:token>/", public.offer, name="offer"),
    path("aanbod/<str:token>/antwoord/", public.offer_answer, name="offer_answer"),
    # A person's own applications and participations.
    path("mijn-leernetwerken/", participant.home, name="home"),
    path("mijn-leernetwerken/aanvraag/<id:pk>/", participant.my_application, name="my_application"),
    path(
        "mijn-leernetwerken/aanvraag/<id:pk>/intrekken/",
        participant.my_application_withdraw,
        name="my_application_withdraw",
    ),
    path("mijn-leernetwerken/<id:pk>/", participant.participation, name="participation"),
    path(
        "mijn-leernetwerken/<id:pk>/agenda.ics",
        participant.participation_ical,
        name="participation_ical",
    ),
    path("mijn-leernetwerken/<id:pk>/groep.ics", participant.group_ical, name="group_ical"),
    path(
        "mijn-leernetwerken/<id:pk>/opdrachten/<id:assignment_pk>/",
        participant_learning.assignment,
        name="assignment",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/opdrachten/<id:assignment_pk>/bestand/",
        participant_learning.assignment_file,
        name="assignment_file",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/sessies/<id:session_pk>/reflectie/",
        participant_learning.reflection,
        name="reflection",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/coaching/<id:coaching_pk>/moment/",
        participant_learning.coaching_moment,
        name="coaching_moment",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/onderzoek/", participant_learning.research, name="my_research"
    ),
    path(
        "mijn-leernetwerken/<id:pk>/onderzoek/<id:group_pk>/resultaten/",
        participant_learning.research_file,
        name="my_research_file",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/profiel-delen/",
        tailoring.profile_consent,
        name="profile_consent",
    ),
    path(
        "mijn-leernetwerken/<id:pk>/attest.pdf",
        participant_learning.certificate,
        name="certificate",
    ),
    # Provider staff.
    path(M, manage.programme_list, name="programme_list"),
    path(f"{M}programmas/nieuw/", manage.programme_create, name="programme_create"),
    path(f"{M}programmas/<id:pk>/", manage.programme_detail, name="programme_manage"),
    path(f"{M}programmas/<id:pk>/bewerken/", manage.programme_edit, name="programme_edit"),
    path(f"{M}programmas/<id:pk>/vragen/nieuw/", manage.question_create, name="question_create"),
    path(f"{M}vragen/<id:pk>/verwijderen/", manage.question_delete, name="question_delete"),
    path(f"{M}vragen/<id:pk>/verplaatsen/", manage.question_move, name="question_move"),
    path(f"{M}programmas/<id:pk>/edities/nieuw/", manage.edition_create, name="edition_create"),
    path(f"{M}edities/<id:pk>/", editions.edition_overview, name="edition_overview"),
    path(f"{M}edities/<id:pk>/bewerken/", manage.edition_edit, name="edition_edit"),
    path(f"{M}edities/<id:pk>/verwijderen/", editions.edition_delete, name="edition_delete"),
    path(f"{M}edities/<id:pk>/deadline/", manage.edition_deadline, name="edition_deadline"),
    path(f"{M}edities/<id:pk>/plaatsen/", editions.edition_fill, name="edition_fill"),
    path(f"{M}edities/<id:pk>/sessies/nieuw/", editions.session_create, name="session_create"),
    path(f"{M}edities/<id:pk>/sessies/reeks/", editions.session_series, name="session_series"),
    path(f"{M}edities/<id:pk>/groepen/nieuw/", editions.group_create, name="group_create"),
    path(f"{M}aanvragen/<id:pk>/", editions.application_detail, name="application_detail"),
    path(
        f"{M}aanvragen/<id:pk>/beslissing/", editions.application_decide, name="application_decide"
    ),
    path(f"{M}aanvragen/<id:pk>/intake/", editions.application_intake, name="application_intake"),
    path(f"{M}sessies/<id:pk>/bewerken/", editions.session_edit, name="session_edit"),
    path(f"{M}sessies/<id:pk>/verwijderen/", editions.session_delete, name="session_delete"),
    path(
        f"{M}sessies/<id:pk>/aanwezigheid/", editions.session_attendance, name="session_attendance"
    ),
    path(
        f"{M}sessies/<id:pk>/evaluatie/",
        editions.session_evaluation_start,
        name="session_evaluation_start",
    ),
    path(f"{M}groepen/<id:pk>/", editions.group_detail, name="group_detail"),
    path(f"{M}groepen/<id:pk>/profiel/", tailoring.group_profile_view, name="group_profile"),
    path(
        f"{M}edities/<id:pk>/opdrachten/nieuw/",
        learning.assignment_create,
        name="assignment_create",
    ),
    path(f"{M}opdrachten/<id:pk>/", learning.assignment_detail, name="assignment_detail"),
    path(f"{M}inzendingen/<id:pk>/", learning.submission_detail, name="submission_detail"),
    path(f"{M}inzendingen/<id:pk>/bestand/", learning.submission_file, name="submission_file"),
    path(f"{M}inzendingen/<id:pk>/waardestroom/", learning.submission_map, name="submission_map"),
    path(
        f"{M}programmas/<id:pk>/literatuur/nieuw/",
        learning.literature_create,
        name="literature_create",
    ),
    path(f"{M}edities/<id:pk>/coaching/", learning.coaching, name="coaching"),
    path(f"{M}edities/<id:pk>/onderzoek/", learning.research, name="research"),
    path(f"{M}onderzoek/<id:pk>/resultaten/", learning.research_results, name="research_results"),
]
