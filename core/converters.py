"""Path converters for the site's URLs."""

# The largest value of the id columns (BigAutoField, a signed 64-bit integer).
MAX_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: a row's id. Like `<int:…>`, but a number larger than any id matches no URL,
    so it is a 404 instead of a query that overflows the database's integer (a 500)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("larger than any id")
        return number

    def to_url(self, value) -> str:
        return str(value)


def id_param(request, name: str) -> int | None:
    """The id in the query parameter `name` (`?dim=12`), or None when it is missing or is no
    id: the same rule as `<id:…>` in a path."""
    value = request.GET.get(name, "")
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if number <= MAX_ID else None
