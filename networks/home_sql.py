"""A person's learning networks home (selectors.my_home) in three plain queries: their
editions, their coming sessions and their applications. Through the ORM these filtered
joins cost more to compile on every view than to run. Plain SQL that SQLite and PostgreSQL
both run; it returns only the facts the page shows, as small read-only rows.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

import datetime
from dataclasses import dataclass

from django.db import connection

from core.sql import fetch

from .models import Application, Attendance, Edition, LearningGroup, Participant, Programme, Session

_TABLES = {
    "application": Application._meta.db_table,
    "attendance": Attendance._meta.db_table,
    "edition": Edition._meta.db_table,
    "group": LearningGroup._meta.db_table,
    "organisation": Programme._meta.get_field("provider").related_model._meta.db_table,
    "participant": Participant._meta.db_table,
    "programme": Programme._meta.db_table,
    "session": Session._meta.db_table,
}

# The editions the person takes part in (active, accepted), newest first, with the
# sessions they attended.
_PARTICIPATIONS = """
    SELECT t.id, p.title, o.name, e.name, g.name,
        (SELECT COUNT(*) FROM {attendance} x WHERE x.participant_id = t.id AND x.status = %s)
    FROM {participant} t
    JOIN {application} a ON a.id = t.application_id
    JOIN {edition} e ON e.id = t.edition_id
    JOIN {programme} p ON p.id = e.programme_id
    JOIN {organisation} o ON o.id = p.provider_id
    LEFT JOIN {group} g ON g.id = t.group_id
    WHERE t.user_id = %s AND t.is_active AND a.status = %s
    ORDER BY e.starts_on DESC, t.id""".format(**_TABLES)

# Sessions in the window of the editions the person takes part in: those for the whole
# edition and those of a learning group they are in.
_UPCOMING = """
    SELECT s.date, s.start_time, s.end_time, s.title, s.location, p.title
    FROM {session} s
    JOIN {edition} e ON e.id = s.edition_id
    JOIN {programme} p ON p.id = e.programme_id
    WHERE s.date >= %s AND s.date <= %s
    AND EXISTS (
        SELECT 1 FROM {participant} t JOIN {application} a ON a.id = t.application_id
        WHERE t.edition_id = s.edition_id AND t.user_id = %s AND t.is_active AND a.status = %s)
    AND (s.group_id IS NULL OR EXISTS (
        SELECT 1 FROM {participant} t WHERE t.group_id = s.group_id AND t.user_id = %s))
    ORDER BY s.date, s.start_time, s.id
    LIMIT %s""".format(**_TABLES)

# Applications the person submitted, and group applications a colleague made for them.
_APPLICATIONS = """
    SELECT a.id, p.title, e.name, a.size, a.status
    FROM {application} a
    JOIN {edition} e ON e.id = a.edition_id
    JOIN {programme} p ON p.id = e.programme_id
    WHERE a.applicant_id = %s
    OR a.id IN (SELECT t.application_id FROM {participant} t WHERE t.user_id = %s)
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT %s""".format(**_TABLES)


@dataclass(frozen=True)
class Participation:
    pk: int
    programme_title: str
    provider_name: str
    edition_name: str
    group_name: str | None
    attended: int


@dataclass(frozen=True)
class ComingSession:
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    title: str
    location: str
    programme_title: str


@dataclass(frozen=True)
class MyApplication:
    pk: int
    programme_title: str
    edition_name: str
    size: int
    status: str

    @property
    def status_label(self) -> str:
        return Application.Status(self.status).label


def _date(value) -> datetime.date:
    # SQLite hands dates and times back as ISO text, PostgreSQL as objects.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _time(value) -> datetime.time:
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def participations(user_id: int) -> list[Participation]:
    params = [Attendance.Status.PRESENT, user_id, Application.Status.ACCEPTED]
    return [Participation(*row) for row in fetch(_PARTICIPATIONS, params)]


def coming_sessions(user_id: int, first: datetime.date, last: datetime.date, limit: int):
    params = [
        connection.ops.adapt_datefield_value(first),
        connection.ops.adapt_datefield_value(last),
        user_id,
        Application.Status.ACCEPTED,
        user_id,
        limit,
    ]
    return [
        ComingSession(_date(day), _time(start), _time(end), title, location, programme)
        for day, start, end, title, location, programme in fetch(_UPCOMING, params)
    ]


def applications(user_id: int, limit: int) -> list[MyApplication]:
    return [MyApplication(*row) for row in fetch(_APPLICATIONS, [user_id, user_id, limit])]
