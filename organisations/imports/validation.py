"""Check parsed staff rows against the school: its teams and the people already there.

Problems are stored as codes with parameters (JSON on the StaffImport) and turned into text
only when shown, so a preview reads in the language of whoever looks at it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import Membership, Organisation, TeamMembership
from .parsing import (
    COLUMN_LABELS,
    FIRST_NAME,
    FUNCTION,
    HOME_TEAM,
    LAST_NAME,
    OTHER_TEAMS,
    ParsedFile,
    split_team_names,
)

ERROR, WARNING, INFO = "error", "warning", "info"
NEW, UPDATE, UNCHANGED = "new", "update", "unchanged"

MAX_LENGTHS = {FIRST_NAME: 150, LAST_NAME: 150, "email": 254, FUNCTION: 100}

PROBLEMS = {
    "missing_email": (ERROR, _("The email address is missing.")),
    "invalid_email": (ERROR, _("“%(value)s” is not a valid email address.")),
    "duplicate_email": (ERROR, _("This email address is also on line %(lines)s of the file.")),
    "missing_first_name": (ERROR, _("The first name is missing.")),
    "missing_last_name": (ERROR, _("The last name is missing.")),
    "too_long": (ERROR, _("The %(column)s is too long (at most %(max)s characters).")),
    "unknown_team": (
        ERROR,
        _("This school has no team called “%(name)s”. Check the spelling or create the team."),
    ),
    "several_home_teams": (
        ERROR,
        _("The home team names more than one team (%(names)s). A person has one home team."),
    ),
    "home_in_other_teams": (
        WARNING,
        _(
            "“%(name)s” is the home team and is also listed under other teams; "
            "it stays the home team."
        ),
    ),
    "no_home_team": (WARNING, _("No home team: this person will not have a nest yet.")),
    "existing_account": (
        INFO,
        _("Already has a Leerkring account; this adds them to your school."),
    ),
    "name_kept": (
        INFO,
        _("Their account also belongs to another organisation, so their name stays “%(name)s”."),
    ),
}

CHANGE_LABELS = {
    "name": _("name"),
    FUNCTION: _("function"),
    HOME_TEAM: _("home team"),
    OTHER_TEAMS: _("other teams"),
    "active": _("active again"),
}


def problem(code: str, **params) -> dict:
    return {"code": code, "level": PROBLEMS[code][0], "params": params}


def problem_message(item: dict) -> str:
    if item["code"] not in PROBLEMS:  # stored by an older version of this module
        return item["code"]
    params = dict(item.get("params", {}))
    if "column" in params:
        params["column"] = COLUMN_LABELS.get(params["column"], params["column"])
    return str(PROBLEMS[item["code"]][1] % params)


def team_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class Existing:
    """What the database holds for one email address."""

    user: User
    membership: Membership | None = None
    teams: dict[int, bool] = field(default_factory=dict)  # team id -> is home team
    shared: bool = False  # the account also belongs to another organisation


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_existing(*, organisation: Organisation, emails: list[str]) -> dict[str, Existing]:
    """Accounts with these (lower-case) emails, with their membership and teams in this
    organisation, in a fixed number of queries per 500 emails."""
    found: dict[str, Existing] = {}
    for chunk in _chunks(sorted(set(emails))):
        users = User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=chunk)
        for user in users:
            found[user.email_lower] = Existing(user=user)
    by_user = {e.user.pk: e for e in found.values()}
    for chunk in _chunks(list(by_user)):
        for membership in Membership.objects.filter(organisation=organisation, user_id__in=chunk):
            by_user[membership.user_id].membership = membership
        elsewhere = (
            Membership.objects.filter(user_id__in=chunk)
            .exclude(organisation=organisation)
            .values_list("user_id", flat=True)
        )
        for user_id in elsewhere:
            by_user[user_id].shared = True
    by_membership = {e.membership.pk: e for e in found.values() if e.membership}
    for chunk in _chunks(list(by_membership)):
        rows = TeamMembership.objects.filter(membership_id__in=chunk).values_list(
            "membership_id", "team_id", "is_home"
        )
        for membership_id, team_id, is_home in rows:
            by_membership[membership_id].teams[team_id] = is_home
    return found


def desired_teams(row: dict, columns: list[str], current: dict[int, bool]):
    """The home team and other teams a person has after the import. A column the file does
    not have leaves that part as it is; a column it has is authoritative."""
    current_home = next((team for team, home in current.items() if home), None)
    home = row["home_team_id"] if HOME_TEAM in columns else current_home
    if OTHER_TEAMS in columns:
        others = set(row["other_team_ids"])
    else:
        others = {team for team, is_home in current.items() if not is_home}
    others.discard(home)
    return home, others


def plan_person(row: dict, columns: list[str], existing: Existing | None, team_names: dict):
    """What the import does for one valid row: (action, changes)."""
    if existing is None or existing.membership is None:
        return NEW, []
    membership, user, changes = existing.membership, existing.user, []
    new_name = f"{row['first_name']} {row['last_name']}"
    old_name = f"{user.first_name} {user.last_name}"
    if not existing.shared and new_name != old_name:
        changes.append({"field": "name", "old": old_name, "new": new_name})
    if FUNCTION in columns and row["function"] != membership.function:
        changes.append({"field": FUNCTION, "old": membership.function, "new": row["function"]})
    if not membership.is_active:
        changes.append({"field": "active", "old": "", "new": ""})
    home, others = desired_teams(row, columns, existing.teams)
    old_home, old_others = desired_teams({}, [], existing.teams)
    if home != old_home:
        changes.append(
            {
                "field": HOME_TEAM,
                "old": team_names.get(old_home, ""),
                "new": team_names.get(home, ""),
            }
        )
    if others != old_others:
        changes.append(
            {
                "field": OTHER_TEAMS,
                "old": ", ".join(sorted(team_names.get(t, "") for t in old_others)),
                "new": ", ".join(sorted(team_names.get(t, "") for t in others)),
            }
        )
    return (UPDATE if changes else UNCHANGED), changes


def _check_email(raw_email: str, lines_by_email: dict, line: int) -> tuple[str, list]:
    email = raw_email.strip().lower()
    if not email:
        return "", [problem("missing_email")]
    try:
        validate_email(email)
    except ValidationError:
        return "", [problem("invalid_email", value=raw_email)]
    if len(email) > MAX_LENGTHS["email"]:
        return "", [problem("too_long", column="email", max=MAX_LENGTHS["email"])]
    others = [str(n) for n in lines_by_email[email] if n != line]
    if others:
        return email, [problem("duplicate_email", lines=", ".join(others))]
    return email, []


NEW_TEAM = "new"


def new_team_id(name: str) -> str:
    """Stands for a team that applying the import creates; replaced by its id then."""
    return f"{NEW_TEAM}:{team_key(name)}"


@dataclass
class _NewTeam:
    pk: str
    name: str


def _home_team_names(value: str, teams: dict) -> list[str]:
    # A home team whose name has a comma is one team, not two.
    return [value] if teams.get(team_key(value)) else split_team_names(value)


def team_names_in_file(parsed: ParsedFile, teams: dict) -> list[str]:
    """Every team name the file uses, once each (as first written), in file order."""
    names: dict[str, str] = {}
    for raw in parsed.rows:
        for name in [*_home_team_names(raw.home_team, teams), *raw.other_teams]:
            names.setdefault(team_key(name), name)
    return list(names.values())


def school_teams(organisation: Organisation) -> dict:
    return {team_key(t.name): t for t in organisation.teams.all()}


def unknown_team_names(parsed: ParsedFile, teams: dict) -> list[str]:
    """The team names in the file that are not (yet) teams of the school."""
    return [n for n in team_names_in_file(parsed, teams) if team_key(n) not in teams]


def with_team_choices(teams: dict, unknown: list[str], choices: dict) -> dict:
    """The school's teams by name, plus what the user chose for each unknown name: an
    existing team (its id) or a team to create ("new")."""
    by_pk = {t.pk: t for t in teams.values()}
    resolved = dict(teams)
    for name in unknown:
        choice = choices.get(team_key(name))
        if choice == NEW_TEAM:
            resolved[team_key(name)] = _NewTeam(pk=new_team_id(name), name=name)
        elif choice in by_pk:
            resolved[team_key(name)] = by_pk[choice]
    return resolved


def _resolve_teams(raw, teams: dict, problems: list) -> tuple[int | None, list[int]]:
    home_id = None
    if raw.home_team:
        names = _home_team_names(raw.home_team, teams)
        if len(names) > 1:
            problems.append(problem("several_home_teams", names=", ".join(names)))
        elif names:
            team = teams.get(team_key(names[0]))
            if team is None:
                problems.append(problem("unknown_team", name=names[0]))
            else:
                home_id = team.pk
    other_ids = []
    for name in raw.other_teams:
        team = teams.get(team_key(name))
        if team is None:
            problems.append(problem("unknown_team", name=name))
        elif team.pk == home_id:
            problems.append(problem("home_in_other_teams", name=team.name))
        elif team.pk not in other_ids:
            other_ids.append(team.pk)
    return home_id, other_ids


def validate_rows(
    *, organisation: Organisation, parsed: ParsedFile, teams: dict | None = None
) -> list[dict]:
    """Every row as a JSON-ready dict: its values, resolved team ids, problems, and what the
    import would do with it (None when the row has errors).

    `teams` maps team names (team_key) to teams; by default the school's own teams.
    """
    if teams is None:
        teams = school_teams(organisation)
    team_names = {t.pk: t.name for t in teams.values()}
    lines_by_email = defaultdict(list)
    for raw in parsed.rows:
        lines_by_email[raw.email.strip().lower()].append(raw.line)
    existing = load_existing(
        organisation=organisation, emails=[e for e in lines_by_email if e and "@" in e]
    )
    rows = []
    for raw in parsed.rows:
        email, problems = _check_email(raw.email, lines_by_email, raw.line)
        if not raw.first_name:
            problems.append(problem("missing_first_name"))
        if not raw.last_name:
            problems.append(problem("missing_last_name"))
        for column in (FIRST_NAME, LAST_NAME, FUNCTION):
            if len(getattr(raw, column)) > MAX_LENGTHS[column]:
                problems.append(problem("too_long", column=column, max=MAX_LENGTHS[column]))
        home_id, other_ids = _resolve_teams(raw, teams, problems)
        row = {
            "line": raw.line,
            "first_name": raw.first_name,
            "last_name": raw.last_name,
            "email": email or raw.email,
            "function": raw.function,
            "home_team": raw.home_team,
            "other_teams": raw.other_teams,
            "home_team_id": home_id,
            "other_team_ids": other_ids,
            "action": None,
            "changes": [],
        }
        if not any(p["level"] == ERROR for p in problems):
            person = existing.get(email)
            row["action"], row["changes"] = plan_person(row, parsed.columns, person, team_names)
            current = person.teams if person and person.membership else {}
            if desired_teams(row, parsed.columns, current)[0] is None:
                problems.append(problem("no_home_team"))
            if person and person.membership is None:
                problems.append(problem("existing_account"))
            if person and person.shared:
                name = f"{person.user.first_name} {person.user.last_name}".strip()
                if name != f"{raw.first_name} {raw.last_name}":
                    problems.append(problem("name_kept", name=name or person.user.email))
        row["problems"] = problems
        rows.append(row)
    return rows
