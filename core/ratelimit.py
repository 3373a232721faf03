"""A small fixed-window rate limit in the cache, for public forms behind a token link.

The key is the link, never the visitor's address: pages that promise anonymity store nothing
about who sent a request, not even for a minute.
"""

import hashlib
import time

from django.core.cache import cache


def allow(scope: str, key: str, *, limit: int, window: int = 60) -> bool:
    """Count one request for `key` in `scope`; False once more than `limit` came within the
    current window of `window` seconds."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"
    if cache.add(cache_key, 1, window + 1):
        return True
    try:
        return cache.incr(cache_key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window + 1)
        return True
