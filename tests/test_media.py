"""Public media: exactly the image renditions under MEDIA_ROOT/images, and nothing beside them.

Found in an attack on a production-like instance: ``/media/images/%2e%2e/documents/<file>``
returned a document of a collection restricted to logged-in users, because the route's
prefix was checked before ``django.views.static.serve`` resolved ``..``.
"""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 restricted document\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for folder, name, body in [
        ("images", "house.fill-400x300.jpg", b"\xff\xd8\xff rendition"),
        ("documents", "board-minutes.pdf", SECRET),
        ("original_images", "house.jpg", b"\xff\xd8\xff ORIGINAL-BYTES"),
    ]:
        (settings.MEDIA_ROOT / folder).mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / folder / name).write_bytes(body)
    (tmp_path / "outside.txt").write_bytes(b"OUTSIDE-MEDIA")
    return settings.MEDIA_ROOT


def test_a_rendition_is_served_with_a_policy_that_runs_nothing(client, media):
    response = client.get("/media/images/house.fill-400x300.jpg")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8\xff rendition"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "address",
    [
        "/media/images/%2e%2e/documents/board-minutes.pdf",
        "/media/images/%2E%2E/documents/board-minutes.pdf",
        "/media/images/..%2fdocuments/board-minutes.pdf",
        "/media/images/..%2Fdocuments%2Fboard-minutes.pdf",
        "/media/images/../documents/board-minutes.pdf",
        "/media/images/%2e%2e%2fdocuments%2fboard-minutes.pdf",
        "/media/images/.%2e/original_images/house.jpg",
        "/media/images/%2e%2e/original_images/house.jpg",
        "/media/images/..%5coriginal_images%5chouse.jpg",
        "/media/images/..\\original_images\\house.jpg",
        "/media/images/%252e%252e/documents/board-minutes.pdf",
        "/media/images//etc/passwd",
        "/media/images/%2fetc%2fpasswd",
        "/media/images/house.fill-400x300.jpg%00.pdf",
        "/media/images/%00",
        "/media/images/../../outside.txt",
        "/media/images/./house.fill-400x300.jpg",
        "/media/images/",
        "/media/documents/board-minutes.pdf",
        "/media/original_images/house.jpg",
    ],
    ids=lambda address: address.removeprefix("/media/"),
)
def test_nothing_outside_the_renditions_folder_is_served(client, media, address):
    response = client.get(address)

    assert response.status_code in (400, 404)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET not in body
    assert b"ORIGINAL-BYTES" not in body
    assert b"OUTSIDE-MEDIA" not in body


def test_the_raw_request_line_with_dots_is_refused_too(media):
    """The test client normalises nothing, but a WSGI server may pass ``..`` through as
    sent: the handler sees exactly that path."""
    from django.test import RequestFactory

    from portal.views import public_image

    for name in ["../documents/board-minutes.pdf", "..", "...", Path("/etc/passwd").as_posix()]:
        request = RequestFactory().get("/media/images/x")
        with pytest.raises(Exception) as raised:
            public_image(request, name)
        assert raised.type.__name__ == "Http404"


def test_a_rendition_name_is_one_plain_component():
    from portal.views import RENDITION_NAME

    assert RENDITION_NAME.fullmatch("house.fill-400x300.format-webp.webp")
    assert not RENDITION_NAME.fullmatch(".hidden")
    assert not RENDITION_NAME.fullmatch("a/b.jpg")
    assert not RENDITION_NAME.fullmatch("a\\b.jpg")
