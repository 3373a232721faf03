"""Aggregating a survey's rounds. Aggregation happens in SQL per rater group (three GROUP BY
queries whatever the number of responses); Python only adds those group totals into the cells
that the anonymity rules allow (see anonymity.py)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from . import stats
from .anonymity import GroupCount, Release, cell_allowed, release_plan
from .models import Answer, Item, RaterGroup, Response, Round, Survey

TOTAL = "total"
MERGED = "merged"


@dataclass
class Cell:
    key: str  # a rater group kind, "merged" or "total"
    label: str
    group_ids: list
    n: int
    threshold: int

    @property
    def is_self(self) -> bool:
        return self.key == "self"


@dataclass
class RoundData:
    round: Round
    release: Release
    cells: list
    hidden: list  # labels of groups left out, to say so in the report
    items: dict = field(default_factory=dict)  # (cell key, item id) -> (Summary, {score: n})
    dimensions: dict = field(default_factory=dict)  # (cell key, dimension id) -> Summary
    scores: dict = field(default_factory=dict)  # dimension id -> {pseudonym: score}, "total"

    def cell(self, key):
        return next((c for c in self.cells if c.key == key), None)


def _cells(groups: list[RaterGroup], counts: dict) -> tuple[Release, list[Cell], list[str]]:
    by_kind = {g.kind: g for g in groups}
    release = release_plan([GroupCount(g.kind, counts.get(g.pk, 0), g.threshold) for g in groups])
    cells = []
    for kind in release.shown:
        group = by_kind[kind]
        cells.append(
            Cell(kind, group.get_kind_display(), [group.pk], counts[group.pk], group.threshold)
        )
    cells.sort(key=lambda c: by_kind[c.key].position)
    if release.merged:
        merged = [by_kind[k] for k in release.merged]
        names = ", ".join(str(g.get_kind_display()) for g in merged)
        cells.append(
            Cell(
                MERGED,
                _("others (together: %(groups)s)") % {"groups": names},
                [g.pk for g in merged],
                sum(counts[g.pk] for g in merged),
                max(g.threshold for g in merged),
            )
        )
    others = [c for c in cells if not c.is_self]
    total_n = sum(c.n for c in others)
    if others and cell_allowed(total_n):
        cells.append(
            Cell(
                TOTAL,
                _("all raters except self"),
                [pk for c in others for pk in c.group_ids],
                total_n,
                3,
            )
        )
    hidden = [str(by_kind[k].get_kind_display()) for k in release.hidden]
    return release, cells, hidden


def round_cells(rounds: list[Round], groups: list[RaterGroup]) -> dict:
    """Per round: the anonymity release and its published cells, from one count query."""
    counts = defaultdict(dict)
    for row in (
        Response.objects.filter(status=Response.Status.SUBMITTED, round__in=rounds)
        .values("round_id", "rater_group_id")
        .annotate(n=Count("id"))
    ):
        counts[row["round_id"]][row["rater_group_id"]] = row["n"]
    data = {}
    for round_ in rounds:
        release, cells, hidden = _cells(groups, counts[round_.pk])
        data[round_.pk] = RoundData(round_, release, cells, hidden)
    return data


def load_rounds(survey: Survey, rounds: list[Round], groups: list[RaterGroup]) -> list[RoundData]:
    """Aggregate every given round of the survey with three GROUP BY queries."""
    data = round_cells(rounds, groups)

    answers = Answer.objects.filter(
        response__status=Response.Status.SUBMITTED,
        response__round__in=rounds,
        score__isnull=False,
    )
    # (round, group) -> item -> {score: n}
    histograms = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for row in answers.values(
        "response__round_id", "response__rater_group_id", "item_id", "score"
    ).annotate(n=Count("id")):
        key = (row["response__round_id"], row["response__rater_group_id"])
        histograms[key][row["item_id"]][row["score"]] += row["n"]
    respondent_scores = defaultdict(list)  # (round, group) -> [(pseudonym, dimension, score)]
    for row in (
        answers.filter(item__aspect=Item.Aspect.QUALITY)
        .values(
            "response__round_id",
            "response__rater_group_id",
            "response__pseudonym",
            "item__dimension_id",
        )
        .annotate(score=Avg("score"))
    ):
        respondent_scores[(row["response__round_id"], row["response__rater_group_id"])].append(
            (row["response__pseudonym"], row["item__dimension_id"], row["score"])
        )
    for round_data in data.values():
        _fill_round(round_data, histograms, respondent_scores)
    return [data[r.pk] for r in rounds]


def _fill_round(data: RoundData, histograms, respondent_scores) -> None:
    """Per published cell and measure (item or dimension) its statistics, dropping any that
    rest on fewer raters than the cell's threshold. The total of a measure is the sum of the
    cells published for that measure only, so the total minus those cells is always empty."""
    rid = data.round.pk
    total_items = defaultdict(lambda: defaultdict(int))
    total_scores = defaultdict(dict)  # dimension -> {pseudonym: score}
    for cell in data.cells:
        if cell.key == TOTAL:
            continue
        items = defaultdict(lambda: defaultdict(int))
        scores = defaultdict(dict)
        for group_id in cell.group_ids:
            for item_id, histogram in histograms[(rid, group_id)].items():
                for score, n in histogram.items():
                    items[item_id][score] += n
            for pseudonym, dimension_id, score in respondent_scores[(rid, group_id)]:
                scores[dimension_id][pseudonym] = score
        for item_id, histogram in items.items():
            summary = stats.summarise_counts(histogram)
            if not cell_allowed(summary.n, cell.threshold):
                continue
            data.items[(cell.key, item_id)] = (summary, dict(histogram))
            if not cell.is_self:
                for score, n in histogram.items():
                    total_items[item_id][score] += n
        for dimension_id, by_rater in scores.items():
            summary = stats.summarise(by_rater.values())
            if not cell_allowed(summary.n, cell.threshold):
                continue
            data.dimensions[(cell.key, dimension_id)] = summary
            if not cell.is_self:
                total_scores[dimension_id].update(by_rater)
    if data.cell(TOTAL) is None:
        return
    for item_id, histogram in total_items.items():
        summary = stats.summarise_counts(histogram)
        if cell_allowed(summary.n):
            data.items[(TOTAL, item_id)] = (summary, dict(histogram))
    for dimension_id, by_rater in total_scores.items():
        summary = stats.summarise(by_rater.values())
        if cell_allowed(summary.n):
            data.dimensions[(TOTAL, dimension_id)] = summary
            data.scores[dimension_id] = by_rater
