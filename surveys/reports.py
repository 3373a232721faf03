"""The sections of a survey report (per dimension, priorities, pre/post, dialogue, comments),
built from the aggregated rounds of aggregation.py."""

import random
from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import stats
from .aggregation import MERGED, TOTAL, RoundData, load_rounds
from .anonymity import filter_allowed, paired_allowed
from .charts import bar_chart, prepost_chart
from .models import Item, Survey, pick
from .selectors import report_comments, version_questions
from .version_pairs import pair_items

__all__ = ["MERGED", "TOTAL", "report_context"]

VERDICT_WORDS = {
    stats.TOO_FEW: gettext_lazy("too few answers to tell"),
    stats.CLEAR_GROWTH: gettext_lazy("clear growth"),
    stats.SLIGHT_GROWTH: gettext_lazy("slight growth"),
    stats.NO_CLEAR_DIFFERENCE: gettext_lazy("no clear difference"),
    stats.SLIGHT_DECLINE: gettext_lazy("slight decline"),
    stats.CLEAR_DECLINE: gettext_lazy("clear decline"),
}
SMALL_GROUP = 10  # below this many raters a report adds "read with care"


def _gap(a, b):
    if a is None or b is None or a.mean is None or b.mean is None:
        return None
    return a.mean - b.mean


def dimension_rows(data: RoundData, dimensions, items) -> list[dict]:
    """Per dimension: every cell's score, the self-versus-others gap, importance, how shared
    it is, and its quality items with distribution."""
    rows, points = [], {}  # scale id -> its points, for the distributions
    for dimension in dimensions:
        dim_items = [i for i in items if i.dimension_id == dimension.pk]
        cells = [(cell, data.dimensions.get((cell.key, dimension.pk))) for cell in data.cells]
        total = data.dimensions.get((TOTAL, dimension.pk))
        own = data.dimensions.get(("self", dimension.pk))
        aspect = {}
        for item in dim_items:
            if item.aspect in (Item.Aspect.IMPORTANCE, Item.Aspect.SHARED):
                found = data.items.get((TOTAL, item.pk))
                aspect[item.aspect] = found[0] if found else None
        rows.append(
            {
                "dimension": dimension,
                "cells": cells,
                "total": total,
                "self": own,
                "gap": _gap(own, total),
                "importance": aspect.get(Item.Aspect.IMPORTANCE),
                "shared": aspect.get(Item.Aspect.SHARED),
                "items": [
                    item_row(data, item, points)
                    for item in dim_items
                    if item.aspect in (Item.Aspect.QUALITY, Item.Aspect.OWNER)
                ],
            }
        )
    return rows


def item_row(data: RoundData, item: Item, points: dict | None = None) -> dict:
    """One statement: all raters except self with the distribution, self, the gap and the
    groups. `points` may keep the points of each scale between statements."""
    points = {} if points is None else points
    published, pk = data.items, item.pk
    total = published.get((TOTAL, pk))
    own = published.get(("self", pk))
    distribution = []
    if total:
        summary, histogram = total
        if item.scale_id not in points:
            points[item.scale_id] = item.scale.points()
        flip = item.scale.minimum + item.scale.maximum if item.reverse else None
        for value, label in points[item.scale_id]:
            # A reverse-scored item keeps its turned-around scores; its distribution counts
            # the answers as given, so each bar stands next to the label the rater chose.
            count = histogram.get(float(flip - value if flip else value), 0)
            distribution.append(
                {"value": value, "label": label, "n": count, "pct": 100 * count / summary.n}
            )
    total, own = total[0] if total else None, own[0] if own else None
    cells = [(c, (published.get((c.key, pk)) or (None,))[0]) for c in data.cells]
    return {
        "item": item,
        "total": total,
        "answered": as_answered(item, total),
        "self": own,
        "gap": _gap(own, total),
        "distribution": distribution,
        "cells": cells,
        # The groups listed next to the statement (not the total, not self).
        "groups": [(c.label, s) for c, s in cells if c.key not in (TOTAL, "self")],
    }


def as_answered(item: Item, summary) -> float | None:
    """The mean of a reverse-scored item as the raters answered it, before it was turned
    around: a summary names the statement as they read it, so it gives this mean too."""
    if not item.reverse or summary is None or summary.mean is None:
        return None
    return item.scale.minimum + item.scale.maximum - summary.mean


def strongest_weakest(rows: list[dict], count: int = 3) -> tuple[list, list]:
    rated = [
        r
        for row in rows
        for r in row["items"]
        if r["total"] is not None and r["item"].aspect == Item.Aspect.QUALITY
    ]
    rated.sort(key=lambda r: (r["total"].mean, r["item"].position))
    weakest = rated[:count]
    strongest = [r for r in reversed(rated) if r not in weakest][:count]
    return strongest, weakest


