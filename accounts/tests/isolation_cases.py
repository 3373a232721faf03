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
    "accounts:profile": "the signed-in user's own profile",
    "accounts:tokens": "the signed-in user's own API tokens",
}
