"""The anonymity rules: unit cases and a property-style test over many random group sizes."""

import itertools
import random

import pytest

from surveys.anonymity import (
    GroupCount,
    cell_allowed,
    filter_allowed,
    paired_allowed,
    release_plan,
)


def _plan(**sizes):
    return release_plan(
        [GroupCount(k, n, 1 if k in ("self", "superior") else 3) for k, n in sizes.items()]
    )


def test_groups_at_their_threshold_are_shown_alone():
    plan = _plan(self=1, teachers=3, support=4)
    assert plan.shown == ["self", "teachers", "support"]
    assert plan.merged == plan.hidden == []


def test_small_groups_are_merged_into_others_when_that_reaches_the_threshold():
    plan = _plan(teachers=6, support=2, parents=1)
    assert plan.shown == ["teachers"]
    assert plan.merged == ["support", "parents"]
    assert plan.cell_of("support") == "merged"


def test_a_small_group_joins_the_others_group():
    plan = _plan(teachers=6, support=2, others=3)
    assert plan.merged == ["support", "others"]
    assert "others" not in plan.shown


def test_small_groups_are_hidden_when_even_merged_they_stay_too_small():
    plan = _plan(teachers=6, support=1, parents=1)
    assert plan.hidden == ["support", "parents"]
    assert plan.released == ["teachers"]


def test_others_stays_shown_when_the_pool_with_a_strict_group_is_too_small():
    groups = [
        GroupCount("others", 3, 3),
        GroupCount("parents", 2, 10),  # threshold raised to 10
        GroupCount("teachers", 5, 3),
    ]
    plan = release_plan(groups)
    assert "others" in plan.shown and plan.hidden == ["parents"]


def test_self_and_superior_may_be_one_but_are_never_merged():
    plan = _plan(self=1, superior=1, teachers=4)
    assert plan.shown == ["self", "superior", "teachers"]
    strict = release_plan([GroupCount("superior", 1, 2), GroupCount("teachers", 4, 3)])
    assert strict.hidden == ["superior"] and strict.merged == []


def test_a_threshold_below_three_is_treated_as_three():
    plan = release_plan([GroupCount("teachers", 2, 1)])
    assert plan.hidden == ["teachers"]


def test_filter_must_leave_a_complement_of_zero_or_at_least_the_threshold():
    assert filter_allowed(5, 5)
    assert filter_allowed(3, 6)
    assert not filter_allowed(4, 5)  # the one left out would be the group minus the filter
    assert not filter_allowed(2, 8)
    assert not filter_allowed(5, 7)


def test_paired_change_needs_three_in_both_and_no_small_remainder():
    assert paired_allowed(10, 12, 8) is False  # only-pre = 2
    assert paired_allowed(10, 10, 10)
    assert paired_allowed(12, 11, 8)
    assert not paired_allowed(3, 3, 2)
    assert not paired_allowed(9, 12, 8)  # only-pre = 1


def _published(plan, raters):
    """Every rater set a report publishes under `plan`: the cells and the total."""
    sets = {key: raters[key] for key in plan.shown}
    if plan.merged:
        sets["merged"] = set().union(*(raters[k] for k in plan.merged))
    non_self = [s for key, s in sets.items() if key != "self"]
    total = set().union(*non_self) if non_self else set()
    if cell_allowed(len(total)):
        sets["total"] = total
    return sets


@pytest.mark.parametrize("seed", range(40))
def test_no_two_published_numbers_differ_by_fewer_than_three_people(seed):
    rng = random.Random(seed)
    kinds = ["self", "superior", "leadership", "teachers", "support", "parents", "others"]
    for _trial in range(50):
        groups, raters, next_id = [], {}, itertools.count()
        for kind in rng.sample(kinds, rng.randint(1, len(kinds))):
            small = kind in ("self", "superior")
            n = rng.randint(0, 1) if small else rng.choice([0, 1, 2, 2, 3, 4, 5, 8])
            threshold = 1 if small else rng.choice([3, 3, 3, 4, 5])
            groups.append(GroupCount(kind, n, threshold))
            raters[kind] = {next(next_id) for _ in range(n)}
        plan = release_plan(groups)
        by_kind = {g.key: g for g in groups}
        sets = _published(plan, raters)
        small_cells = [sets[k] for k in ("self", "superior") if k in sets]
        hidden_people = set().union(*(raters[k] for k in plan.hidden)) if plan.hidden else set()

        for kind in plan.shown:
            assert len(raters[kind]) >= max(by_kind[kind].threshold, 1)
        if plan.merged:
            assert len(sets["merged"]) >= max(max(by_kind[k].threshold for k in plan.merged), 3)
        for people in sets.values():
            assert not people & hidden_people, "a hidden group leaks into a published number"
        for (name_a, a), (name_b, b) in itertools.permutations(sets.items(), 2):
            rest = a - b
            if not rest or len(rest) >= 3:
                continue
            # Only the subject's own answers and the superior may stand alone by design.
            assert any(rest == cell for cell in small_cells), (
                f"{name_a} minus {name_b} leaves {len(rest)} people: {groups}"
            )


@pytest.mark.parametrize("seed", range(10))
def test_allowed_filters_never_isolate_fewer_than_three(seed):
    rng = random.Random(seed)
    for _ in range(500):
        group = rng.randint(0, 30)
        selected = rng.randint(0, group)
        threshold = rng.choice([1, 3, 4, 5])
        if filter_allowed(selected, group, threshold):
            assert selected >= max(3, threshold)
            assert group - selected == 0 or group - selected >= max(3, threshold)


@pytest.mark.parametrize("seed", range(10))
def test_allowed_pairs_leave_no_small_remainder_in_either_round(seed):
    rng = random.Random(seed)
    for _ in range(500):
        both = rng.randint(0, 15)
        pre, post = both + rng.randint(0, 6), both + rng.randint(0, 6)
        if paired_allowed(pre, post, both):
            for part in (both, pre - both, post - both):
                assert part == 0 or part >= 3


def test_a_pre_post_pair_may_not_differ_by_one_or_two_people_alone():
    from surveys.anonymity import round_pair_allowed, sets_pair_allowed

    assert round_pair_allowed(0, 0)  # the same people
    assert not round_pair_allowed(1, 0)  # one left: pre minus post is that person
    assert not round_pair_allowed(0, 2)  # two joined an unchanged group
    assert not round_pair_allowed(1, 1)  # one swapped for another
    assert round_pair_allowed(1, 3)  # three unknown newcomers cover the one who left
    assert round_pair_allowed(3, 0)
    assert sets_pair_allowed({"a", "b", "c"}, {"x", "y", "z"})  # nobody in both
    assert not sets_pair_allowed({"a", "b", "c", "d"}, {"a", "b", "c"})
