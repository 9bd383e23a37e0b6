"""gunicorn's settings for the portal (read from the working directory, or with ``-c``).

Threads, so that a slow client holds one thread and not a whole worker: with the sync worker,
three slow uploads (one per worker) made the site unavailable for as long as they took. A
thread still waits for as long as a client takes to send its body, and gunicorn has no
timeout for that, so production needs a proxy that buffers requests (README, "Production
deployment"): it takes the slow upload itself and hands gunicorn the whole body at once.

Each thread keeps a database connection of its own (CONN_MAX_AGE): one host holds up to
workers x threads connections to PostgreSQL.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker whose main loop stops answering is restarted; gthread's loop runs beside the
# threads, so a long request alone does not trip it.
timeout = 30
graceful_timeout = 30
# Behind the proxy, a kept-alive connection waits in the worker's poller, not in a thread.
keepalive = 5
