"""Statistics for survey reports, without scipy: summaries, Student-t confidence intervals,
effect sizes and the plain words a report uses for a change."""

import functools
import math
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None
    sd: float | None  # sample standard deviation; None below two values


def summarise(values) -> Summary:
    values = [float(v) for v in values]
    n = len(values)
    if n == 0:
        return Summary(0, None, None)
    mean = sum(values) / n
    if n < 2:
        return Summary(n, mean, None)
    variance = sum([(v - mean) ** 2 for v in values]) / (n - 1)
    return Summary(n, mean, math.sqrt(variance))


def summarise_counts(counts: dict) -> Summary:
    """The summary of a distribution given as {value: how many}. Plain loops: a report
    summarises some five hundred of these, and they add up in the same order as `sum`."""
    n = total = 0
    for value, count in counts.items():
        n += count
        total += value * count
    if n == 0:
        return Summary(0, None, None)
    mean = total / n
    if n < 2:
        return Summary(n, mean, None)
    squares = 0
    for value, count in counts.items():
        squares += count * (value - mean) ** 2
    return Summary(n, mean, math.sqrt(squares / (n - 1)))


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    # Lentz's method for the continued fraction of the incomplete beta function.
    tiny, eps = 1e-300, 1e-14
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        result *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        delta = d * c
        result *= delta
        if abs(delta - 1) < eps:
            break
    return result


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x)
    )
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _beta_continued_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t >= 0 else tail


def t_pdf(t: float, df: float) -> float:
    log_front = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_front - (df + 1) / 2 * math.log1p(t * t / df))


def _t_start(p: float, df: float) -> float:
    """The Cornish-Fisher expansion of Student's t quantile around the normal one: within a
    few thousandths from 3 degrees of freedom on, which leaves Newton's method little to do."""
    z = _NORMAL.inv_cdf(p)
    z2 = z * z
    terms = (
        (z2 + 1) * z / 4,
        ((5 * z2 + 16) * z2 + 3) * z / 96,
        (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384,
        ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160,
    )
    return z + sum(term / df**power for power, term in enumerate(terms, 1))


@functools.lru_cache(maxsize=512)
def t_quantile(p: float, df: float) -> float:
    """The p-quantile of Student's t distribution: Newton's method on the CDF from the
    Cornish-Fisher estimate, kept inside a bracket that shrinks like a bisection, so it never
    leaves the bracket and converges in a few CDF evaluations (each a continued fraction).
    Remembered per (p, degrees of freedom): a report asks for the same ones again."""
    if not 0 < p < 1:
        raise ValueError("p must be between 0 and 1")
    if p < 0.5:
        return -t_quantile(1 - p, df)
    if p == 0.5:
        return 0.0
    low, high = 0.0, math.inf
    t = max(_t_start(p, df), 1e-3)
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error == 0:
            return t
        if error < 0:
            low = t
        else:
            high = t
        slope = t_pdf(t, df)
        candidate = t - error / slope if slope > 0 else math.nan
        if not low < candidate < high:
            candidate = (low + high) / 2 if high < math.inf else 2 * t
        if abs(candidate - t) <= 1e-13 * max(1.0, t) or high - low <= 1e-13 * max(1.0, t):
            return candidate
        t = candidate
    return t


@dataclass(frozen=True)
class Change:
    n: int  # raters behind the estimate (paired: in both rounds; else the smaller round)
    diff: float
    low: float | None
    high: float | None
    effect: float | None  # Cohen's d (independent) or d_z (paired)
    paired: bool


def independent_change(pre: Summary, post: Summary, level: float = 0.95) -> Change | None:
    """Change of the mean between two groups: Welch's interval and Cohen's d (pooled SD)."""
    if pre.n == 0 or post.n == 0:
        return None
    diff = post.mean - pre.mean
    if pre.n < 2 or post.n < 2:
        return Change(min(pre.n, post.n), diff, None, None, None, False)
    va, vb = pre.sd**2 / pre.n, post.sd**2 / post.n
    se = math.sqrt(va + vb)
    pooled = math.sqrt(((pre.n - 1) * pre.sd**2 + (post.n - 1) * post.sd**2) / (pre.n + post.n - 2))
    unbounded = math.copysign(math.inf, diff) if diff else 0.0
    effect = diff / pooled if pooled > 0 else unbounded
    if se == 0:
        return Change(min(pre.n, post.n), diff, diff, diff, effect, False)
    df = (va + vb) ** 2 / (va**2 / (pre.n - 1) + vb**2 / (post.n - 1))
    margin = t_quantile(0.5 + level / 2, df) * se
    return Change(min(pre.n, post.n), diff, diff - margin, diff + margin, effect, False)


def paired_change(differences, level: float = 0.95) -> Change | None:
    """Mean of within-rater differences (post minus pre), its t interval and d_z."""
    summary = summarise(differences)
    if summary.n == 0:
        return None
    if summary.n < 2:
        return Change(1, summary.mean, None, None, None, True)
    if summary.sd == 0:
        # Everyone changed by exactly the same amount: no spread, an unbounded effect.
        effect = math.copysign(math.inf, summary.mean) if summary.mean else 0.0
        return Change(summary.n, summary.mean, summary.mean, summary.mean, effect, True)
    effect = summary.mean / summary.sd
    margin = t_quantile(0.5 + level / 2, summary.n - 1) * summary.sd / math.sqrt(summary.n)
    return Change(
        summary.n, summary.mean, summary.mean - margin, summary.mean + margin, effect, True
    )


# Words a report may use for a change, from strongest to none. A small group never gets more
# than "no clear difference" or "too few answers", whatever its numbers say.
TOO_FEW = "too_few"
CLEAR_GROWTH = "clear_growth"
SLIGHT_GROWTH = "slight_growth"
NO_CLEAR_DIFFERENCE = "no_clear_difference"
SLIGHT_DECLINE = "slight_decline"
CLEAR_DECLINE = "clear_decline"
MIN_N_FOR_WORDS = 5
CLEAR_EFFECT = 0.5


def verdict(change: Change | None) -> str:
    if change is None or change.n < MIN_N_FOR_WORDS or change.low is None:
        return TOO_FEW
    effect = abs(change.effect or 0)
    if change.low > 0:
        return CLEAR_GROWTH if effect >= CLEAR_EFFECT else SLIGHT_GROWTH
    if change.high < 0:
        return CLEAR_DECLINE if effect >= CLEAR_EFFECT else SLIGHT_DECLINE
    return NO_CLEAR_DIFFERENCE
