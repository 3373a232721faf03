"""Which stakeholder groups a page may show with their own count of contributions.

A group below the process's threshold is counted with the other small groups as "other
groups". The surveys' release plan hides a pool that stays too small; that cannot work here,
because the leaders' clustering page lists every contribution, so the total is known. Instead
the pool takes in the smallest shown groups until it holds at least two groups and at least
the threshold: then no shown count, and no total minus the shown counts, is the count of one
small group. Every page that shows counts per group uses this one function, so comparing two
pages tells nothing more than either page.
"""

from dataclasses import dataclass, field


@dataclass
class GroupCounts:
    shown: list = field(default_factory=list)  # (group, n), each n >= threshold
    merged: list = field(default_factory=list)  # groups counted together as "other groups"
    merged_n: int = 0
    empty: list = field(default_factory=list)  # groups without contributions yet
    total: int = 0


def group_counts(counts, threshold: int) -> GroupCounts:
    """`counts` is a list of (group, n) in display order."""
    result = GroupCounts(total=sum(n for _group, n in counts))
    result.empty = [group for group, n in counts if n == 0]
    shown = [(group, n) for group, n in counts if n >= threshold]
    pool = [(group, n) for group, n in counts if 0 < n < threshold]

    def pool_is_safe():
        return not pool or (len(pool) >= 2 and sum(n for _g, n in pool) >= threshold)

    while not pool_is_safe() and shown:
        smallest = min(shown, key=lambda pair: pair[1])
        shown.remove(smallest)
        pool.append(smallest)
    if not pool_is_safe():
        # One group made every contribution so far: the groups without any are not named
        # apart, or the total would be that group's count.
        pool.extend((group, 0) for group in result.empty)
        result.empty = []
    result.shown = shown
    pooled = {id(group) for group, _n in pool}
    result.merged = [group for group, _n in counts if id(group) in pooled]
    result.merged_n = sum(n for _g, n in pool)
    return result
