URLS = {}

OPEN = {
    "set_language": "changes the visitor's language only",
    "api:openapi-json": "the API's schema, no data",
    "api:api-root": "the API's index, no data",
    "api:openapi-view": "the API's interactive documentation, no data",
}
