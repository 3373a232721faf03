import time

from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UserSession
from .sessions import ACTIVITY_EVERY, ACTIVITY_KEY, idle_timeout


class SessionActivityMiddleware:
    """Ends a session that was idle longer than SESSION_IDLE_TIMEOUT, and notes when a
    session was last active (at most once a minute, so a page costs no extra write)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            self._note_activity(request)
        return self.get_response(request)

    def _note_activity(self, request):
        now = time.time()
        last = request.session.get(ACTIVITY_KEY)
        timeout = idle_timeout()
        if last is not None and timeout and now - last > timeout:
            logout(request)
            messages.info(
                request, _("You were inactive for a while and have been signed out. Sign in again.")
            )
            return
        if last is None or now - last >= ACTIVITY_EVERY:
            request.session[ACTIVITY_KEY] = now
            UserSession.objects.filter(session_key=request.session.session_key).update(
                last_seen=timezone.now()
            )
