"""The person's signed-in browsers (never a session key). Erasure ends every session."""

from .models import UserSession
from .registry import Part, record
from .sessions import sessions_end_all


def export(user) -> list[Part]:
    sessions = UserSession.objects.filter(user=user).select_related("user")
    return [Part("sessions", [record(s, exclude=("user",)) for s in sessions])]


def erase(user) -> None:
    sessions_end_all(user=user)
