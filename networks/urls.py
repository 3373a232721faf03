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
    # The public catalogue: no login needed.
    path(P, public.catalogue, name="catalogue"),
    path(f"{P}<int:pk>/", public.programme_detail, name="programme"),
    path(f"{P}editie/<int:pk>/", public.edition_detail, name="edition"),
    path(f"{P}editie/<int:pk>/agenda.ics", public.edition_ical, name="edition_ical"),
    path(f"{P}editie/<int:pk>/inschrijven/", public.register, name="register"),
    path("aanbod/<str:token>/", public.offer, name="offer"),
    path("aanbod/<str:token>/antwoord/", public.offer_answer, name="offer_answer"),
    # A person's own applications and participations.
    path("mijn-leernetwerken/", participant.home, name="home"),
    path(
        "mijn-leernetwerken/aanvraag/<int:pk>/", participant.my_application, name="my_application"
    ),
    path(
        "mijn-leernetwerken/aanvraag/<int:pk>/intrekken/",
        participant.my_application_withdraw,
        name="my_application_withdraw",
    ),
    path("mijn-leernetwerken/<int:pk>/", participant.participation, name="participation"),
    path(
        "mijn-leernetwerken/<int:pk>/agenda.ics",
        participant.participation_ical,
        name="participation_ical",
    ),
    path("mijn-leernetwerken/<int:pk>/groep.ics", participant.group_ical, name="group_ical"),
    path(
        "mijn-leernetwerken/<int:pk>/opdrachten/<int:assignment_pk>/",
        participant_learning.assignment,
        name="assignment",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/opdrachten/<int:assignment_pk>/bestand/",
        participant_learning.assignment_file,
        name="assignment_file",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/sessies/<int:session_pk>/reflectie/",
        participant_learning.reflection,
        name="reflection",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/coaching/<int:coaching_pk>/moment/",
        participant_learning.coaching_moment,
        name="coaching_moment",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/onderzoek/", participant_learning.research, name="my_research"
    ),
    path(
        "mijn-leernetwerken/<int:pk>/onderzoek/<int:group_pk>/resultaten/",
        participant_learning.research_file,
        name="my_research_file",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/profiel-delen/",
        tailoring.profile_consent,
        name="profile_consent",
    ),
    path(
        "mijn-leernetwerken/<int:pk>/attest.pdf",
        participant_learning.certificate,
        name="certificate",
    ),
    # Provider staff.
    path(M, manage.programme_list, name="programme_list"),
    path(f"{M}programmas/nieuw/", manage.programme_create, name="programme_create"),
    path(f"{M}programmas/<int:pk>/", manage.programme_detail, name="programme_manage"),
    path(f"{M}programmas/<int:pk>/bewerken/", manage.programme_edit, name="programme_edit"),
    path(f"{M}programmas/<int:pk>/vragen/nieuw/", manage.question_create, name="question_create"),
    path(f"{M}vragen/<int:pk>/verwijderen/", manage.question_delete, name="question_delete"),
    path(f"{M}programmas/<int:pk>/edities/nieuw/", manage.edition_create, name="edition_create"),
    path(f"{M}edities/<int:pk>/", editions.edition_overview, name="edition_overview"),
    path(f"{M}edities/<int:pk>/bewerken/", manage.edition_edit, name="edition_edit"),
    path(f"{M}edities/<int:pk>/verwijderen/", editions.edition_delete, name="edition_delete"),
    path(f"{M}edities/<int:pk>/deadline/", manage.edition_deadline, name="edition_deadline"),
    path(f"{M}edities/<int:pk>/plaatsen/", editions.edition_fill, name="edition_fill"),
    path(f"{M}edities/<int:pk>/sessies/nieuw/", editions.session_create, name="session_create"),
    path(f"{M}edities/<int:pk>/groepen/nieuw/", editions.group_create, name="group_create"),
    path(f"{M}aanvragen/<int:pk>/", editions.application_detail, name="application_detail"),
    path(
        f"{M}aanvragen/<int:pk>/beslissing/", editions.application_decide, name="application_decide"
    ),
    path(f"{M}aanvragen/<int:pk>/intake/", editions.application_intake, name="application_intake"),
    path(f"{M}sessies/<int:pk>/bewerken/", editions.session_edit, name="session_edit"),
    path(f"{M}sessies/<int:pk>/verwijderen/", editions.session_delete, name="session_delete"),
    path(
        f"{M}sessies/<int:pk>/aanwezigheid/", editions.session_attendance, name="session_attendance"
    ),
    path(
        f"{M}sessies/<int:pk>/evaluatie/",
        editions.session_evaluation_start,
        name="session_evaluation_start",
    ),
    path(f"{M}groepen/<int:pk>/", editions.group_detail, name="group_detail"),
    path(f"{M}groepen/<int:pk>/profiel/", tailoring.group_profile_view, name="group_profile"),
    path(
        f"{M}edities/<int:pk>/opdrachten/nieuw/",
        learning.assignment_create,
        name="assignment_create",
    ),
    path(f"{M}opdrachten/<int:pk>/", learning.assignment_detail, name="assignment_detail"),
    path(f"{M}inzendingen/<int:pk>/", learning.submission_detail, name="submission_detail"),
    path(f"{M}inzendingen/<int:pk>/bestand/", learning.submission_file, name="submission_file"),
    path(
        f"{M}programmas/<int:pk>/literatuur/nieuw/",
        learning.literature_create,
        name="literature_create",
    ),
    path(f"{M}edities/<int:pk>/coaching/", learning.coaching, name="coaching"),
    path(f"{M}edities/<int:pk>/onderzoek/", learning.research, name="research"),
    path(f"{M}onderzoek/<int:pk>/resultaten/", learning.research_results, name="research_results"),
]
