"""The anonymity rules of every survey report, as plain functions.

The idea: a report only ever publishes *cells* — sets of raters — that are each at least as
large as their threshold, and every number it shows (a group, the merged "others", the total,
a filtered subset, a paired change) is a union of such cells. Then the difference of any two
published numbers is again a union of cells, so no combination of reports, filters or rounds
narrows down to one person. A group below its threshold is pooled with the other small groups
(and the "others" group) into one "others" cell; if even that pool is too small, those answers
appear nowhere, not even in the total, because total minus the shown groups would reveal them.

Self and the subject's own superior are the only cells that may be a single person: their
answers are not anonymous by nature (the subject knows who their superior is).
"""

from dataclasses import dataclass, field

MIN_THRESHOLD = 3
SMALL_KINDS = ("self", "superior")
OTHERS = "others"


@dataclass(frozen=True)
class GroupCount:
    key: str  # the rater group's kind, e.g. "teachers"
    n: int  # submitted responses
    threshold: int

    @property
    def is_small_kind(self) -> bool:
        return self.key in SMALL_KINDS


@dataclass
class Release:
    """Which groups a report shows alone, pools into "others", or leaves out entirely."""

    shown: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)

    @property
    def released(self) -> list[str]:
        """Every group whose answers appear in some published number."""
        return [*self.shown, *self.merged]

    def cell_of(self, key: str) -> str | None:
        """The published cell a group's answers count in: itself, "merged" or None."""
        if key in self.shown:
            return key
        if key in self.merged:
            return "merged"
        return None


def effective_threshold(group: GroupCount) -> int:
    """A group's threshold, never below 3 except for self and the superior (at least 1)."""
    floor = 1 if group.is_small_kind else MIN_THRESHOLD
    return max(group.threshold, floor)


def release_plan(groups: list[GroupCount]) -> Release:
    """Decide, from the number of answers per group, what a report may show."""
    release = Release()
    pool = []
    for group in groups:
        if group.n <= 0:
            continue
        if group.n >= effective_threshold(group) and group.key != OTHERS:
            release.shown.append(group.key)
        elif group.is_small_kind:
            # The subject's own view is never mixed into what others think.
            release.hidden.append(group.key)
        else:
            pool.append(group)
    if not pool:
        return release
    pool_n = sum(g.n for g in pool)
    pool_threshold = max(effective_threshold(g) for g in pool)
    if len(pool) == 1 and pool[0].key == OTHERS and pool_n >= pool_threshold:
        release.shown.append(OTHERS)
    elif pool_n >= pool_threshold:
        release.merged.extend(g.key for g in pool)
    else:
        others = next((g for g in pool if g.key == OTHERS), None)
        if others is not None and others.n >= effective_threshold(others):
            release.shown.append(OTHERS)
        release.hidden.extend(g.key for g in pool if g.key not in release.shown)
    return release


def cell_allowed(n: int, threshold: int = MIN_THRESHOLD) -> bool:
    """May a number based on n raters be shown (e.g. one item within a published cell)?"""
    return n >= max(threshold, 1)


def filter_allowed(n_selected: int, n_group: int, threshold: int = MIN_THRESHOLD) -> bool:
    """May a filtered subset of a published group be shown? Both the subset and what the
    filter leaves out must be empty or at least the threshold: otherwise the group's result
    minus the filtered result would describe fewer than `threshold` people."""
    threshold = max(threshold, MIN_THRESHOLD)
    rest = n_group - n_selected
    return n_selected >= threshold and (rest == 0 or rest >= threshold)


def paired_allowed(n_pre: int, n_post: int, n_both: int, threshold: int = MIN_THRESHOLD) -> bool:
    """May the paired change (raters who answered both rounds) be shown next to both rounds'
    results? The raters in both, and those only in the pre or only in the post round, must
    each be empty or at least the threshold; otherwise pre minus paired-pre would be a group
    of one or two."""
    threshold = max(threshold, MIN_THRESHOLD)
    return (
        n_both >= threshold
        and filter_allowed(n_both, n_pre, threshold)
        and filter_allowed(n_both, n_post, threshold)
    )


def round_pair_allowed(only_before: int, only_after: int, threshold: int = MIN_THRESHOLD) -> bool:
    """May two results about overlapping groups of raters (the same group in the pre and the
    post round) both be shown? Subtracting them isolates the raters in only one of them, unless
    the other side brings at least `threshold` unknown people of its own. So one or two who
    joined (or left) an otherwise unchanged group make the pair unsafe; one who left while
    three joined does not."""
    threshold = max(threshold, MIN_THRESHOLD)
    small_before = 0 < only_before < threshold
    small_after = 0 < only_after < threshold
    return not (small_before and only_after < threshold) and not (
        small_after and only_before < threshold
    )


def sets_pair_allowed(before, after, threshold: int = MIN_THRESHOLD) -> bool:
    """`round_pair_allowed` for two sets of pseudonymous keys; disjoint sets are always fine."""
    before = before if isinstance(before, (set, frozenset)) else set(before)
    after = after if isinstance(after, (set, frozenset)) else set(after)
    if not before & after:
        return True
    return round_pair_allowed(len(before - after), len(after - before), threshold)
