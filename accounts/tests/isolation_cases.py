from accounts.models import ApiToken


def build(w):
    """A personal API token of the world's school leader, for the revoke URL."""
    w.api_token = ApiToken.objects.create(
        user=w.leader.user, name="Rapport", prefix="abcdefgh", key_hash="0" * 64
    )


URLS = {
    # GET is 405 for everyone; a POST by anyone but the token's owner is a 404.
    "accounts:token_revoke": lambda w: {"pk": w.api_token.pk},
}

OPEN = {
    "accounts:login": "the login form",
    "accounts:logout": "ends the visitor's own session",
    "accounts:password_reset": "asks a reset link for an address; answers alike for any",
    "accounts:password_reset_done": "a fixed text",
    "accounts:password_reset_confirm": "only with a valid token, for that token's own account",
    "accounts:password_reset_complete": "a fixed text",
    "accounts:invitation_accept": "only with a valid token, for that token's own account",
    "accounts:profile": "the signed-in user's own profile",
    "accounts:tokens": "the signed-in user's own API tokens",
    # allauth's names for Leerkring's own login, logout and reset pages (same paths).
    "account_login": "the login form",
    "account_logout": "ends the visitor's own session",
    "account_reset_password": "asks a reset link for an address; answers alike for any",
    "account_inactive": "a fixed text",
    "account_reauthenticate": "confirms the signed-in user's own password",
    # Two-step login: only ever the signed-in user's own authenticators, or the login that
    # this browser session started.
    "mfa_index": "the signed-in user's own two-step login",
    "mfa_authenticate": "the second step of a login this session started",
    "mfa_reauthenticate": "confirms the signed-in user's own code",
    "mfa_activate_totp": "sets up the signed-in user's own authenticator",
    "mfa_deactivate_totp": "switches off the signed-in user's own authenticator",
    "mfa_view_recovery_codes": "the signed-in user's own recovery codes",
    "mfa_generate_recovery_codes": "renews the signed-in user's own recovery codes",
    "mfa_download_recovery_codes": "the signed-in user's own recovery codes",
    # Single sign-on: a login this session started; a provider that is not configured is 404.
    "socialaccount_login_cancelled": "a fixed text",
    "socialaccount_login_error": "a fixed text",
    "google_login": "starts a login with the school's Google account",
    "google_callback": "finishes a login this session started (checked state)",
    "google_login_by_token": "a login with an ID token signed by Google",
    "microsoft_login": "starts a login with the school's Microsoft account",
    "microsoft_callback": "finishes a login this session started (checked state)",
    "openid_connect_login": "starts a login with the school's OpenID Connect account",
    "openid_connect_callback": "finishes a login this session started (checked state)",
}
