"""Moving one row of an ordered list up or down: the one helper behind every "move up" /
"move down" button (a survey instrument's items and dimensions, a programme's application
questions)."""

from django.db import transaction

UP, DOWN = "up", "down"


@transaction.atomic
def move(rows: list, row, direction: str, *, field: str = "position", start: int = 1) -> bool:
    """Swap `row` with its neighbour in `rows` (the siblings in their current order) and
    number the list from `start`, writing only rows whose position changed. Returns False
    when the row is already first (up) or last (down), or not in the list."""
    keys = [item.pk for item in rows]
    if direction not in (UP, DOWN) or row.pk not in keys:
        return False
    index = keys.index(row.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(rows):
        return False
    rows = list(rows)
    rows[index], rows[other] = rows[other], rows[index]
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
