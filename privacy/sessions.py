"""Sessions: the idle timeout, the list of one's signed-in browsers and "sign out everywhere".

Every login records its session key in a UserSession row (signals.py); the middleware notes
activity at most once a minute. Ending a session goes through the configured SessionStore,
so it works the same with the database, cache or Redis session backends.
"""

import datetime as dt
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from ua_parser import parse

from accounts.models import AuditEvent
from accounts.services import audit_log

from .models import UserSession

DEFAULT_IDLE_TIMEOUT = 30 * 60
ACTIVITY_KEY = "_leerkring_last_activity"
ACTIVITY_EVERY = 60  # seconds between two writes of "last seen"


def idle_timeout() -> int:
    """Seconds of inactivity after which a session ends (SESSION_IDLE_TIMEOUT; 0 = never)."""
    return int(getattr(settings, "SESSION_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT))


def _store(session_key: str | None = None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def session_record(*, user, session_key: str, user_agent: str) -> UserSession:
    now = timezone.now()
    session, _created = UserSession.objects.update_or_create(
        session_key=session_key,
        defaults={"user": user, "user_agent": user_agent[:300], "last_seen": now},
    )
    session_prune(user=user)
    return session


def session_prune(*, user) -> int:
    """Forget the user's sessions that can no longer be alive (idle or expired)."""
    horizon = settings.SESSION_COOKIE_AGE
    if idle_timeout():
        horizon = min(horizon, idle_timeout())
    cutoff = timezone.now() - dt.timedelta(seconds=horizon)
    deleted, _ = UserSession.objects.filter(user=user, last_seen__lt=cutoff).delete()
    return deleted


def session_forget(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


@dataclass
class SessionRow:
    session: UserSession
    browser: str
    system: str
    device: str
    is_current: bool


def _describe(user_agent: str) -> tuple[str, str, str]:
    if not user_agent:
        return _("unknown browser"), _("unknown system"), ""
    result = parse(user_agent)
    browser = result.user_agent.family if result.user_agent else _("unknown browser")
    system = result.os.family if result.os else _("unknown system")
    device = result.device.family if result.device and result.device.family != "Other" else ""
    return browser, system, device


def sessions_for(*, user, current_key: str | None) -> list[SessionRow]:
    """The user's sessions that can still be alive, the current one first."""
    horizon = settings.SESSION_COOKIE_AGE
    if idle_timeout():
        horizon = min(horizon, idle_timeout())
    cutoff = timezone.now() - dt.timedelta(seconds=horizon)
    rows = []
    for session in UserSession.objects.filter(user=user, last_seen__gte=cutoff):
        browser, system, device = _describe(session.user_agent)
        rows.append(
            SessionRow(session, browser, system, device, session.session_key == current_key)
        )
    rows.sort(key=lambda row: not row.is_current)
    return rows


@transaction.atomic
def sessions_end_others(*, user, current_key: str | None) -> int:
    """End every session of the user but the current one, in any session backend; audited.
    Returns how many were ended."""
    others = list(
        UserSession.objects.select_for_update().filter(user=user).exclude(session_key=current_key)
    )
    for session in others:
        _store(session.session_key).delete(session.session_key)
    UserSession.objects.filter(pk__in=[session.pk for session in others]).delete()
    audit_log(
        actor=user,
        action=AuditEvent.Action.DELETE,
        object_type="privacy.session",
        summary=f"signed out everywhere else: {len(others)} sessions",
    )
    return len(others)


def sessions_end_all(*, user) -> int:
    """End every session of the user (an erasure, a blocked account)."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        _store(session.session_key).delete(session.session_key)
    UserSession.objects.filter(pk__in=[session.pk for session in sessions]).delete()
    return len(sessions)
