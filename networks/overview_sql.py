"""The lists and figures of the trainer's edition overview (selectors.edition_overview) in one
plain query each: through the ORM, counting annotations and joined models cost more to
compile and build than the queries take to run. Plain SQL that SQLite and PostgreSQL both
run; it returns only what the page shows, as small rows.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from core.sql import fetch
from surveys.models import Invitation

from .models import (
    Application,
    Assignment,
    Attendance,
    LearningGroup,
    Participant,
    Session,
    Submission,
)

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
    "group": LearningGroup._meta.db_table,
    "membership": LearningGroup._meta.get_field("trainer").related_model._meta.db_table,
    "user": Application._meta.get_field("applicant").related_model._meta.db_table,
}

# The sessions, oldest first, with their group's name, the people present, those recorded
# and the completed answers of their evaluation.
_SESSIONS = """
    SELECT s.id, s.date, s.end_date, s.title, s.kind, s.group_id, g.name, s.evaluation_id,
        (SELECT COUNT(*) FROM {attendance} t WHERE t.session_id = s.id AND t.status = %s),
        (SELECT COUNT(*) FROM {attendance} t WHERE t.session_id = s.id),
        (SELECT COUNT(*) FROM {invitation} i JOIN {round} r ON r.id = i.round_id
            WHERE r.survey_id = s.evaluation_id AND i.status = %s)
    FROM {session} s LEFT JOIN {group} g ON g.id = s.group_id
    WHERE s.edition_id = %s
    ORDER BY s.date, s.start_time, s.id""".format(**_TABLES)

# The assignments by due date, with their submissions.
_ASSIGNMENTS = """
    SELECT a.id, a.title, a.is_group, a.due_on,
        (SELECT COUNT(*) FROM {submission} b WHERE b.assignment_id = a.id)
    FROM {assignment} a WHERE a.edition_id = %s
    ORDER BY a.due_on, a.id""".format(**_TABLES)

# Every application, ended ones too, in the order they came in.
_APPLICATIONS = """
    SELECT a.id, u.first_name, u.last_name, u.email, o.name, a.size, a.status,
        a.intake_at, a.waitlisted_at, a.decided_at, a.created_at
    FROM {application} a
    JOIN {user} u ON u.id = a.applicant_id
    LEFT JOIN {organisation} o ON o.id = a.school_id
    WHERE a.edition_id = %s
    ORDER BY a.created_at, a.id""".format(**_TABLES)

# The learning groups by name, with their trainer's name.
_GROUPS = """
    SELECT g.id, g.name, g.trainer_id, u.first_name, u.last_name
    FROM {group} g
    LEFT JOIN {membership} m ON m.id = g.trainer_id
    LEFT JOIN {user} u ON u.id = m.user_id
    WHERE g.edition_id = %s
    ORDER BY g.name, g.id""".format(**_TABLES)


@dataclass
class SessionRow:
    pk: int
    date: datetime.date
    end_date: datetime.date | None
    title: str
    kind: str
    group_id: int | None
    group_name: str | None
    evaluation_id: int | None
    present: int
    recorded: int
    evaluated: int


@dataclass
class AssignmentRow:
    pk: int
    title: str
    is_group: bool
    due_on: datetime.date
    submitted: int
    outstanding: int = 0


@dataclass
class ApplicationRow:
    pk: int
    applicant_name: str
    school_name: str | None
    size: int
    status: str
    intake_at: datetime.datetime | None
    waitlisted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    created_at: datetime.datetime


@dataclass
class GroupRow:
    pk: int
    name: str
    trainer_id: int | None
    trainer_name: str
    member_count: int = 0
    warnings: list = field(default_factory=list)


def _date(value):
    # SQLite may hand dates back as ISO text.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value):
    # SQLite keeps moments in UTC without a zone (as text, or parsed by its converter).
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _full_name(first_name: str, last_name: str) -> str:
    # As User.get_full_name.
    return f"{first_name} {last_name}".strip()


def sessions(edition_id: int) -> list[SessionRow]:
    params = [Attendance.Status.PRESENT, Invitation.Status.COMPLETED, edition_id]
    return [
        SessionRow(pk, _date(day), _date(end), *rest)
        for pk, day, end, *rest in fetch(_SESSIONS, params)
    ]


def assignments(edition_id: int) -> list[AssignmentRow]:
    return [
        AssignmentRow(pk, title, bool(is_group), _date(due_on), submitted)
        for pk, title, is_group, due_on, submitted in fetch(_ASSIGNMENTS, [edition_id])
    ]


def applications(edition_id: int) -> list[ApplicationRow]:
    return [
        ApplicationRow(
            pk,
            _full_name(first, last) or email,
            school,
            size,
            status,
            *(_moment(moment) for moment in moments),
        )
        for pk, first, last, email, school, size, status, *moments in fetch(
            _APPLICATIONS, [edition_id]
        )
    ]


def groups(edition_id: int) -> list[GroupRow]:
    return [
        GroupRow(pk, name, trainer_id, _full_name(first or "", last or ""))
        for pk, name, trainer_id, first, last in fetch(_GROUPS, [edition_id])
    ]


# The active participants: their group, their application's status, their school's
# community.
_PEOPLE = """
    SELECT p.group_id, a.status, o.parent_id
    FROM {participant} p
    JOIN {application} a ON a.id = p.application_id
    LEFT JOIN {organisation} o ON o.id = p.school_id
    WHERE p.edition_id = %s AND p.is_active
    ORDER BY p.id""".format(**_TABLES)


def active_participants(edition_id: int) -> list[tuple[int | None, str, int | None]]:
    """(group id, application status, the school's community id) per active participant."""
    return fetch(_PEOPLE, [edition_id])
