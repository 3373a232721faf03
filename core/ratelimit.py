"""A small fixed-window rate limit in the cache, for public forms behind a token link.

The key is the link, or for a link that anyone may use (an open survey link) the link with a
keyed hash of the visitor's address: the address itself is never stored, the hash only in the
cache for one window, and never with what the visitor sent.
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac


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


def visitor_key(request) -> str:
    """A keyed hash of the request's address for `allow`: without the server's secret it
    cannot be turned back into the address."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("core.ratelimit.visitor", address).hexdigest()
