URLS = {}

OPEN = {
    "core:dashboard": "shows only the signed-in user's own organisations and teams",
    "set_language": "changes the visitor's language only",
}
