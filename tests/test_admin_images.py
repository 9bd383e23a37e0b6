"""Images editors upload in the admin: a file that only starts like an image is a form
error, in the single and in the multiple upload view, never a server error."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db
HTML = b"<html><body><script>alert(document.domain)</script></body></html>"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(
        "redacteur", "redactie@wijkkracht.example", "geheim-wachtwoord"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(buffer, "PNG")
    return buffer.getvalue()


FAKES = [
    b"\x89PNG\r\n\x1a\n" + HTML,
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + HTML,
    b"GIF89a" + HTML,
    b"RIFF\x00\x00\x00\x00WEBPVP8 " + HTML,
]
FAKE_IDS = ["png", "jpeg", "gif", "webp"]


@pytest.mark.parametrize("content", FAKES, ids=FAKE_IDS)
def test_an_image_that_only_starts_like_one_is_a_form_error(client, editor, content):
    upload = SimpleUploadedFile("foto.png", content, content_type="image/png")

    response = client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": upload})

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("content", FAKES, ids=FAKE_IDS)
def test_the_multiple_upload_refuses_a_fake_image_with_a_message(client, editor, content):
    upload = SimpleUploadedFile("foto.png", content, content_type="image/png")

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert response.json()["error_message"]
    assert not get_image_model().objects.exists()


def test_a_real_image_is_still_accepted(client, editor):
    upload = SimpleUploadedFile("foto.png", png(), content_type="image/png")

    response = client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": upload})

    assert response.status_code == 302
    assert get_image_model().objects.get().width == 8
