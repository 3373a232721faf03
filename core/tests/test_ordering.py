from core import ordering


def test_a_posted_direction_is_up_down_or_a_place():
    assert ordering.parse("up") == "up"
    assert ordering.parse(" down ") == "down"
    assert ordering.parse("3") == 3
    for bad in ("", None, "0", "-2", "2.5", "links", "10001", "１"):
        assert ordering.parse(bad) is None, bad


class _Row:
    def __init__(self, pk):
        self.pk = pk
        self.position = pk


def test_a_row_moves_to_a_place_and_nothing_moves_for_its_own_place(db, monkeypatch):
    written = []
    monkeypatch.setattr(ordering, "renumber", lambda rows, **kw: written.append(rows))
    rows = [_Row(1), _Row(2), _Row(3)]
    assert ordering.move(rows, rows[2], 1)
    assert [r.pk for r in written[-1]] == [3, 1, 2]
    assert ordering.move(rows, rows[0], ordering.DOWN)
    assert [r.pk for r in written[-1]] == [2, 1, 3]
    assert not ordering.move(rows, rows[1], 2)
    assert not ordering.move(rows, rows[0], ordering.UP)
    assert not ordering.move(rows, rows[0], True)
    assert not ordering.move(rows, _Row(9), 1)
