URLS = {}

OPEN = {
    "dashboard": "shows only the signed-in user's own organisations and teams",
}
