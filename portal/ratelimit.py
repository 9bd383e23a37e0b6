"""A per-address limit on public forms, counted in the shared cache (Redis in production)."""

import hashlib
import logging

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
