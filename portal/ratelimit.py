"""Per-address limits counted in the shared cache (Redis in production): public forms, and
the open data (exports and the API, ``take``)."""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request):
    """The visitor's address, taking NUM_PROXIES trusted proxies in front of us into account."""
    proxies = settings.NUM_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def hit(request, scope):
    """Count one submission from this address; False once it is over the limit.

    When the cache is unreachable the post is let through: the honeypot and moderation
    still stand, and a cache outage must not make the forms unusable.
    """
    limit, window = settings.FORM_RATE_LIMIT
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{address}"
    try:
        if cache.add(key, 1, timeout=window):
            return True
        return cache.incr(key) <= limit
    except Exception:
        logger.warning("Rate limit cache unavailable; letting the post through", exc_info=True)
        return True


def take(request, scope):
    """Count one request of ``scope`` (``OPEN_DATA_RATE_LIMITS``) from this address: 0 while
    under the limit, else the seconds until the window ends (for Retry-After).

    A fixed window per address, counted with ``add`` and ``incr`` (atomic in Redis, so every
    worker and host counts into the same number). A cache outage lets the request through:
    the answers are public and cheap to serve, refusing them would only hurt reusers.
    """
    limit, window = settings.OPEN_DATA_RATE_LIMITS[scope]
    now = time.time()
    slot = int(now // window)
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{address}:{slot}"
    try:
        if cache.add(key, 1, timeout=window + 1) or cache.incr(key) <= limit:
            return 0
    except Exception:
        logger.warning("Rate limit cache unavailable; letting the request through", exc_info=True)
        return 0
    return max(1, int((slot + 1) * window - now + 0.999))
