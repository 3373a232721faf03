"""Property-style test of the per-measure rule, without a database: for every item, the total
is exactly the sum of the cells published for that item, and every published number rests on
at least its cell's threshold of raters."""

import random
from collections import defaultdict
from types import SimpleNamespace

import pytest

from surveys.aggregation import TOTAL, RoundData, _cells, _fill_round
from surveys.models import RaterGroup

KINDS = ["self", "superior", "leadership", "teachers", "support", "parents", "others"]


@pytest.mark.parametrize("seed", range(25))
def test_item_totals_are_sums_of_published_cells(seed):
    rng = random.Random(seed)
    for _trial in range(20):
        groups, counts = [], {}
        for position, kind in enumerate(rng.sample(KINDS, rng.randint(1, len(KINDS)))):
            small = kind in ("self", "superior")
            group = RaterGroup(
                pk=position + 1,
                kind=kind,
                position=position,
                threshold=1 if small else rng.choice([3, 3, 4]),
            )
            groups.append(group)
            counts[group.pk] = rng.randint(0, 1) if small else rng.randint(0, 7)
        release, cells, hidden = _cells(groups, counts)
        data = RoundData(SimpleNamespace(pk=1), release, cells, hidden)
        histograms = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        answered = defaultdict(dict)  # (group, item) -> raters who gave a value
        for group in groups:
            for item in (1, 2, 3):
                # Some raters answer "I don't know": fewer values than responses.
                n = max(0, counts[group.pk] - rng.choice([0, 0, 1, 2]))
                answered[(group.pk, item)] = n
                for _ in range(n):
                    histograms[(1, group.pk)][item][float(rng.randint(1, 5))] += 1
        _fill_round(data, histograms, defaultdict(list))

        by_key = {cell.key: cell for cell in cells}
        for item in (1, 2, 3):
            published = {
                key: summary
                for (key, item_id), (summary, _h) in data.items.items()
                if item_id == item
            }
            for key, summary in published.items():
                if key != TOTAL:
                    assert summary.n >= by_key[key].threshold
            total = published.pop(TOTAL, None)
            others = sum(s.n for key, s in published.items() if key != "self")
            if total is not None:
                assert total.n == others >= 3
            hidden_ids = {g.pk for g in groups if g.kind in release.hidden}
            for key, summary in published.items():
                # A cell counts exactly its own groups' answers, never a hidden group's.
                assert not set(by_key[key].group_ids) & hidden_ids
                assert summary.n == sum(answered[(gid, item)] for gid in by_key[key].group_ids)
