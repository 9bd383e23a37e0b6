"""The suite's Redis cache (portal.settings.test, with REDIS_URL set).

The suite runs in parallel workers (pytest-xdist) that share one Redis database, each under a
key prefix of its own. Django's ``RedisCache.clear()`` empties the whole database (FLUSHDB),
which would throw away what another worker's test just cached; this one deletes only the
keys under its own prefix.
"""

from portal.cache import ResilientRedisCache, _false, degrade


def _clear_own_keys(self):
    client = self._cache.get_client(None, write=True)
    keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    return True


class WorkerRedisCache(ResilientRedisCache):
    clear = degrade(_false)(_clear_own_keys)
