URLS = {}

OPEN = {}
