import time

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from .sessions import ACTIVITY_KEY, session_forget, session_record


@receiver(user_logged_in, dispatch_uid="privacy_session_record")
def _record(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    # Noted at login, so the first pages after it write nothing for the idle timeout.
    request.session[ACTIVITY_KEY] = time.time()
    if request.session.session_key is None:
        request.session.save()
    session_record(
        user=user,
        session_key=request.session.session_key,
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


@receiver(user_logged_out, dispatch_uid="privacy_session_forget")
def _forget(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_forget(session_key=request.session.session_key)
