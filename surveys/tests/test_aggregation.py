"""Property-style tests of the report's per-measure rules, without a database: every item
total is exactly the sum of the cells published for that item, every published number rests
on at least its cell's threshold, and a post round never sits next to a pre round in a way
that isolates one or two raters."""

import itertools
import random
from collections import defaultdict
from types import SimpleNamespace

import pytest

from surveys.aggregation import TOTAL, RoundData, _cells, _check_against, _fill_round, _Sources
from surveys.anonymity import sets_pair_allowed
from surveys.models import Item, RaterGroup

KINDS = ["self", "superior", "leadership", "teachers", "support", "parents", "others"]
ITEMS = [Item(pk=n, audience=[]) for n in (1, 2, 3)]


def _round(rng, groups, number, people, previous_members=None, items=ITEMS):
    """Random raters per group (keeping most of the previous round's people) and answers."""
    members = {}
    for group in groups:
        small = group.kind in ("self", "superior")
        size = rng.randint(0, 1) if small else rng.randint(0, 7)
        keep = sorted(previous_members.get(group.pk, ())) if previous_members else []
        rng.shuffle(keep)
        chosen = keep[:size]
        while len(chosen) < size:
            chosen.append(next(people))
        members[group.pk] = set(chosen)
    release, cells, hidden = _cells(groups, members)
    data = RoundData(
        SimpleNamespace(pk=number, number=number),
        release,
        cells,
        hidden,
        members={g: frozenset(m) for g, m in members.items()},
        kinds={g.pk: g.kind for g in groups},
    )
    histograms = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    without_value = defaultdict(set)
    answered = {}
    for group in groups:
        for item in items:
            valued = {p for p in members[group.pk] if rng.random() > 0.15}
            without_value[(number, group.pk, item.pk)] = members[group.pk] - valued
            answered[(group.pk, item.pk)] = valued
            for _ in valued:
                histograms[(number, group.pk)][item.pk][float(rng.randint(1, 5))] += 1
    sources = _Sources(histograms, defaultdict(list), without_value, {number: items})
    return data, sources, members, answered


def _groups(rng):
    return [
        RaterGroup(
            pk=position + 1,
            kind=kind,
            position=position,
            threshold=1 if kind in ("self", "superior") else rng.choice([3, 3, 4]),
        )
        for position, kind in enumerate(rng.sample(KINDS, rng.randint(1, len(KINDS))))
    ]


@pytest.mark.parametrize("seed", range(25))
def test_item_totals_are_sums_of_published_cells(seed):
    rng = random.Random(seed)
    people = (f"p{n}" for n in itertools.count())
    for _trial in range(20):
        groups = _groups(rng)
        data, sources, _members, answered = _round(rng, groups, 1, people)
        _fill_round(data, sources, [])
        hidden_ids = {g.pk for g in groups if g.kind in data.release.hidden}
        by_key = {cell.key: cell for cell in data.cells}
        for item in ITEMS:
            published = {k: v[0] for (k, i), v in data.items.items() if i == item.pk}
            total = published.pop(TOTAL, None)
            for key, summary in published.items():
                assert summary.n >= by_key[key].threshold
                assert not set(by_key[key].group_ids) & hidden_ids
                assert summary.n == sum(len(answered[(g, item.pk)]) for g in by_key[key].group_ids)
            if total is not None:
                assert total.n == sum(s.n for k, s in published.items() if k != "self") >= 3


@pytest.mark.parametrize("seed", range(25))
def test_no_post_number_isolates_raters_next_to_a_pre_number(seed):
    rng = random.Random(seed)
    people = (f"p{n}" for n in itertools.count())
    for _trial in range(20):
        groups = _groups(rng)
        pre, pre_sources, pre_members, _answered = _round(rng, groups, 1, people)
        _fill_round(pre, pre_sources, [])
        post, post_sources, _members, _answered = _round(rng, groups, 2, people, pre_members)
        _check_against(post, pre)
        _fill_round(post, post_sources, [pre])
        public = {
            p
            for data in (pre, post)
            for c in data.cells
            if c.key in ("self", "superior")
            for p in c.raters
        }
        for earlier_cell in pre.cells:
            for cell in post.cells:
                assert sets_pair_allowed(earlier_cell.raters - public, cell.raters - public)
        for (key, item_id), raters in post.item_raters.items():
            for (other, other_id), earlier in pre.item_raters.items():
                if other_id == item_id:
                    assert sets_pair_allowed(earlier - public, raters - public), (key, other)


# The same three statements in a newer version of the instrument: other rows, the same codes.
NEWER = [Item(pk=n + 10, audience=[]) for n in (1, 2, 3)]


@pytest.mark.parametrize("seed", range(25))
def test_a_post_round_of_a_newer_version_is_checked_against_the_pre_round_by_code(seed):
    rng = random.Random(seed)
    people = (f"p{n}" for n in itertools.count())
    for _trial in range(20):
        groups = _groups(rng)
        pre, pre_sources, pre_members, _answered = _round(rng, groups, 1, people)
        pre.item_codes = {item.pk: f"code-{item.pk}" for item in ITEMS}
        _fill_round(pre, pre_sources, [])
        post, post_sources, _m, _a = _round(rng, groups, 2, people, pre_members, items=NEWER)
        post.item_codes = {item.pk: f"code-{item.pk - 10}" for item in NEWER}
        _check_against(post, pre)
        _fill_round(post, post_sources, [pre])
        public = {
            p
            for data in (pre, post)
            for c in data.cells
            if c.key in ("self", "superior")
            for p in c.raters
        }
        for (key, item_id), raters in post.item_raters.items():
            for (other, other_id), earlier in pre.item_raters.items():
                if other_id == item_id - 10:
                    assert sets_pair_allowed(earlier - public, raters - public), (key, other)
