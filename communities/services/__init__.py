"""Writes for PLG's. Each function validates, runs in a transaction, writes an audit event and
raises LeerkringError with a message fit for the user."""

from .library import *  # noqa: F403
from .meetings import *  # noqa: F403
from .plgs import *  # noqa: F403
