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
