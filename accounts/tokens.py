"""The one-time token of an invitation link, made with Django's password reset machinery."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """A password reset token that is also bound to the time of the latest invitation (a
    resend retires the earlier link) and stays valid for settings.INVITATION_TIMEOUT.
    Setting a password changes the hashed password and so retires the link too."""

    key_salt = "accounts.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        invited_at = "" if user.invited_at is None else user.invited_at.timestamp()
        return f"{super()._make_hash_value(user, timestamp)}{invited_at}"

    def check_token(self, user, token):
        # The parent's check with the invitation's own timeout instead of
        # PASSWORD_RESET_TIMEOUT.
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > settings.INVITATION_TIMEOUT:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()
