"""Which items a pre/post comparison across two versions of one instrument may pair: only
those with the same code and the same text (in both languages) in both versions, answered on
the same range and direction, in a dimension of the same code (a dimension's change is the
change of its paired items, so an item that moved to another dimension cannot count in both).
A changed wording asks a different question, so its answers are not compared; the report
lists it."""

from dataclasses import dataclass, field


@dataclass
class Pairing:
    pairs: list[tuple] = field(default_factory=list)  # (pre item, post item)
    changed: list[tuple] = field(default_factory=list)  # same code, other text
    moved: list[tuple] = field(default_factory=list)  # same item, in another dimension
    only_pre: list = field(default_factory=list)  # removed in the post version
    only_post: list = field(default_factory=list)  # new in the post version

    @property
    def left_out(self) -> list:
        """Every item left out of the comparison, as the pre version (or the post version
        for a new item) words it."""
        return (
            [pre for pre, _post in self.changed]
            + [pre for pre, _post in self.moved]
            + self.only_pre
            + self.only_post
        )

    @property
    def paired_dimensions(self) -> dict:
        """post dimension id -> the id of the pre dimension with its code, for the
        dimensions that hold a pair."""
        return {post.dimension_id: pre.dimension_id for pre, post in self.pairs}


def _same(a, b) -> bool:
    """Same text in both languages, same scale range, same direction (reads each scale)."""
    return (a.text_nl.strip(), a.text_en.strip(), a.reverse) == (
        b.text_nl.strip(),
        b.text_en.strip(),
        b.reverse,
    ) and (a.scale.minimum, a.scale.maximum) == (b.scale.minimum, b.scale.maximum)


def pair_items(pre_items, post_items) -> Pairing:
    """Pair the items of two versions by code where the text is unchanged, in the order of
    the post version (reads each item's scale and dimension)."""
    pre_by_code = {item.code: item for item in pre_items}
    post_codes = {item.code for item in post_items}
    result = Pairing()
    for item in post_items:
        before = pre_by_code.get(item.code)
        if before is None:
            result.only_post.append(item)
        elif not _same(before, item):
            result.changed.append((before, item))
        elif before.dimension.code != item.dimension.code:
            result.moved.append((before, item))
        else:
            result.pairs.append((before, item))
    result.only_pre = [item for item in pre_items if item.code not in post_codes]
    return result
