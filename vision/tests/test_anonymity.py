"""Groups below the threshold are counted together, and never so that one small group's
count can be worked out from the others or from the total."""

from vision.anonymity import group_counts


def _names(result):
    return (
        [g for g, _n in result.shown],
        result.merged,
        result.merged_n,
        sorted(result.empty),
    )


def test_groups_at_or_above_the_threshold_are_shown_alone():
    result = group_counts([("staff", 12), ("parents", 5), ("pupils", 0)], 5)
    assert _names(result) == (["staff", "parents"], [], 0, ["pupils"])
    assert result.total == 17


def test_two_small_groups_are_merged_when_together_they_reach_the_threshold():
    result = group_counts([("staff", 12), ("parents", 3), ("partners", 2)], 5)
    assert _names(result) == (["staff"], ["parents", "partners"], 5, [])


def test_a_single_small_group_takes_in_the_smallest_shown_group():
    # Shown alone as "other groups", 17 - 12 - 8 would give the partners' count away.
    result = group_counts([("staff", 12), ("parents", 8), ("partners", 1)], 5)
    assert _names(result) == (["staff"], ["parents", "partners"], 9, [])
    assert result.total - sum(n for _g, n in result.shown) == result.merged_n != 1


def test_small_groups_below_the_threshold_together_take_in_a_shown_group():
    result = group_counts([("staff", 12), ("parents", 1), ("partners", 1)], 5)
    assert _names(result) == ([], ["staff", "parents", "partners"], 14, [])


def test_when_one_group_made_every_contribution_the_empty_groups_are_not_named_apart():
    result = group_counts([("staff", 2), ("parents", 0), ("pupils", 0)], 5)
    assert _names(result) == ([], ["staff", "parents", "pupils"], 2, [])
