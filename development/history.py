"""Versions of an action plan, kept by django-simple-history: every save of a goal or an action
is one version. A plan is a school's (its goals without a person) or a person's own
(`PlanScope`). These functions list a plan's versions, show the plan as it was at one of them
and compare two of them, each in a fixed number of queries however many versions there are."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import GOAL_HISTORY, Action, Goal

HistoricalGoal = Goal.history.model
HistoricalAction = Action.history.model

# The goal's links, kept with each of its versions: the linked object's column in the link's
# history table, and how it is named.
GOAL_LINKS = {
    "points": ("developmentpoint", F("developmentpoint__description")),
    "expectations": (
        "qualityexpectation",
        Concat("qualityexpectation__code", Value(" "), "qualityexpectation__title"),
    ),
    "core_tasks": ("coretask", F("coretask__name")),
}
GOAL_FIELDS = ["title", "description", "starts_on", "deadline", "status"]
ACTION_FIELDS = ["title", "owner", "deadline", "status", "notes"]
KINDS = {"g": HistoricalGoal, "a": HistoricalAction}


@dataclass(frozen=True)
class PlanScope:
    """Which goals make the plan: a school's (`organisation_id`, no person) or the goals of
    one course participation (`participant_id`)."""

    organisation_id: int | None = None
    participant_id: int | None = None

    @property
    def goals(self) -> dict:
        if self.participant_id is not None:
            return {"participant_id": self.participant_id}
        return {"organisation_id": self.organisation_id, "person_id__isnull": True}


def record_goal(goal: Goal, *, actor, created: bool, when: datetime | None = None) -> None:
    """Keep one version of `goal` as it is now, with its links. A service that saves a goal
    and sets its links does so with `goal.skip_history_when_saving` set, and then calls this:
    one save, one version (simple-history would keep one per link set)."""
    goal.__dict__.pop("skip_history_when_saving", None)
    goal._history_user = actor
    if when is None:
        goal.__dict__.pop("_history_date", None)
    else:
        goal._history_date = when
    GOAL_HISTORY.create_historical_record(goal, "+" if created else "~")


def record_action(action: Action, *, actor) -> None:
    """Keep a version of an action written with a conditional UPDATE (optimistic locking
    bypasses `save()`, and so simple-history's signal)."""
    stored = Action.objects.get(pk=action.pk)
    Action.history.bulk_history_create([stored], update=True, default_user=actor)


# Reading --------------------------------------------------------------------------------------


def _goal_records(scope: PlanScope):
    return Goal.history.filter(**scope.goals)


def _action_records(scope: PlanScope):
    return Action.history.filter(goal_id__in=_goal_records(scope).values("id"))


def plan_versions(scope: PlanScope):
    """Every version of the plan, newest first: one row per save of a goal or an action,
    as dicts with `key` (to name the version in a URL), `kind`, `history_date`,
    `history_type`, `history_user_id` and `title`. A queryset: paginate it, then
    `attach_people(rows)`."""
    columns = ("key", "kind", "history_date", "history_type", "history_user_id", "title")
    goals = _goal_records(scope).annotate(
        kind=Value("g", output_field=CharField()), key=F("history_id")
    )
    actions = _action_records(scope).annotate(
        kind=Value("a", output_field=CharField()), key=F("history_id")
    )
    return (
        goals.order_by()
        .values_list(*columns)
        .union(actions.order_by().values_list(*columns), all=True)
        .order_by("-history_date", "-key")
    )


def version_rows(rows) -> list[dict]:
    """The page's rows of `plan_versions` as dicts with the person who saved each (one
    query)."""
    from accounts.models import User

    rows = [
        dict(zip(("id", "kind", "date", "type", "user_id", "title"), row, strict=True))
        for row in rows
    ]
    people = User.objects.in_bulk({row["user_id"] for row in rows if row["user_id"]})
    for row in rows:
        row["key"] = f"{row['kind']}{row['id']}"
        row["user"] = people.get(row["user_id"])
        row["what"] = _what(row["kind"], row["type"])
    for row, earlier in zip(rows, rows[1:], strict=False):
        row["previous"] = earlier["key"]
    return rows


def _what(kind: str, history_type: str) -> str:
    if kind == "g":
        return {"+": _("Goal added"), "-": _("Goal removed")}.get(history_type, _("Goal changed"))
    return {"+": _("Action added"), "-": _("Action removed")}.get(history_type, _("Action changed"))


def version_at(scope: PlanScope, key: str):
    """The version named `key` (`g12`: the goal's version 12, `a40`: an action's) of this
    plan, as (its record, its kind); 404 for a key of another plan or no key at all."""
    kind, number = (key or "")[:1], (key or "")[1:]
    if kind not in KINDS or not number.isdecimal():
        raise Http404
    records = _goal_records(scope) if kind == "g" else _action_records(scope)
    record = records.select_related("history_user").filter(history_id=int(number)).first()
    if record is None:
        raise Http404
    return record, kind


def _links(record_ids) -> list[tuple[int, str, str]]:
    """(goal version, link field, name) of every link kept with these versions of goals, in
    one query over the three link tables."""
    parts = []
    for name, (column, label) in GOAL_LINKS.items():
        link_model = GOAL_HISTORY.m2m_models[getattr(Goal, name).field]
        parts.append(
            link_model.objects.filter(history_id__in=record_ids)
            .order_by()
            .annotate(
                link=Value(name, output_field=CharField()),
                label=Concat(label, Value(""), output_field=CharField()),
                linked=F(f"{column}_id"),
            )
            .values_list("history_id", "link", "label", "linked")
        )
    rows = parts[0].union(*parts[1:], all=True).order_by("history_id", "link", "linked")
    return [(record_id, name, label) for record_id, name, label, _linked in rows]


@dataclass
class PlanSnapshot:
    """The plan at a moment: its goals (historical records) in order, each with `links`
    (field → names) and `plan_actions` (historical records)."""

    when: datetime
    goals: list = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(len(goal.plan_actions) for goal in self.goals)


def plan_as_of(scope: PlanScope, when: datetime) -> PlanSnapshot:
    """The plan as it was at `when`: the last version of each goal and action saved by then,
    without those removed by then. Three queries: goals, their links, actions."""
    goals = list(
        _goal_records(scope)
        .filter(history_date__lte=when)
        .latest_of_each()
        .exclude(history_type="-")
        .order_by("deadline", "id")
    )
    by_record = {goal.history_id: goal for goal in goals}
    for goal in goals:
        goal.links = {name: [] for name in GOAL_LINKS}
        goal.plan_actions = []
    for record_id, name, label in _links(by_record):
        by_record[record_id].links[name].append(label)
    by_goal = {goal.id: goal for goal in goals}
    actions = (
        _action_records(scope)
        .filter(history_date__lte=when, goal_id__in=by_goal)
        .latest_of_each()
        .exclude(history_type="-")
        .select_related("owner__user")
        .order_by("deadline", "id")
    )
    for action in actions:
        by_goal[action.goal_id].plan_actions.append(action)
    return PlanSnapshot(when=when, goals=goals)


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class ItemDiff:
    """A goal or an action as compared between two versions of the plan."""

    kind: str  # "goal" or "action"
    title: str
    state: str  # "added", "removed" or "changed"
    changes: list[Change] = field(default_factory=list)
    goal_title: str = ""

    @property
    def label(self) -> str:
        kind = "g" if self.kind == "goal" else "a"
        return _what(kind, {"added": "+", "removed": "-"}.get(self.state, "~"))

    @property
    def symbol(self) -> str:
        return {"added": "+", "removed": "−"}.get(self.state, "~")


def _shown(record, name: str, value) -> str:
    if value is None or value == "":
        return "—"
    model_field = record.instance_type._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if name == "owner":
        return value.user.get_full_name() or value.user.email
    return str(value)


def _field_changes(new, old, names) -> list[Change]:
    excluded = [f.name for f in new.tracked_fields if f.name not in names]
    delta = new.diff_against(
        old, excluded_fields=[*excluded, *GOAL_LINKS], foreign_keys_are_objs=True
    )
    meta = new.instance_type._meta
    return [
        Change(
            label=str(meta.get_field(change.field).verbose_name),
            old=_shown(old, change.field, change.old),
            new=_shown(new, change.field, change.new),
        )
        for change in sorted(delta.changes, key=lambda change: names.index(change.field))
    ]


def _link_changes(new, old) -> list[Change]:
    changes = []
    for name in GOAL_LINKS:
        before, after = set(old.links[name]), set(new.links[name])
        if before != after:
            changes.append(
                Change(
                    label=str(Goal._meta.get_field(name).verbose_name),
                    old=", ".join(sorted(before)) or "—",
                    new=", ".join(sorted(after)) or "—",
                )
            )
    return changes


def plan_compare(older: PlanSnapshot, newer: PlanSnapshot) -> list[ItemDiff]:
    """What changed from `older` to `newer`: goals and actions added, removed, and changed
    field by field (simple-history's `diff_against`; a goal's links as names added or gone).
    Works on two snapshots in memory: no query of its own."""
    diffs = []
    old_goals = {goal.id: goal for goal in older.goals}
    new_goals = {goal.id: goal for goal in newer.goals}
    for goal in newer.goals:
        before = old_goals.get(goal.id)
        if before is None:
            diffs.append(ItemDiff("goal", goal.title, "added"))
        elif before.history_id != goal.history_id:
            changes = _field_changes(goal, before, GOAL_FIELDS) + _link_changes(goal, before)
            if changes:
                diffs.append(ItemDiff("goal", goal.title, "changed", changes))
        old_actions = {a.id: a for a in before.plan_actions} if before else {}
        for action in goal.plan_actions:
            earlier = old_actions.pop(action.id, None)
            if earlier is None:
                diffs.append(ItemDiff("action", action.title, "added", goal_title=goal.title))
            elif earlier.history_id != action.history_id:
                changes = _field_changes(action, earlier, ACTION_FIELDS)
                if changes:
                    diffs.append(ItemDiff("action", action.title, "changed", changes, goal.title))
        for action in old_actions.values():
            diffs.append(ItemDiff("action", action.title, "removed", goal_title=goal.title))
    for goal in older.goals:
        if goal.id not in new_goals:
            diffs.append(ItemDiff("goal", goal.title, "removed"))
    return diffs
