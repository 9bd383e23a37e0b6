"""The stored full exports: built after a publish, once for a burst, once under a lock."""

import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from portal import exports
from portal.exports import Export

from ..utils import publish

pytestmark = pytest.mark.django_db


def builds():
    return mock.patch.object(exports, "build", wraps=exports.build)


def test_an_export_is_rebuilt_after_a_publish(client, network, directory):
    first = client.get(f"{directory.url}csv/")
    assert first.status_code == 200 and first["ETag"]
    member = network["member"]
    member.title = "Zonnedak Zwolle"

    with builds() as build:
        publish(member)
        again = client.get(f"{directory.url}csv/")

    assert build.call_count >= 1
    assert "Zonnedak Zwolle" in b"".join(again.streaming_content).decode()
    assert again["ETag"] != first["ETag"]


def test_a_burst_of_ten_publishes_builds_at_most_twice(client, network, directory):
    member = network["member"]
    client.get(f"{directory.url}csv/")

    with builds() as build:
        for number in range(10):
            member.title = f"Zonnedak {number}"
            publish(member)
        response = client.get(f"{directory.url}csv/")

    csv_builds = [call for call in build.call_args_list if call.args[0].key == "initiatives.csv"]
    assert len([call for call in csv_builds if call.args[1] == "nl"]) <= 2
    assert "Zonnedak 9" in b"".join(response.streaming_content).decode()


def test_a_worker_that_defers_builds_a_burst_once(client, network, directory):
    real_task = exports.build_open_data
    queue = mock.Mock()
    queue.get_backend.return_value.supports_defer = True
    member = network["member"]
    client.get(f"{directory.url}csv/")  # a file exists
    cache.delete(exports.SCHEDULED_KEY)  # the fixtures' own burst is over

    with mock.patch.object(exports, "build_open_data", queue):
        for number in range(10):
            member.title = f"Zonnedak {number}"
            publish(member)
        # Until the worker runs, the previous file is served, not built on the spot.
        with builds() as build:
            client.get(f"{directory.url}csv/")
        assert build.call_count == 0

    assert queue.using.return_value.enqueue.call_count == 1
    with builds() as build:
        real_task.call()
        response = client.get(f"{directory.url}csv/")
    assert {(call.args[0].key, call.args[1]) for call in build.call_args_list} == {
        ("initiatives.csv", "nl"),
        ("initiatives.csv", "en"),
        ("initiatives.geojson", "nl"),
        ("initiatives.geojson", "en"),
    }
    assert build.call_count == 4
    assert "Zonnedak 9" in b"".join(response.streaming_content).decode()


def test_a_conditional_request_gets_304_and_gzip_is_the_stored_copy(client, network, directory):
    first = client.get(f"{directory.url}geojson/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert 'rel="license"' in first["Link"]

    again = client.get(
        f"{directory.url}geojson/",
        HTTP_ACCEPT_ENCODING="gzip",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )

    assert again.status_code == 304


def test_three_concurrent_requests_for_an_unbuilt_export_build_it_once(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    written = []

    def write(out, meta):
        written.append(1)
        time.sleep(0.5)  # long enough for the other two to arrive and wait
        out.write(b"name\nZonnedak\n")

    export = Export(
        name="slow",
        extension="csv",
        content_type="text/csv; charset=utf-8",
        filename=lambda: "slow",
        source=lambda: ("http://testserver/", ""),
        write=write,
    )
    request = RequestFactory().get("/")
    answers = []

    def ask():
        response = exports.serve(request, export, "nl")
        answers.append(b"".join(response.streaming_content))

    meta = {
        "licence": {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "source": {"name": "Wijkkracht", "url": "http://testserver/", "about": ""},
        "built_at": "2026-01-01T12:00:00+00:00",
    }
    # The threads read no database: the three requests meet only in the cache and storage.
    with mock.patch.object(exports, "provenance", return_value=meta):
        threads = [threading.Thread(target=ask) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert len(written) == 1
    assert answers == [b"name\nZonnedak\n"] * 3
