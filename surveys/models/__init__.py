"""The survey engine's models: instruments (versioned questionnaires) and surveys (sent in
rounds, answered anonymously)."""

from .instruments import Dimension, Instrument, InstrumentVersion, Item, OpenQuestion, Scale, pick
from .surveys import (
    Answer,
    Comment,
    Invitation,
    OpenLink,
    RaterGroup,
    Response,
    Round,
    RoundSummary,
    Survey,
)

__all__ = [
    "Answer",
    "Comment",
    "Dimension",
    "Instrument",
    "InstrumentVersion",
    "Invitation",
    "Item",
    "OpenLink",
    "OpenQuestion",
    "RaterGroup",
    "Response",
    "Round",
    "RoundSummary",
    "Scale",
    "Survey",
    "pick",
]
