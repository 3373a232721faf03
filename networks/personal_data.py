"""Registrations, participations, attendance, reflections and submissions (with files).

On erasure the application's own answers and intake note go; individual submissions are
deleted with their files, like session reflections (a private journal). The application and
participation rows stay (capacity, attendance and group work keep adding up), their person
shown as a former staff member. Group submissions are shared work and keep their content."""

from privacy.registry import Part, delete_files_on_commit, files, record

from .models import Answer, Application, Attendance, Participant, Reflection, Submission


def export(user) -> list[Part]:
    applications = Application.objects.filter(applicant=user).select_related(
        "edition", "applicant", "school"
    )
    answers = Answer.objects.filter(application__applicant=user).select_related(
        "application__edition", "application__applicant", "question"
    )
    participants = Participant.objects.filter(user=user).select_related(
        "edition", "application__edition", "application__applicant", "user", "school", "group"
    )
    attendance = Attendance.objects.filter(participant__user=user).select_related(
        "session", "participant__user"
    )
    submissions = Submission.objects.filter(participant__user=user).select_related(
        "assignment", "participant__user", "group", "feedback_by"
    )
    reflections = Reflection.objects.filter(participant__user=user).select_related(
        "session", "participant__user"
    )
    return [
        Part("session_reflections", [record(r) for r in reflections]),
        Part("registrations", [record(a) for a in applications]),
        Part("registration_answers", [record(a) for a in answers]),
        Part("participations", [record(p) for p in participants]),
        Part("attendance", [record(a) for a in attendance]),
        Part(
            "submissions",
            [record(s) for s in submissions],
            files(submissions, "file", "submissions"),
        ),
    ]


def erase(user) -> None:
    Answer.objects.filter(application__applicant=user).delete()
    Application.objects.filter(applicant=user).update(intake_note="")
    Reflection.objects.filter(participant__user=user).delete()
    individual = Submission.objects.filter(participant__user=user, group__isnull=True)
    delete_files_on_commit(individual, "file")
    individual.delete()
