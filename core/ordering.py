"""Moving one row of an ordered list: the one helper behind every "move up" / "move down"
button and every drag of a row to another place (a survey instrument's items and dimensions,
a programme's application questions). A button posts `direction=up|down`, a drag posts the
place it was dropped on (`direction=3`), to the same endpoint."""

from django.db import transaction

UP, DOWN = "up", "down"
MAX_PLACE = 10_000


def parse(value) -> str | int | None:
    """A posted direction: "up", "down", or a place in the list counted from 1; None for
    anything else."""
    value = str(value or "").strip()
    if value in (UP, DOWN):
        return value
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_PLACE:
        return int(value)
    return None


@transaction.atomic
def move(rows: list, row, direction, *, field: str = "position", start: int = 1) -> bool:
    """Move `row` within `rows` (the siblings in their current order) one step up or down,
    or to the place `direction` (an int counted from 1; past the end is the last place), and
    number the list from `start`, writing only rows whose position changed. Returns False
    when nothing moved: the row is already first (up), last (down) or at that place, or not
    in the list."""
    keys = [item.pk for item in rows]
    if row.pk not in keys:
        return False
    index = keys.index(row.pk)
    if direction == UP:
        target = index - 1
    elif direction == DOWN:
        target = index + 1
    elif isinstance(direction, int) and not isinstance(direction, bool) and direction >= 1:
        target = min(direction, len(rows)) - 1
    else:
        return False
    if not 0 <= target < len(rows) or target == index:
        return False
    rows = list(rows)
    rows.insert(target, rows.pop(index))
    renumber(rows, field=field, start=start)
    return True


def renumber(rows: list, *, field: str = "position", start: int = 1) -> None:
    """Give `rows` the positions start, start+1, … in their list order; one UPDATE for those
    that changed."""
    changed = []
    for number, item in enumerate(rows, start=start):
        if getattr(item, field) != number:
            setattr(item, field, number)
            changed.append(item)
    if changed:
        type(changed[0]).objects.bulk_update(changed, [field])
