"""The SQL behind the list selectors (selectors.py): the team list, a team's members and the
people who may join it, and the staff list. Plain SQL that SQLite and PostgreSQL both run;
the case-insensitive search uses the very operators Django writes for `icontains` there.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from collections.abc import Callable, Iterable

from django.db import connection

from accounts.models import User

from .models import Membership, Team, TeamMembership

TABLES = {
    "team": Team._meta.db_table,
    "link": TeamMembership._meta.db_table,
    "membership": Membership._meta.db_table,
    "user": User._meta.db_table,
}
LISTS = {
    key: sql.format(**TABLES)
    for key, sql in {
        # The order is that of the ORM queries they replace; ids settle ties.
        "team_count": "SELECT COUNT(*) FROM {team} WHERE organisation_id = %s",
        "team_page": """
            SELECT t.id, t.name, t.mission,
                (SELECT COUNT(*) FROM {link} l WHERE l.team_id = t.id),
                (SELECT COUNT(*) FROM {link} l WHERE l.team_id = t.id AND l.is_home)
            FROM {team} t WHERE t.organisation_id = %s
            ORDER BY t.name, t.id LIMIT %s OFFSET %s""",
        # Each team's members numbered home members first, then by name; only the first
        # few of each team come back.
        "team_previews": """
            SELECT team_id, is_home, first_name, last_name, email FROM (
                SELECT l.team_id, l.is_home, u.first_name, u.last_name, u.email,
                    ROW_NUMBER() OVER (
                        PARTITION BY l.team_id
                        ORDER BY l.is_home DESC, u.last_name, u.first_name, l.membership_id
                    ) AS position
                FROM {link} l
                JOIN {membership} m ON m.id = l.membership_id
                JOIN {user} u ON u.id = m.user_id
                WHERE l.team_id IN ({{ids}})
            ) ranked WHERE position <= %s ORDER BY team_id, position""",
        "team_members": """
            SELECT l.membership_id, l.is_home, m.function, u.first_name, u.last_name, u.email
            FROM {link} l
            JOIN {membership} m ON m.id = l.membership_id
            JOIN {user} u ON u.id = m.user_id
            WHERE l.team_id = %s
            ORDER BY l.is_home DESC, u.last_name, u.first_name, l.membership_id""",
        "team_candidates": """
            SELECT m.id, m.function, u.first_name, u.last_name, u.email
            FROM {membership} m JOIN {user} u ON u.id = m.user_id
            WHERE m.organisation_id = %s AND m.is_active AND NOT EXISTS (
                SELECT 1 FROM {link} l WHERE l.membership_id = m.id AND l.team_id = %s
            )
            ORDER BY u.last_name, u.first_name, m.id""",
        "people_from": """
            FROM {membership} m JOIN {user} u ON u.id = m.user_id
            WHERE m.organisation_id = %s AND m.is_active""",
        "people_order": " ORDER BY u.last_name, u.first_name, m.id LIMIT %s OFFSET %s",
        "people_teams": """
            SELECT l.membership_id, t.id, t.name, l.is_home
            FROM {link} l JOIN {team} t ON t.id = l.team_id
            WHERE l.membership_id IN ({{ids}})
            ORDER BY l.is_home DESC, t.name, t.id""",
    }.items()
}
PEOPLE_SEARCH_COLUMNS = ("u.first_name", "u.last_name", "u.email", "m.function")


def fetch(sql: str, params: Iterable) -> list[tuple]:
    """All rows of one query on the default database."""
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def with_ids(sql: str, ids) -> str:
    """`sql` with its `{ids}` replaced by one placeholder per id."""
    return sql.format(ids=", ".join(["%s"] * len(ids)))


def icontains(column: str) -> str:
    """`column` contains %s, ignoring case, in the SQL Django writes for `icontains` on this
    database (the value goes through `like_contains`)."""
    return f"{connection.ops.lookup_cast('icontains') % column} {connection.operators['icontains']}"


def like_contains(word: str) -> str:
    """The LIKE pattern for "contains `word`", its own % and _ escaped as Django does."""
    return f"%{connection.ops.prep_for_like_query(word)}%"


class RowPages:
    """A list read a page at a time: `count()`, `len()` and slicing, which is what Django's
    Paginator and ninja's pagination ask of a queryset. A slice runs `page_sql` with LIMIT
    and OFFSET and passes its rows to `build`."""

    def __init__(self, *, count_sql: str, page_sql: str, params: list, build: Callable):
        self._count_sql = count_sql
        self._page_sql = page_sql
        self._params = params
        self._build = build
        self._count = None

    def count(self) -> int:
        if self._count is None:
            self._count = fetch(self._count_sql, self._params)[0][0]
        return self._count

    __len__ = count

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice) or index.step is not None or index.stop is None:
            raise TypeError("RowPages takes a slice with an end and no step, as paginators do.")
        start = index.start or 0
        if index.stop <= start:
            return []
        return self._build(fetch(self._page_sql, [*self._params, index.stop - start, start]))