def priorities(rows: list[dict]) -> list[dict]:
    """Dimensions that are important now but not yet strong, most urgent first."""
    found = []
    for row in rows:
        if row["importance"] is None or row["total"] is None:
            continue
        urgency = row["importance"].mean - row["total"].mean
        found.append({**row, "urgency": urgency, "is_priority": False})
    found.sort(key=lambda r: -r["urgency"])
    for row in found[:2]:
        row["is_priority"] = row["urgency"] > 0 and row["importance"].mean >= 3.5
    return found


def comments(data: RoundData) -> list[dict]:
    """Open answers of published cells, without group or name, in random order; the
    subject's own comments apart. One query, with the question texts joined in."""
    allowed = {pk for c in data.cells if c.key in (TOTAL, "self") for pk in c.group_ids}
    self_ids = {pk for c in data.cells if c.is_self for pk in c.group_ids}
    by_question = {}
    rows = report_comments(data.round, allowed)
    for position, text_nl, text_en, text, group_id in rows:
        entry = by_question.setdefault(
            position, {"question_text": pick(text_nl, text_en), "others": [], "self": []}
        )
        entry["self" if group_id in self_ids else "others"].append(text)
    shuffle = random.SystemRandom().shuffle
    for entry in by_question.values():
        shuffle(entry["others"])
    return [by_question[position] for position in sorted(by_question)]


def _word(change):
    word = VERDICT_WORDS[stats.verdict(change)]
    careful = change is not None and stats.MIN_N_FOR_WORDS <= change.n < SMALL_GROUP
    return word, careful


def pre_post(pre: RoundData, post: RoundData, dimensions) -> dict:
    """Side by side per dimension: the change of the whole group and, where the same raters
    answered both rounds (and the anonymity rules allow it), their paired change.
    `dimensions`: (dimension, its id in the pre round, its id in the post round), the same
    id twice when both rounds answered one version."""
    total_pre, total_post = pre.cell(TOTAL), post.cell(TOTAL)
    both, pre_raters, post_raters = set(), set(), set()
    if total_pre and total_post:
        pre_raters = {p for scores in pre.scores.values() for p in scores}
        post_raters = {p for scores in post.scores.values() for p in scores}
        both = pre_raters & post_raters
    show_paired = bool(
        total_pre and total_post and paired_allowed(total_pre.n, total_post.n, len(both))
    )
    rows = []
    for dimension, pre_id, post_id in dimensions:
        a = pre.dimensions.get((TOTAL, pre_id))
        b = post.dimensions.get((TOTAL, post_id))
        group_change = stats.independent_change(a, b) if a and b else None
        paired = None
        if show_paired:
            before, after = pre.scores.get(pre_id, {}), post.scores.get(post_id, {})
            # In a fixed order: a sum of floats depends on it in its last digits.
            differences = [after[p] - before[p] for p in sorted(both) if p in before and p in after]
            if filter_allowed(len(differences), len(both)):
                paired = stats.paired_change(differences)
        own_a = pre.dimensions.get(("self", pre_id))
        own_b = post.dimensions.get(("self", post_id))
        main = paired or group_change
        word, careful = _word(main)
        rows.append(
            {
                "dimension": dimension,
                "pre": a,
                "post": b,
                "change": group_change,
                "paired": paired,
                "self_change": _gap(own_b, own_a),
                "word": word,
                "verdict": stats.verdict(main),
                "careful": careful,
            }
        )
    return {"rows": rows, "n_both": len(both) if show_paired else None, "paired": show_paired}


def dialogue(data: RoundData, items) -> dict:
    """Per statement: how leadership and staff see who takes it on and how well it happens,
    sorted by the size of the difference — the agenda for a conversation."""
    leaders, staff = data.cell("leadership"), data.cell("staff")
    if not leaders or not staff:
        return {"available": False, "rows": []}
    statements = defaultdict(dict)
    for item in items:
        statements[item.statement][item.aspect] = item
    rows = []
    for aspects in statements.values():
        entry = {"item": next(iter(aspects.values())), "gaps": []}
        for aspect in (Item.Aspect.OWNER, Item.Aspect.QUALITY):
            item = aspects.get(aspect)
            if item is None:
                continue
            lead = (data.items.get(("leadership", item.pk)) or (None,))[0]
            team = (data.items.get(("staff", item.pk)) or (None,))[0]
            entry[aspect] = {"item": item, "leaders": lead, "staff": team, "gap": _gap(lead, team)}
        gaps = [
            abs(entry[a]["gap"]) for a in ("owner", "quality") if a in entry and entry[a]["gap"]
        ]
        entry["size"] = max(gaps, default=0)
        rows.append(entry)
    rows.sort(key=lambda r: -r["size"])
    return {"available": True, "rows": rows}


