"""The SQL behind the PLG list (selectors.plg_list): the PLG's a reader may see, with their
member count and whether the reader is a member. Django would compile the list's counted
subqueries anew on every request (and once more for the paginator's count), which costs
more than running them. Plain SQL that SQLite and PostgreSQL both run, tested against the
ORM query it replaces.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

import functools

from django.db import connection

from accounts.models import User
from core.sql import RowPages
from organisations.models import Membership, Organisation

from .models import PLG, PLGMember
from .sql_rows import plg_columns, plgs_from

TABLES = {
    "plg": PLG._meta.db_table,
    "member": PLGMember._meta.db_table,
    "membership": Membership._meta.db_table,
    "organisation": Organisation._meta.db_table,
    "user": User._meta.db_table,
}
_MINE = """EXISTS (SELECT 1 FROM {member} x JOIN {membership} s ON s.id = x.person_id
    WHERE x.plg_id = p.id AND s.user_id = %s)""".format(**TABLES)
# Of the organisation, or open and active of its school community; `{visible}` narrows it
# to what the reader may see, `{status}` to the proposals or the others.
_WHERE = """
    WHERE (p.organisation_id = %s OR (p.organisation_id = %s AND p.is_open AND p.status = %s))
    {visible} AND p.status {status} %s"""
_VISIBLE = f"AND ((p.is_open AND p.status = %s) OR {_MINE} OR p.proposed_by_id = %s)"
# The PLG's columns, then: the reader is a member, members, the owner's name and slug, the
# proposer's names and email. The reader's PLG's first, then by status and name.
_PAGE = """
    SELECT {columns}, {mine} AS is_mine,
        (SELECT COUNT(*) FROM {member} x WHERE x.plg_id = p.id),
        o.name, o.slug, u.first_name, u.last_name, u.email
    FROM {plg} p
    JOIN {organisation} o ON o.id = p.organisation_id
    LEFT JOIN {user} u ON u.id = p.proposed_by_id
    {where}
    ORDER BY is_mine DESC, p.status, p.name, p.id LIMIT %s OFFSET %s"""


@functools.cache
def _sql(*, see_all: bool, proposals: bool) -> tuple[str, str]:
    """(count SQL, page SQL) for one of the list's two parts."""
    where = _WHERE.format(visible="" if see_all else _VISIBLE, status="=" if proposals else "<>")
    count = f"SELECT COUNT(*) FROM {TABLES['plg']} p {where}"
    page = _PAGE.format(columns=plg_columns(), mine=_MINE, where=where, **TABLES)
    return count, page


def plg_pages(*, organisation, user, see_all: bool, proposals: bool) -> RowPages:
    """The PLG's of the list a page at a time: the proposals or the others. Each comes with
    `is_mine`, `member_count`, its organisation (name and slug) and its proposer."""
    shown = [organisation.pk, organisation.parent_id, PLG.Status.ACTIVE]
    if not see_all:
        shown += [PLG.Status.ACTIVE, user.pk, user.pk]
    shown.append(PLG.Status.PROPOSED)
    count_sql, page_sql = _sql(see_all=see_all, proposals=proposals)

    def build(rows):
        plgs = []
        for plg, (mine, members, name, slug, first, last, email) in plgs_from(rows):
            plg.is_mine, plg.member_count = bool(mine), members
            if plg.organisation_id == organisation.pk:
                plg.organisation = organisation
            else:
                plg.organisation = Organisation.from_db(
                    connection.alias, ["id", "name", "slug"], [plg.organisation_id, name, slug]
                )
            if plg.proposed_by_id is not None:
                plg.proposed_by = User.from_db(
                    connection.alias,
                    ["id", "first_name", "last_name", "email"],
                    [plg.proposed_by_id, first, last, email],
                )
            plgs.append(plg)
        return plgs

    return RowPages(
        count_sql=count_sql,
        count_params=shown,
        page_sql=page_sql,
        params=[user.pk, *shown],
        build=build,
    )
