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
}
