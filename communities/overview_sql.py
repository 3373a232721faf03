"""The SQL behind the coach overview (selectors_overview.py): its PLG's with their figures,
the attendance of their recent meetings and the number of process coaches. Django would
compile the list's six counted subqueries anew on every request, which costs more than
running them. Plain SQL that SQLite and PostgreSQL both run, tested against the ORM queries
it replaces.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from core.sql import RowPages, fetch, with_ids

from .models import PLG, ActionItem, Attendance, Meeting, MemberRole, PhaseRecord, PLGMember, Role
from .sql_rows import DATETIME, date_param, datetime_param, plg_columns, plgs_from

TABLES = {
    "plg": PLG._meta.db_table,
    "meeting": Meeting._meta.db_table,
    "phase": PhaseRecord._meta.db_table,
    "action": ActionItem._meta.db_table,
    "member": PLGMember._meta.db_table,
    "role": MemberRole._meta.db_table,
    "attendance": Attendance._meta.db_table,
}
_SHOWN = "FROM {plg} p WHERE p.organisation_id = %s AND p.status <> %s"
SQL = {
    key: sql.format(**TABLES, shown=_SHOWN.format(**TABLES))
    for key, sql in {
        "count": "SELECT COUNT(*) {shown}",
        # The PLG's columns, then: last and next meeting, start of the open phase, open and
        # overdue actions, members. PLG names are unique within an organisation.
        "page": """
            SELECT {{columns}},
                (SELECT MAX(m.starts_at) FROM {meeting} m
                    WHERE m.plg_id = p.id AND m.starts_at < %s),
                (SELECT MIN(m.starts_at) FROM {meeting} m
                    WHERE m.plg_id = p.id AND m.starts_at >= %s),
                (SELECT r.started_at FROM {phase} r
                    WHERE r.plg_id = p.id AND r.ended_at IS NULL
                    ORDER BY r.started_at, r.id LIMIT 1),
                (SELECT COUNT(*) FROM {action} a WHERE a.plg_id = p.id AND a.done_at IS NULL),
                (SELECT COUNT(*) FROM {action} a
                    WHERE a.plg_id = p.id AND a.done_at IS NULL AND a.deadline < %s),
                (SELECT COUNT(*) FROM {member} x WHERE x.plg_id = p.id)
            {shown} ORDER BY p.name, p.id LIMIT %s OFFSET %s""",
        # Per past meeting with attendance taken: its PLG, present and recorded members;
        # each PLG's newest meetings first.
        "attendance": """
            SELECT m.plg_id,
                SUM(CASE WHEN a.present THEN 1 ELSE 0 END), COUNT(*)
            FROM {attendance} a JOIN {meeting} m ON m.id = a.meeting_id
            WHERE m.plg_id IN ({{ids}}) AND m.starts_at < %s AND m.starts_at >= %s
            GROUP BY m.plg_id, m.starts_at, m.id
            ORDER BY m.plg_id, m.starts_at DESC, m.id DESC""",
        "coach_count": """
            SELECT COUNT(DISTINCT x.person_id)
            FROM {member} x
            JOIN {plg} p ON p.id = x.plg_id
            JOIN {role} r ON r.member_id = x.id
            WHERE p.organisation_id = %s AND p.status = %s AND r.role = %s""",
    }.items()
}


def overview_pages(*, organisation, now, today) -> RowPages:
    """The overview's PLG's a page at a time, each with `last_meeting`, `next_meeting`,
    `phase_since`, `open_actions`, `overdue_actions` and `member_count`, and its
    organisation set."""
    shown = [organisation.pk, PLG.Status.CLOSED]

    def build(rows):
        plgs = []
        for plg, figures in plgs_from(rows, extra=(DATETIME, DATETIME, DATETIME)):
            (
                plg.last_meeting,
                plg.next_meeting,
                plg.phase_since,
                plg.open_actions,
                plg.overdue_actions,
                plg.member_count,
            ) = figures
            plg.organisation = organisation
            plgs.append(plg)
        return plgs

    return RowPages(
        count_sql=SQL["count"],
        count_params=shown,
        page_sql=SQL["page"].format(columns=plg_columns()),
        params=[datetime_param(now), datetime_param(now), date_param(today), *shown],
        build=build,
    )


def attendance_rates(plg_ids, *, now, since) -> list[tuple[int, int, int]]:
    """(PLG id, present, recorded) per meeting of these PLG's between `since` and `now` with
    attendance taken, each PLG's newest meeting first."""
    if not plg_ids:
        return []
    sql = with_ids(SQL["attendance"], plg_ids)
    return fetch(sql, [*plg_ids, datetime_param(now), datetime_param(since)])


def process_coach_count(organisation_id: int) -> int:
    """Distinct people who are process coach in an active PLG of the organisation."""
    params = [organisation_id, PLG.Status.ACTIVE, Role.PROCESS_COACH]
    return fetch(SQL["coach_count"], params)[0][0]
