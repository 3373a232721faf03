"""What a participant did, for their own page (selectors.participant_learning and
selectors.participant_sessions), in one plain query: their attendance per session, the
sessions they reflected on, the submissions that count for them per assignment (their
own, or their learning group's), and the coaching and research groups they are in. Plain
SQL that SQLite and PostgreSQL both run; it returns only ids and short strings.

Table names come from the models, and the query names the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from core.sql import fetch
from organisations.models import Membership
from surveys.models import Instrument, InstrumentVersion, Round, Survey

from .models import Attendance, CoachingGroup, Reflection, ResearchGroup, Submission


def _members_table(model) -> str:
    return model._meta.get_field("members").remote_field.through._meta.db_table


_MARKS = f"""
    SELECT 'attendance', session_id, status, CAST(NULL AS INTEGER)
    FROM {Attendance._meta.db_table} WHERE participant_id = %s
    UNION ALL
    SELECT 'reflection', session_id, '', NULL
    FROM {Reflection._meta.db_table} WHERE participant_id = %s
    UNION ALL
    SELECT 'submission', assignment_id, CASE WHEN feedback <> '' THEN 'feedback' ELSE '' END, id
    FROM {Submission._meta.db_table}
    WHERE participant_id = %s OR (group_id IS NOT NULL AND group_id = %s)
    UNION ALL
    SELECT 'coaching', coachinggroup_id, '', NULL
    FROM {_members_table(CoachingGroup)} WHERE participant_id = %s
    UNION ALL
    SELECT 'research', researchgroup_id, '', NULL
    FROM {_members_table(ResearchGroup)} WHERE participant_id = %s"""


@dataclass
class Marks:
    attendance: dict = field(default_factory=dict)  # session id -> status
    reflected: set = field(default_factory=set)  # session ids
    submissions: dict = field(default_factory=dict)  # assignment id -> a submission id
    feedback: dict = field(default_factory=dict)  # assignment id -> one with feedback
    coaching: set = field(default_factory=set)  # ids of their coaching groups
    research: set = field(default_factory=set)  # ids of their research groups


def participant_marks(participant) -> Marks:
    """The attendance, reflections, submissions and groups of this participant."""
    marks = Marks()
    me = participant.pk
    params = [me, me, me, participant.group_id, me, me]
    for kind, key, value, submission_id in fetch(_MARKS, params):
        if kind == "attendance":
            marks.attendance[key] = value
        elif kind == "reflection":
            marks.reflected.add(key)
        elif kind in ("coaching", "research"):
            getattr(marks, kind).add(key)
        else:
            marks.submissions.setdefault(key, submission_id)
            if value:
                marks.feedback.setdefault(key, submission_id)
    return marks


def _table(model) -> str:
    return model._meta.db_table


_CLOSED_360 = f"""
    SELECT 1 FROM {_table(Round)} r
    JOIN {_table(Survey)} s ON s.id = r.survey_id
    JOIN {_table(Membership)} m ON m.id = s.subject_id
    JOIN {_table(InstrumentVersion)} v ON v.id = s.version_id
    JOIN {_table(Instrument)} i ON i.id = v.instrument_id
    WHERE m.user_id = %s AND i.kind = %s AND (r.closed OR r.closes_on < %s)
    LIMIT 1"""


def has_closed_360(user_id: int) -> bool:
    """Whether a 360° about this person has a finished round (`Round.is_finished`): what
    `tailoring.closed_360s` looks for, as a yes or no."""
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    return bool(fetch(_CLOSED_360, [user_id, Instrument.Kind.FEEDBACK_360, today]))
