"""The SQL behind the list selectors (selectors.py): the team list, a team's members and the
people who may join it, and the staff list. Plain SQL that SQLite and PostgreSQL both run,
read with core/sql.py; the search uses the operators Django writes for `icontains`.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

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
