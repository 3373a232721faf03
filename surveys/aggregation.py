"""Aggregating a survey's rounds. Scores are aggregated in the database per rater group
(grouped querysets whatever the number of responses, in selectors.py); Python adds those
group totals into the cells that the anonymity rules of anonymity.py allow.

Besides the counts, the report keeps for every published number the set of pseudonymous keys
behind it. A key never leaves this module; it lets the post round be checked against what the
pre round already published, so that the two rounds together never single anyone out.

Rounds answered with two versions of an instrument are checked against each other by item and
dimension code: an item whose text changed is still about the same raters, so it is checked
like an unchanged one.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import selectors, stats
from .anonymity import (
    SMALL_KINDS,
    GroupCount,
    Release,
    cell_allowed,
    release_plan,
    sets_pair_allowed,
)
from .models import Item, RaterGroup, Round

TOTAL = "total"
MERGED = "merged"
KIND_LABELS = dict(RaterGroup.Kind.choices)  # lazy: translated when shown


@dataclass
class Cell:
    key: str  # a rater group kind, "merged" or "total"
    label: str
    group_ids: list
    n: int
    threshold: int
    raters: frozenset = frozenset()

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
    # The raters behind each published item and dimension: (cell key, id) -> frozenset.
    item_raters: dict = field(default_factory=dict)
    dimension_raters: dict = field(default_factory=dict)
    withheld: list = field(default_factory=list)  # labels left out next to the pre round
    members: dict = field(default_factory=dict)  # group id -> keys of its raters
    kinds: dict = field(default_factory=dict)  # group id -> rater group kind
    # The codes of the round's items and dimensions by id: what measures the same thing in
    # another version of the instrument.
    item_codes: dict = field(default_factory=dict)
    dimension_codes: dict = field(default_factory=dict)

    def cell(self, key):
        return next((c for c in self.cells if c.key == key), None)

    def forget_raters(self) -> None:
        """Drop every pseudonymous key, leaving what a report shows: for results that are
        kept (report_cache.py), which must not hold anything that could trace an answer."""
        for cell in self.cells:
            cell.raters = frozenset()
        self.scores, self.item_raters, self.dimension_raters, self.members = {}, {}, {}, {}


def _total(cells: list[Cell]) -> Cell | None:
    others = [c for c in cells if not c.is_self and c.key != TOTAL]
    raters = frozenset().union(*(c.raters for c in others)) if others else frozenset()
    if not others or not cell_allowed(len(raters)):
        return None
    group_ids = [pk for c in others for pk in c.group_ids]
    return Cell(TOTAL, _("all raters except self"), group_ids, len(raters), 3, raters)


def _kind_label(kind: str) -> str:
    """A rater group kind's name in the reader's language, as `get_kind_display` gives it,
    without that translating every kind to find one."""
    return str(KIND_LABELS.get(kind, kind))


def _cells(groups, members: dict) -> tuple[Release, list[Cell], list[str]]:
    """The published cells of one round, from the raters per group id."""
    by_kind = {g.kind: g for g in groups}
    counts = {g.pk: len(members.get(g.pk, ())) for g in groups}
    release = release_plan([GroupCount(g.kind, counts[g.pk], g.threshold) for g in groups])
    cells = []
    for kind in release.shown:
        group = by_kind[kind]
        cells.append(
            Cell(
                kind,
                _kind_label(group.kind),  # a plain string: shown once per statement
                [group.pk],
                counts[group.pk],
                group.threshold,
                frozenset(members.get(group.pk, ())),
            )
        )
    cells.sort(key=lambda c: by_kind[c.key].position)
    if release.merged:
        merged = [by_kind[k] for k in release.merged]
        names = ", ".join(_kind_label(g.kind) for g in merged)
        raters = frozenset().union(*(members.get(g.pk, ()) for g in merged))
        cells.append(
            Cell(
                MERGED,
                _("others (together: %(groups)s)") % {"groups": names},
                [g.pk for g in merged],
                len(raters),
                max(g.threshold for g in merged),
                raters,
            )
        )
    total = _total(cells)
    if total is not None:
        cells.append(total)
    hidden = [_kind_label(k) for k in release.hidden]
    return release, cells, hidden


def _public(data: RoundData) -> frozenset:
    """Self and the superior are shown on their own by design: differences that only they
    make reveal nothing new."""
    return frozenset().union(*(c.raters for c in data.cells if c.key in SMALL_KINDS))


def _check_against(post: RoundData, pre: RoundData) -> None:
    """Leave out post-round cells whose raters differ from a pre-round cell by only one or
    two people (say, one newcomer joining an otherwise unchanged group): the two rounds'
    results side by side would then describe those one or two people."""
    public = _public(pre) | _public(post)
    earlier = [c.raters - public for c in pre.cells]
    while True:
        cells = [c for c in post.cells if c.key != TOTAL]
        total = _total(cells)
        candidates = cells + ([total] if total else [])
        failing = next(
            (
                c
                for c in candidates
                if not all(sets_pair_allowed(a, c.raters - public) for a in earlier)
            ),
            None,
        )
        if failing is None:
            post.cells = candidates
            return
        # A failing total can only be fixed by leaving out a cell: it is their sum.
        drop = failing if failing.key != TOTAL else min(cells, key=lambda c: c.n)
        post.cells = [c for c in cells if c is not drop]
        post.withheld.append(str(drop.label))


def round_cells(rounds: list[Round], responses=None) -> dict:
    """Per round: the anonymity release and its published cells, from one query listing the
    submitted responses' groups and keys (or its rows, `responses`, read already). Rounds
    are checked against the round before."""
    groups, members = {}, defaultdict(lambda: defaultdict(set))
    if responses is None:
        responses = selectors.report_responses(rounds)
    for round_id, group_id, kind, threshold, position, pseudonym in responses:
        if group_id not in groups:
            groups[group_id] = RaterGroup(
                pk=group_id, kind=kind, threshold=threshold, position=position
            )
        members[round_id][group_id].add(pseudonym)
    data, previous = {}, None
    for round_ in sorted(rounds, key=lambda r: r.number):
        release, cells, hidden = _cells(list(groups.values()), members[round_.pk])
        data[round_.pk] = RoundData(
            round_,
            release,
            cells,
            hidden,
            members={g: frozenset(keys) for g, keys in members[round_.pk].items()},
            kinds={pk: g.kind for pk, g in groups.items()},
        )
        if previous is not None:
            _check_against(data[round_.pk], previous)
        previous = data[round_.pk]
    return data


def load_rounds(
    rounds: list[Round],
    items,
    *,
    only_items: bool = False,
    against: list[RoundData] = (),
    reads: dict | None = None,
) -> list[RoundData]:
    """Aggregate the given rounds of one survey: every number of the report, in a fixed
    handful of queries. `items` are the items of every round, or a dict round id -> the
    items of that round (rounds answered with different versions). With `only_items` a
    dimension's score is the mean of the given items only (a comparison across versions);
    every number is then also checked against the results in `against`, which are
    published too. `reads` keeps the rows read for the same rounds, for a second call."""
    items_of = items if isinstance(items, dict) else {r.pk: items for r in rounds}
    reads = {} if reads is None else reads
    if "responses" not in reads:
        reads["responses"] = selectors.report_responses(rounds)
        reads["histograms"] = selectors.report_histograms(rounds)
    data = round_cells(rounds, reads["responses"])
    # (round, group) -> item -> {score: n}
    histograms = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    # Who gave no value ("I don't know"): few rows, needed to know who is behind an item.
    # The same query as the histograms: an unknown answer is counted per rater key.
    without_value = defaultdict(set)  # (round, group, item) -> pseudonyms
    for round_id, group_id, item_id, score, unknown, n in reads["histograms"]:
        if score is None:
            without_value[(round_id, group_id, item_id)].add(unknown)
        else:
            histograms[(round_id, group_id)][item_id][score] += n
    respondent_scores = defaultdict(list)  # (round, group) -> [(pseudonym, dimension, score)]
    scored = [i.pk for r in rounds for i in items_of[r.pk]] if only_items else None
    for round_id, group_id, pseudonym, dimension_id, score in selectors.report_respondent_scores(
        rounds, items=scored
    ):
        respondent_scores[(round_id, group_id)].append((pseudonym, dimension_id, score))
    context = _Sources(histograms, respondent_scores, without_value, items_of)
    previous = None
    for round_ in sorted(rounds, key=lambda r: r.number):
        current = data[round_.pk]
        current.item_codes = {i.pk: i.code for i in items_of[round_.pk]}
        current.dimension_codes = {i.dimension_id: i.dimension.code for i in items_of[round_.pk]}
        _fill_round(current, context, [previous, *against] if previous else list(against))
        previous = current
    return [data[r.pk] for r in rounds]


@dataclass
class _Sources:
    histograms: dict
    respondent_scores: dict
    without_value: dict
    items: dict  # round id -> its items


class _RaterSets:
    """The keys of the raters behind each item of one round, per cell. Nearly every
    statement is answered by the same people, so equal sets are built once and shared: the
    checks against the previous round then meet the same few sets again and again."""

    def __init__(self, data: RoundData, sources: _Sources):
        self.data, self.sources = data, sources
        self.shared = {}  # a set -> the one instance of it
        self.unions = {}  # tuple of shared sets -> their shared union

    def share(self, raters: frozenset) -> frozenset:
        return self.shared.setdefault(raters, raters)

    def of_group(self, group_id, item: Item) -> frozenset | None:
        """The raters of a group who gave `item` a value (None: the item is not for them)."""
        data = self.data
        if not item.is_for(data.kinds[group_id]):
            return None
        members = self.share(data.members.get(group_id, frozenset()))
        unknown = self.sources.without_value.get((data.round.pk, group_id, item.id))
        return self.share(members - unknown) if unknown else members

    def union(self, parts) -> frozenset:
        key = tuple(parts)
        found = self.unions.get(key)
        if found is None:
            found = self.unions[key] = self.share(frozenset().union(*key))
        return found

    def of_cell(self, cell: Cell, item: Item) -> frozenset:
        """The keys of the raters in `cell` who gave `item` a value."""
        if len(cell.group_ids) == 1:
            return self.of_group(cell.group_ids[0], item) or frozenset()
        parts = (self.of_group(group_id, item) for group_id in cell.group_ids)
        return self.union(part for part in parts if part is not None)


def _earlier(references: list[RoundData], attr: str, codes: str) -> tuple[dict, frozenset, dict]:
    """What the other rounds published per item or dimension (`attr`: their raters by cell
    and id; `codes`: their codes by id), without the raters who are public by design,
    indexed by code once so each check looks at its own measure only. Most statements are
    answered by the same people, so the sets repeat: equal indexes are shared and each
    distinct pair of an index and a set of raters is judged once (the third part is that
    memo)."""
    if not references:
        return {}, frozenset(), {}
    public = frozenset().union(*(_public(r) for r in references))
    without_public, index = {}, defaultdict(set)
    for reference in references:
        code_of = getattr(reference, codes)
        for (_key, measure_id), earlier in getattr(reference, attr).items():
            found = without_public.get(earlier)
            if found is None:
                found = without_public[earlier] = earlier - public
            index[code_of.get(measure_id, measure_id)].add(found)
    shared = {}
    return {m: shared.setdefault(frozenset(s), frozenset(s)) for m, s in index.items()}, public, {}


def _allowed_next_to(earlier: tuple[dict, frozenset, dict], code, raters) -> bool:
    """May a number about `raters` stand next to what the other rounds published for the
    item or dimension with this code?"""
    index, public, judged = earlier
    sets = index.get(code)
    if not sets:
        return True
    key = (sets, raters)
    allowed = judged.get(key)
    if allowed is None:
        now = frozenset(raters) - public
        allowed = judged[key] = all(sets_pair_allowed(before, now) for before in sets)
    return allowed


def _cell_histograms(cell: Cell, sources: _Sources, rid) -> dict:
    """item id -> {score: n} of the raters in `cell`."""
    groups = cell.group_ids
    if len(groups) == 1:  # most cells: read the group's histograms as they are
        return sources.histograms.get((rid, groups[0]), {})
    histograms = defaultdict(lambda: defaultdict(int))
    for group_id in groups:
        for item_id, histogram in sources.histograms.get((rid, group_id), {}).items():
            merged = histograms[item_id]
            for score, n in histogram.items():
                merged[score] += n
    return histograms


def _fill_round(data: RoundData, sources: _Sources, references: list[RoundData]) -> None:
    """Per published cell and measure (item or dimension) its statistics, leaving out any that
    rest on fewer raters than the cell's threshold or that another published result (the
    previous round, and any in `references`) would narrow down. The total of a measure is the
    sum of the cells published for it, so the total minus those cells is always empty."""
    rid = data.round.pk
    published = [c for c in data.cells if c.key != TOTAL]
    total_items = defaultdict(lambda: defaultdict(int))
    total_item_raters = defaultdict(list)  # item id -> the raters of its published cells
    total_scores = defaultdict(dict)  # dimension -> {pseudonym: score}
    earlier_items = _earlier(references, "item_raters", "item_codes")
    earlier_dimensions = _earlier(references, "dimension_raters", "dimension_codes")
    item_code, dimension_code = data.item_codes, data.dimension_codes
    rater_sets = _RaterSets(data, sources)
    for cell in published:
        histograms = _cell_histograms(cell, sources, rid)
        scores = defaultdict(dict)
        for group_id in cell.group_ids:
            for pseudonym, dimension_id, score in sources.respondent_scores.get(
                (rid, group_id), ()
            ):
                scores[dimension_id][pseudonym] = score
        key, adds_to_total = cell.key, not cell.is_self
        for item in sources.items[rid]:
            item_id = item.id
            histogram = histograms.get(item_id)
            if not histogram:
                continue
            summary = stats.summarise_counts(histogram)
            if not cell_allowed(summary.n, cell.threshold):
                continue
            raters = rater_sets.of_cell(cell, item)
            if not _allowed_next_to(earlier_items, item_code.get(item_id, item_id), raters):
                continue
            data.items[(key, item_id)] = (summary, dict(histogram))
            data.item_raters[(key, item_id)] = raters
            if adds_to_total:
                total_item_raters[item_id].append(raters)
                total = total_items[item_id]
                for score, n in histogram.items():
                    total[score] += n
        for dimension_id, by_rater in scores.items():
            summary = stats.summarise(by_rater.values())
            raters = frozenset(by_rater)
            if not cell_allowed(summary.n, cell.threshold) or not _allowed_next_to(
                earlier_dimensions, dimension_code.get(dimension_id, dimension_id), raters
            ):
                continue
            data.dimensions[(cell.key, dimension_id)] = summary
            data.dimension_raters[(cell.key, dimension_id)] = raters
            if not cell.is_self:
                total_scores[dimension_id].update(by_rater)
    if data.cell(TOTAL) is None:
        return
    for item_id, histogram in total_items.items():
        summary = stats.summarise_counts(histogram)
        raters = rater_sets.union(total_item_raters[item_id])
        if not _allowed_next_to(earlier_items, item_code.get(item_id, item_id), raters):
            # The cells add up to the total, so they cannot stay either.
            for key in [k for k in data.items if k[1] == item_id]:
                del data.items[key]
                del data.item_raters[key]
        elif cell_allowed(summary.n):
            data.items[(TOTAL, item_id)] = (summary, dict(histogram))
            data.item_raters[(TOTAL, item_id)] = raters
    for dimension_id, by_rater in total_scores.items():
        summary = stats.summarise(by_rater.values())
        raters = frozenset(by_rater)
        if not _allowed_next_to(
            earlier_dimensions, dimension_code.get(dimension_id, dimension_id), raters
        ):
            for key in [k for k in data.dimensions if k[1] == dimension_id]:
                del data.dimensions[key]
                del data.dimension_raters[key]
        elif cell_allowed(summary.n):
            data.dimensions[(TOTAL, dimension_id)] = summary
            data.dimension_raters[(TOTAL, dimension_id)] = raters
            data.scores[dimension_id] = by_rater
