class LeerkringError(Exception):
    """A domain rule was broken. The message is translated and fit to show to the user."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