def _scale_range(items) -> tuple[int, int]:
    quality = [i for i in items if i.aspect == Item.Aspect.QUALITY] or items
    return quality[0].scale.minimum, quality[0].scale.maximum


def chosen_round(finished: list, round_number=None):
    """The finished round a report shows in detail: the one asked for, else the latest."""
    return next((r for r in finished if str(r.number) == str(round_number)), finished[-1])


def _dimensions_of(items) -> list:
    return list({item.dimension_id: item.dimension for item in items}.values())


def comparison(finished: list, datas: list[RoundData], items_of: dict, reads=None) -> dict:
    """The pre/post comparison of two finished rounds. Answered with one version, it
    compares every dimension; with two, only the items the versions share unchanged
    (version_pairs.py), each dimension as the mean of its paired items, and it says which
    items it left out and why. Those numbers are checked against both rounds' own results
    too, so no difference between them singles anyone out. `reads`: the rows `datas` were
    aggregated from (aggregation.load_rounds)."""
    pre, post = finished
    pre_items, post_items = items_of[pre.pk], items_of[post.pk]
    if pre.version_id == post.version_id:
        dimensions = [(d, d.pk, d.pk) for d in _dimensions_of(post_items)]
        return {**pre_post(datas[0], datas[1], dimensions), "pairing": None}
    pairing = pair_items(pre_items, post_items)
    pre_of = pairing.paired_dimensions
    paired = {
        pre.pk: [before for before, _after in pairing.pairs],
        post.pk: [after for _before, after in pairing.pairs],
    }
    compared = load_rounds(finished, paired, only_items=True, against=datas, reads=reads)
    dimensions = [(d, pre_of[d.pk], d.pk) for d in _dimensions_of(paired[post.pk])]
    result = pre_post(compared[0], compared[1], dimensions)
    for data in compared:
        data.forget_raters()
    return {
        **result,
        "pairing": pairing,
        "pre_version": pre.version,
        "post_version": post.version,
    }


def report_context(survey: Survey, round_number=None, rounds=None) -> dict:
    """Everything a report page (HTML or PDF) shows, for the survey's finished rounds: the
    chosen round (the latest by default) in detail, with the items of the version it was
    answered with, and the comparison of both rounds. `rounds` may pass the survey's rounds
    (with their versions) when the caller has them already."""
    rounds = list(survey.rounds.select_related("version")) if rounds is None else rounds
    finished = [r for r in rounds if r.is_finished()]
    context = {
        "survey": survey,
        "rounds": rounds,
        "pending": [r for r in rounds if not r.is_finished()],
        "kind": survey.version.instrument.kind,
    }
    if not finished:
        return context
    items_of = {r.pk: version_questions(r.version)[0] for r in finished}
    reads = {}
    datas = load_rounds(finished, items_of, reads=reads)
    chosen = chosen_round(finished, round_number)
    current = next(d for d in datas if d.round == chosen)
    items = items_of[chosen.pk]
    dimensions = _dimensions_of(items)
    context["finished"] = finished
    context["version"] = chosen.version
    low, high = _scale_range(items)
    rows = dimension_rows(current, dimensions, items)
    for row in rows:
        row["chart"] = bar_chart(
            [
                (cell.label, s.mean if s else None, s.n if s else 0, cell.is_self)
                for cell, s in row["cells"]
            ],
            minimum=low,
            maximum=high,
            title=str(row["dimension"].title),
        )
    strongest, weakest = strongest_weakest(rows)
    context.update(
        {
            "current": current,
            "rows": rows,
            "strongest": strongest,
            "weakest": weakest,
            "comments": comments(current),
            "scale_low": low,
            "scale_high": high,
            "has_self": current.cell("self") is not None,
        }
    )
    if context["kind"] == "360":
        context["priorities"] = priorities(rows)
    if context["kind"] == "dialogue":
        context["dialogue"] = dialogue(current, items)
    if len(datas) == 2:
        result = comparison(finished, datas, items_of, reads)
        result["chart"] = prepost_chart(
            [
                (
                    r["dimension"].title,
                    r["pre"].mean if r["pre"] else None,
                    r["post"].mean if r["post"] else None,
                )
                for r in result["rows"]
            ],
            minimum=low,
            maximum=high,
            title=_("Pre- and post-measurement per dimension"),
        )
        context["comparison"] = result
    return context
