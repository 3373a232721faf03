"""The figures of the trainer's edition overview (selectors.edition_overview) in one plain
query each: counting through the ORM's annotations costs more to compile than to run. Plain
SQL that SQLite and PostgreSQL both run; it returns only ids and counts.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from django.db import connection

from surveys.models import Invitation

from .models import Application, Assignment, Attendance, Participant, Session, Submission

_TABLES = {
    "session": Session._meta.db_table,
    "attendance": Attendance._meta.db_table,
    "invitation": Invitation._meta.db_table,
    "round": Invitation._meta.get_field("round").related_model._meta.db_table,
    "assignment": Assignment._meta.db_table,
    "submission": Submission._meta.db_table,
    "participant": Participant._meta.db_table,
    "application": Application._meta.db_table,
    "organisation": Participant._meta.get_field("school").related_model._meta.db_table,
}

# Per session: present, recorded, completed answers of its evaluation; per assignment: its
# submissions. Tagged "s" and "a", in one round trip.
_COUNTS = """
    SELECT 's', s.id,
        (SELECT COUNT(*) FROM {attendance} t WHERE t.session_id = s.id AND t.status = %s),
        (SELECT COUNT(*) FROM {attendance} t WHERE t.session_id = s.id),
        (SELECT COUNT(*) FROM {invitation} i JOIN {round} r ON r.id = i.round_id
            WHERE r.survey_id = s.evaluation_id AND i.status = %s)
    FROM {session} s WHERE s.edition_id = %s
    UNION ALL
    SELECT 'a', a.id, (SELECT COUNT(*) FROM {submission} b WHERE b.assignment_id = a.id), 0, 0
    FROM {assignment} a WHERE a.edition_id = %s""".format(**_TABLES)

# The active participants: their group, their application's status, their school's
# community.
_PEOPLE = """
    SELECT p.group_id, a.status, o.parent_id
    FROM {participant} p
    JOIN {application} a ON a.id = p.application_id
    LEFT JOIN {organisation} o ON o.id = p.school_id
    WHERE p.edition_id = %s AND p.is_active
    ORDER BY p.id""".format(**_TABLES)


def session_and_assignment_counts(edition_id: int) -> tuple[dict, dict]:
    """({session id: (present, recorded, evaluated)}, {assignment id: submitted})."""
    params = [
        Attendance.Status.PRESENT,
        Invitation.Status.COMPLETED,
        edition_id,
        edition_id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_COUNTS, params)
        rows = cursor.fetchall()
    sessions = {
        pk: (present, recorded, evaluated)
        for kind, pk, present, recorded, evaluated in rows
        if kind == "s"
    }
    assignments = {pk: submitted for kind, pk, submitted, _, _ in rows if kind == "a"}
    return sessions, assignments


def active_participants(edition_id: int) -> list[tuple[int | None, str, int | None]]:
    """(group id, application status, the school's community id) per active participant."""
    with connection.cursor() as cursor:
        cursor.execute(_PEOPLE, [edition_id])
        return cursor.fetchall()
