"""The statistics against values computed by hand (and checked in statistical tables)."""

import math

import pytest

from surveys import stats


def test_summary_of_a_known_series():
    summary = stats.summarise([2, 4, 4, 4, 5, 5, 7, 9])
    assert summary.n == 8
    assert summary.mean == 5
    assert summary.sd == pytest.approx(math.sqrt(32 / 7))


def test_summary_from_counts_equals_summary_of_values():
    assert stats.summarise_counts({2: 1, 4: 3, 5: 2, 7: 1, 9: 1}) == stats.summarise(
        [2, 4, 4, 4, 5, 5, 7, 9]
    )


def test_summary_of_one_value_has_no_spread():
    assert stats.summarise([3]) == stats.Summary(1, 3.0, None)
    assert stats.summarise([]) == stats.Summary(0, None, None)


@pytest.mark.parametrize(
    "df,expected",
    [(1, 12.706), (2, 4.303), (4, 2.776), (5, 2.571), (8, 2.306), (10, 2.228), (29, 2.045)],
)
def test_t_quantiles_match_the_table(df, expected):
    assert stats.t_quantile(0.975, df) == pytest.approx(expected, abs=0.001)


def test_t_quantile_approaches_the_normal_for_large_samples():
    assert stats.t_quantile(0.975, 10_000) == pytest.approx(1.960, abs=0.001)
    assert stats.t_quantile(0.025, 10) == pytest.approx(-2.228, abs=0.001)


def test_paired_change_of_one_to_five():
    # differences 1..5: mean 3, sd 1.5811, se 0.7071, t(4) = 2.7764 -> 3 ± 1.9632
    change = stats.paired_change([1, 2, 3, 4, 5])
    assert change.diff == 3
    assert change.low == pytest.approx(1.0368, abs=1e-3)
    assert change.high == pytest.approx(4.9632, abs=1e-3)
    assert change.effect == pytest.approx(3 / 1.5811, abs=1e-3)
    assert change.paired and change.n == 5


def test_welch_interval_and_cohens_d_of_two_groups():
    # means 3 and 5, variances 2.5 each, n 5 each: se 1, df 8, t 2.306 -> 2 ± 2.306
    pre, post = stats.summarise([1, 2, 3, 4, 5]), stats.summarise([3, 4, 5, 6, 7])
    change = stats.independent_change(pre, post)
    assert change.diff == 2
    assert change.low == pytest.approx(-0.306, abs=1e-3)
    assert change.high == pytest.approx(4.306, abs=1e-3)
    assert change.effect == pytest.approx(2 / math.sqrt(2.5), abs=1e-3)


def test_welch_with_unequal_variances():
    # a = 1,2,2,3: mean 2, var 2/3; b = 2,2,4,8: mean 4, var 8; n 4 each.
    # se = sqrt(1/6 + 2) = 1.4720; Welch df = 2.1667² / ((1/6)²/3 + 2²/3) = 3.4965;
    # t(0.975; 3.4965) ≈ 2.941 (between 3.182 at df 3 and 2.776 at df 4): margin ≈ 4.33.
    change = stats.independent_change(stats.summarise([1, 2, 2, 3]), stats.summarise([2, 2, 4, 8]))
    assert change.diff == 2
    assert change.high - change.diff == pytest.approx(4.33, abs=0.01)
    assert change.low == pytest.approx(2 - 4.33, abs=0.01)
    # pooled sd = sqrt((3 * 2/3 + 3 * 8) / 6) = sqrt(26/6)
    assert change.effect == pytest.approx(2 / math.sqrt(26 / 6))


def test_words_do_not_overclaim_on_small_groups():
    big_jump = stats.paired_change([2, 2, 2, 3])  # n 4: a large, clear jump, but four people
    assert stats.verdict(big_jump) == stats.TOO_FEW


def test_words_for_growth_decline_and_no_difference():
    assert stats.verdict(stats.paired_change([1, 1, 2, 1, 1, 2, 1])) == stats.CLEAR_GROWTH
    assert stats.verdict(stats.paired_change([-1, -1, -2, -1, -1, -2])) == stats.CLEAR_DECLINE
    assert stats.verdict(stats.paired_change([1, -1, 0, 1, -1, 0])) == stats.NO_CLEAR_DIFFERENCE
    slight = stats.Change(n=200, diff=0.2, low=0.05, high=0.35, effect=0.25, paired=True)
    assert stats.verdict(slight) == stats.SLIGHT_GROWTH
    slight_down = stats.Change(n=200, diff=-0.2, low=-0.35, high=-0.05, effect=-0.25, paired=True)
    assert stats.verdict(slight_down) == stats.SLIGHT_DECLINE


def test_identical_changes_have_no_spread_and_count_as_clear():
    change = stats.paired_change([1, 1, 1, 1, 1])
    assert (change.low, change.high) == (1, 1)
    assert change.effect == math.inf
    assert stats.verdict(change) == stats.CLEAR_GROWTH
    assert stats.paired_change([0, 0, 0, 0, 0]).effect == 0


@pytest.mark.parametrize("df", [1, 2, 2.7, 5, 13.4, 29, 250, 10_000])
@pytest.mark.parametrize("p", [0.6, 0.9, 0.975, 0.995])
def test_t_quantile_inverts_the_cdf(p, df):
    t = stats.t_quantile(p, df)
    assert stats.t_cdf(t, df) == pytest.approx(p, abs=1e-10)
    assert stats.t_quantile(1 - p, df) == pytest.approx(-t)
