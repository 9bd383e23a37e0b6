"""A Redis cache that degrades to "no cache" while Redis is down, instead of failing requests.

Everything cached here (pages, fragments under the content version, SiteSettings, Wagtail's
own caches, rate-limit counters) can be rebuilt from the database, so an outage of Redis
only makes requests slower. Reads answer "not found", writes are dropped, and ``incr`` says
the key is missing (ValueError, as Django's backends do), which the rate limit reads as "let
the post through" (portal.ratelimit) and the content version as "set it afresh".

After a failure the backend does not try Redis again for ``RETRY_AFTER`` seconds in this
process: an unreachable host would otherwise cost a connect timeout on every cache call.
Writes made during the outage are lost, a bump of the content version among them, so the
first call that succeeds afterwards runs the ``on_recovery`` callbacks (portal.content bumps
the version there, which makes every page and fragment cached before the outage stale).
"""

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
# Fail fast: a Redis that does not answer within these many seconds counts as down.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

MISSING = object()
# Called once when the cache answers again after an outage (see the module's docstring).
on_recovery = []


def degrade(fallback):
    """Run the cache operation; on a Redis error return ``fallback(*args)`` instead."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            cls = type(self)
            if cls.down_until > time.monotonic():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                logger.warning("Cache unavailable, serving without it: %s", error)
                cls.down_until = time.monotonic() + RETRY_AFTER
                return fallback(*args, **kwargs)
            if cls.down_until:
                cls.down_until = 0.0
                for callback in on_recovery:
                    try:
                        callback()
                    except (RedisError, OSError):
                        logger.warning("Cache recovery step failed", exc_info=True)
            return result

        return wrapper

    return decorator


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable)")


class ReusedClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every cache call, and building one costs more
    than the round trip itself (it copies the table of response callbacks). A client over a
    connection pool is safe to share, so each pool gets one, made once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    # Shared by every instance in the process: Django makes one per thread.
    down_until = 0.0

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusedClient

    get = degrade(_default)(RedisCache.get)
    add = degrade(_false)(RedisCache.add)
    set = degrade(_nothing)(RedisCache.set)
    touch = degrade(_false)(RedisCache.touch)
    delete = degrade(_false)(RedisCache.delete)
    get_many = degrade(_empty)(RedisCache.get_many)
    has_key = degrade(_false)(RedisCache.has_key)
    incr = degrade(_missing_key)(RedisCache.incr)
    set_many = degrade(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = degrade(_nothing)(RedisCache.delete_many)
    clear = degrade(_false)(RedisCache.clear)

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, MISSING, version=version)
        if value is MISSING:
            value = default() if callable(default) else default
            if value is not None:
                self.add(key, value, timeout=timeout, version=version)
        return value
