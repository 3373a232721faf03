URLS = {}

OPEN = {
    "accounts:login": "the login form",
    "accounts:logout": "ends the visitor's own session",
    "accounts:profile": "the signed-in user's own profile",
}
