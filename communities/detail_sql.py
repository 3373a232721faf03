"""The SQL behind the PLG page (selectors.plg_detail): its recent meetings with the members
present, its open actions with their owners, and its products with their thanks and reuses;
and the members of a meeting page (selectors.meeting_detail) with their attendance.
Django would compile these joins and counted subqueries anew on every request, which costs
more than running them. Plain SQL that SQLite and PostgreSQL both run, tested against the
ORM queries it replaces.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

import functools

from accounts.models import User
from core.sql import columns, fetch, read
from organisations.models import Membership

from .models import ActionItem, Attendance, Meeting, PLGMember, Product, ProductReaction
from .sql_rows import datetime_param

TABLES = {
    "meeting": Meeting._meta.db_table,
    "attendance": Attendance._meta.db_table,
    "action": ActionItem._meta.db_table,
    "member": PLGMember._meta.db_table,
    "membership": Membership._meta.db_table,
    "user": User._meta.db_table,
    "product": Product._meta.db_table,
    "reaction": ProductReaction._meta.db_table,
}


_TEMPLATES = {
    # The newest first; ids settle ties.
    "meetings": """
        SELECT {meeting}, (SELECT COUNT(*) FROM {attendance_table} a
            WHERE a.meeting_id = m.id AND a.present)
        FROM {meeting_table} m WHERE m.plg_id = %s AND m.starts_at >= %s
        ORDER BY m.starts_at DESC, m.id DESC LIMIT %s""",
    # By deadline, as the model orders them.
    "open_actions": """
        SELECT {action}, {member}, {membership}, {user}
        FROM {action_table} t
        JOIN {member_table} x ON x.id = t.owner_id
        JOIN {membership_table} s ON s.id = x.person_id
        JOIN {user_table} u ON u.id = s.user_id
        WHERE t.plg_id = %s AND t.done_at IS NULL
        ORDER BY t.deadline, t.id""",
    # By name, as the model orders them; ids settle ties. With each one's attendance at the
    # meeting: present, absent, or NULL when not recorded.
    "meeting_members": """
        SELECT {member}, {membership}, {user}, (SELECT a.present FROM {attendance_table} a
            WHERE a.meeting_id = %s AND a.member_id = x.id)
        FROM {member_table} x
        JOIN {membership_table} s ON s.id = x.person_id
        JOIN {user_table} u ON u.id = s.user_id
        WHERE x.plg_id = %s
        ORDER BY u.last_name, u.first_name, x.id""",
    # The newest first, as the model orders them.
    "products": """
        SELECT {product},
            (SELECT COUNT(*) FROM {reaction_table} r WHERE r.product_id = d.id AND r.kind = %s),
            (SELECT COUNT(*) FROM {reaction_table} r WHERE r.product_id = d.id AND r.kind = %s)
        FROM {product_table} d WHERE d.plg_id = %s
        ORDER BY d.published_at DESC, d.id DESC LIMIT %s""",
}


@functools.cache
def _sql(key: str) -> str:
    """One query with the models' columns written in, once per process."""
    return _TEMPLATES[key].format(
        meeting=columns(Meeting, "m"),
        action=columns(ActionItem, "t"),
        member=columns(PLGMember, "x"),
        membership=columns(Membership, "s"),
        user=columns(User, "u"),
        product=columns(Product, "d"),
        **{f"{name}_table": table for name, table in TABLES.items()},
    )


def recent_meetings(plg_id: int, *, since, limit: int) -> list[Meeting]:
    """The PLG's meetings from `since` on, the newest first, each with `present`."""
    meetings = []
    for row in fetch(_sql("meetings"), [plg_id, datetime_param(since), limit]):
        meeting, end = read(Meeting, row)
        meeting.present = row[end]
        meetings.append(meeting)
    return meetings


def open_actions(plg_id: int) -> list[ActionItem]:
    """The PLG's open actions by deadline, each with its owner, the owner's membership and
    user."""
    actions = []
    for row in fetch(_sql("open_actions"), [plg_id]):
        action, end = read(ActionItem, row)
        action.owner, end = read(PLGMember, row, end)
        action.owner.person, end = read(Membership, row, end)
        action.owner.person.user, end = read(User, row, end)
        actions.append(action)
    return actions


def meeting_members(meeting) -> list[PLGMember]:
    """The members of the meeting's PLG by name, each with their membership and user and
    `present`: True, False, or None when their attendance was not recorded."""
    members = []
    for row in fetch(_sql("meeting_members"), [meeting.pk, meeting.plg_id]):
        member, end = read(PLGMember, row)
        member.person, end = read(Membership, row, end)
        member.person.user, end = read(User, row, end)
        member.present = None if row[end] is None else bool(row[end])
        members.append(member)
    return members


def products(plg_id: int, *, limit: int) -> list[Product]:
    """The PLG's newest products, each with `thanks` and `reuses`."""
    params = [ProductReaction.Kind.THANKS, ProductReaction.Kind.REUSE, plg_id, limit]
    found = []
    for row in fetch(_sql("products"), params):
        product, end = read(Product, row)
        product.thanks, product.reuses = row[end:]
        found.append(product)
    return found
