"""Media and personal files in S3 buckets (a real SeaweedFS server, no mock), and the same
operations on the local folders that stay the default.

Public: originals, renditions and documents in the public bucket, of which only renditions
(``images/``) answer without a signature. Private: attachments in the private bucket, which
answers nothing unsigned; a reviewer gets them through the permission-checked view, streamed
or by a redirect to a link signed for at most a minute. Erasure reaches the bucket, and the
orphan report finds what no row names.
"""

import datetime
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image

from calls.models import Application, ApplicationFile
from calls.uploads import private_storage
from portal.settings import objectstorage
from portal.storage import PrivateFileSystemStorage

from ..calls.conftest import PDF, valid_data
from ..factories import ApplicationFactory, ImageFactory

pytestmark = pytest.mark.django_db
SELF_SERVICE = "/nl/jouw-gegevens/"


def fetch(url):
    """An anonymous GET, as a browser or anyone on the internet would make it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def unsigned(server, bucket, key):
    return f"{server.endpoint}/{bucket}/{urllib.parse.quote(key)}"


def apply(client, call, capture):
    with capture(execute=True):
        response = client.post(call.url, valid_data(call))
    assert response.status_code == 303
    return Application.objects.get()


def orphan_count(*args):
    out = StringIO()
    call_command("storage_orphans", "--older-than", "0", *args, stdout=out)
    return int(out.getvalue().rsplit("Orphaned files: ", 1)[1])


# Configuration ------------------------------------------------------------------------------


def test_without_variables_the_local_folders_stay():
    assert objectstorage.read({"MEDIA_URL": "/media/"}) is None
    assert isinstance(storages["default"], FileSystemStorage)
    assert storages["default"].location == str(settings.MEDIA_ROOT)
    assert isinstance(storages["private"], PrivateFileSystemStorage)
    assert storages["private"].location == str(settings.PRIVATE_MEDIA_ROOT)
    assert private_storage.target is storages["private"]


def test_the_variables_django_storages_documents_work_too():
    config = objectstorage.read(
        {
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "AWS_STORAGE_BUCKET_NAME": "media",
            "S3_PRIVATE_BUCKET": "personal",
            "AWS_ACCESS_KEY_ID": "key",
        }
    )
    assert config["public_bucket"] == "media" and config["access_key"] == "key"
    assert config["addressing_style"] == "path" and config["private_download"] == "stream"
    assert objectstorage.public_base_url(config) == "https://s3.example.org/media/"
    aws = objectstorage.read({"S3_PUBLIC_BUCKET": "m", "S3_PRIVATE_BUCKET": "p", "S3_REGION": "x"})
    assert objectstorage.public_base_url(aws) == "https://m.s3.x.amazonaws.com/"


@pytest.mark.parametrize(
    "environ",
    [
        {"S3_PUBLIC_BUCKET": "media"},
        {"S3_PUBLIC_BUCKET": "media", "S3_PRIVATE_BUCKET": "media"},
        {"S3_PUBLIC_BUCKET": "m", "S3_PRIVATE_BUCKET": "p", "S3_PRIVATE_DOWNLOAD": "public"},
    ],
)
def test_a_private_bucket_of_its_own_is_required(environ):
    with pytest.raises(ImproperlyConfigured):
        objectstorage.read(environ)


def test_production_settings_put_media_and_private_files_in_the_buckets():
    code = (
        "from django.conf import settings as s\n"
        "print(s.MEDIA_URL, s.SERVE_MEDIA, s.PRIVATE_FILE_DOWNLOAD)\n"
        "print(*(s.STORAGES[a]['BACKEND'] for a in ('default', 'private', 'exports')))\n"
        "print(s.STORAGES['exports']['OPTIONS']['bucket_name'])\n"
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "www.wijkkracht.example",
        "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "S3_PUBLIC_BUCKET": "wijkkracht-media",
        "S3_PRIVATE_BUCKET": "wijkkracht-private",
        "S3_REGION": "eu-central-1",
        "MEDIA_URL": "https://media.wijkkracht.example/",
        "S3_PRIVATE_DOWNLOAD": "redirect",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://media.wijkkracht.example/",
        "False",
        "redirect",
        "portal.s3storage.PublicS3Storage",
        "portal.s3storage.PrivateS3Storage",
        "portal.s3storage.PrivateS3Storage",
        "wijkkracht-private",
    ]


# Public media -------------------------------------------------------------------------------


def test_images_and_renditions_go_to_the_public_bucket_and_only_renditions_are_public(s3):
    image = ImageFactory()
    rendition = image.get_rendition("fill-80x60")

    keys = s3.keys(s3.public)
    assert image.file.name in keys and rendition.file.name in keys
    assert rendition.file.name.startswith("images/")
    assert rendition.url == settings.MEDIA_URL + rendition.file.name
    status, body, headers = fetch(rendition.url)
    assert status == 200 and body[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"GIF8")
    assert fetch(settings.MEDIA_URL + image.file.name)[0] == 403  # the original
    assert fetch(f"{s3.endpoint}/{s3.public}?list-type=2")[0] == 403  # no listing
    request = urllib.request.Request(settings.MEDIA_URL + "images/x.png", b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_a_rendition_made_once_is_found_not_made_again(s3):
    image = ImageFactory()
    made = image.get_rendition("width-120")
    objects = set(s3.keys(s3.public))

    # Another host: its own image object, the shared database, cache and bucket.
    other = Image.objects.get(pk=image.pk)
    with mock.patch.object(Image, "generate_rendition_file", side_effect=AssertionError):
        found = other.get_rendition("width-120")

    assert found.file.name == made.file.name
    assert set(s3.keys(s3.public)) == objects


def test_a_document_in_the_bucket_is_served_by_wagtails_view_only(s3, client):
    document = Document.objects.create(title="Jaarverslag")
    document.file.save("jaarverslag.pdf", ContentFile(PDF))

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert document.file.name in s3.keys(s3.public)
    assert fetch(unsigned(s3, s3.public, document.file.name))[0] == 403


# Private files ------------------------------------------------------------------------------


def test_an_attachment_goes_to_the_private_bucket_that_answers_nothing_unsigned(
    s3, client, call, django_capture_on_commit_callbacks
):
    application = apply(client, call, django_capture_on_commit_callbacks)
    record = application.files.get()

    assert record.file.name in s3.keys(s3.private)
    assert fetch(unsigned(s3, s3.private, record.file.name))[0] == 403
    assert fetch(f"{s3.endpoint}/{s3.private}?list-type=2")[0] == 403
    with pytest.raises(ValueError):
        record.file.url  # noqa: B018


def test_a_reviewer_download_is_streamed_from_the_bucket(
    s3, client, call, reviewer, django_capture_on_commit_callbacks
):
    application = apply(client, call, django_capture_on_commit_callbacks)
    record = application.files.get()
    client.force_login(reviewer)

    response = client.get(reverse("applications:attachment", args=[application.pk, record.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


def test_a_reviewer_download_redirects_to_a_link_signed_for_a_minute(
    s3, client, call, reviewer, settings, django_capture_on_commit_callbacks
):
    settings.PRIVATE_FILE_DOWNLOAD = "redirect"
    application = apply(client, call, django_capture_on_commit_callbacks)
    record = application.files.get()
    address = reverse("applications:attachment", args=[application.pk, record.pk])

    assert client.get(address).status_code == 302  # to the sign-in, not to the bucket
    assert s3.endpoint not in client.get(address)["Location"]
    client.force_login(reviewer)
    response = client.get(address)

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(signed).query)
    assert signed.startswith(f"{s3.endpoint}/{s3.private}/")
    assert int(query["X-Amz-Expires"][0]) <= 60
    status, body, headers = fetch(signed)
    assert status == 200 and body == PDF
    assert headers["Content-Disposition"].startswith("attachment")
    assert record.name in headers["Content-Disposition"]
    assert headers["Content-Type"] == "application/pdf"


def test_the_store_refuses_a_signed_link_once_it_has_expired(s3, call):
    record = ApplicationFile.objects.create(
        application=ApplicationFactory(call=call), question_id="q", name="a.pdf", kind="pdf",
        size=len(PDF), sha256="x", file=ContentFile(PDF, name="a.pdf"),
    )  # fmt: skip
    bucket = storages["private"]
    signed = private_storage.download_url(record.file.name, "a.pdf", "application/pdf")
    # The same kind of link, for one second instead of sixty: the store keeps the time.
    brief = super(type(bucket), bucket).url(record.file.name, expire=1)

    assert "X-Amz-Expires=60" in signed and fetch(signed)[0] == 200
    time.sleep(2.1)
    assert fetch(brief)[0] == 403


# Erasure and orphans ------------------------------------------------------------------------


def test_deleting_an_application_deletes_its_objects(
    s3, client, call, django_capture_on_commit_callbacks
):
    application = apply(client, call, django_capture_on_commit_callbacks)
    name = application.files.get().file.name

    application.delete()

    assert name not in s3.keys(s3.private)
    assert orphan_count() == 0


def test_the_purge_deletes_the_objects_and_leaves_no_orphans(
    s3, client, call, django_capture_on_commit_callbacks
):
    application = apply(client, call, django_capture_on_commit_callbacks)
    name = application.files.get().file.name
    ImageFactory().get_rendition("width-100")  # public files with their rows stay
    later = application.retention_ends_at() + datetime.timedelta(minutes=1)

    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("purge_personal_data", stdout=StringIO())

    assert Application.objects.get().erased_at is not None
    assert name not in s3.keys(s3.private)
    assert s3.keys(s3.public)
    assert orphan_count() == 0


def test_erasure_through_the_persons_own_link_deletes_the_objects(
    s3, client, call, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    application = apply(client, call, django_capture_on_commit_callbacks)
    name = application.files.get().file.name
    body = next(message.body for message in mail.outbox if SELF_SERVICE in message.body)
    link = SELF_SERVICE + body.split(SELF_SERVICE, 1)[1].split()[0]

    response = client.post(link, {"action": "erase", "confirmed": "yes"})

    assert response.status_code == 303
    assert Application.objects.get().erased_at is not None
    assert name not in s3.keys(s3.private)
    assert orphan_count() == 0


def test_orphans_in_the_buckets_are_reported_and_deleted(s3, call):
    client = s3.client()
    client.put_object(Bucket=s3.private, Key="applications/2026/01/lost/lost.pdf", Body=PDF)
    client.put_object(Bucket=s3.public, Key="images/lost.fill-10x10.png", Body=b"x")
    client.put_object(Bucket=s3.private, Key="exports/directory.csv", Body=b"built")
    ImageFactory().get_rendition("width-100")

    assert orphan_count() == 2
    assert orphan_count("--storage", "private") == 1
    young = StringIO()
    call_command("storage_orphans", stdout=young)  # a file of a moment ago may be in flight
    assert young.getvalue().endswith("Orphaned files: 0\n")

    call_command("storage_orphans", "--older-than", "0", "--delete", stdout=StringIO())

    assert orphan_count() == 0
    assert "exports/directory.csv" in s3.keys(s3.private)  # the exports' own
    assert "applications/2026/01/lost/lost.pdf" not in s3.keys(s3.private)


def test_orphans_in_the_local_folders_are_reported_and_deleted(settings, tmp_path, call):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    lost = tmp_path / "private" / "applications" / "x" / "lost.pdf"
    lost.parent.mkdir(parents=True)
    lost.write_bytes(PDF)
    kept = ApplicationFile.objects.create(
        application=ApplicationFactory(call=call), question_id="q", name="a.pdf", kind="pdf",
        size=len(PDF), sha256="x", file=ContentFile(PDF, name="a.pdf"),
    )  # fmt: skip
    assert (tmp_path / "private" / kept.file.name).exists()

    assert orphan_count() == 1
    call_command("storage_orphans", "--older-than", "0", "--delete", stdout=StringIO())

    assert not lost.exists() and (tmp_path / "private" / kept.file.name).exists()
    assert orphan_count() == 0


def test_calls_cleanup_removes_orphans_from_the_bucket(s3):
    client = s3.client()
    client.put_object(Bucket=s3.private, Key="applications/2026/01/lost/lost.pdf", Body=PDF)
    tomorrow = timezone.now() + datetime.timedelta(days=2)

    with mock.patch("portal.storage.datetime") as clock:
        clock.datetime.now.return_value = tomorrow
        clock.timedelta = datetime.timedelta
        clock.UTC = datetime.UTC
        call_command("calls_cleanup", stdout=StringIO())

    assert s3.keys(s3.private) == []


# Moving a site's files into the buckets -----------------------------------------------------


def test_local_files_are_copied_into_the_buckets_once_and_resumably(s3, tmp_path):
    files = {
        tmp_path / "media" / "original_images" / "foto.jpg": b"original",
        tmp_path / "media" / "images" / "foto.width-100.jpg": b"rendition",
        tmp_path / "private" / "applications" / "2026" / "01" / "ab" / "plan.pdf": PDF,
    }
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    arguments = ["--media-root", tmp_path / "media", "--private-root", tmp_path / "private"]

    def run():
        out = StringIO()
        call_command("copy_media_to_storage", *arguments, stdout=out)
        return out.getvalue()

    first = run()
    assert "default" in first and "copied 2, already there 0" in first
    assert "copied 1, already there 0" in first
    assert sorted(s3.keys(s3.public)) == ["images/foto.width-100.jpg", "original_images/foto.jpg"]
    assert s3.keys(s3.private) == ["applications/2026/01/ab/plan.pdf"]
    assert storages["private"].open("applications/2026/01/ab/plan.pdf").read() == PDF

    # Interrupted half-way: a file is missing in the bucket; the next run copies only that.
    s3.client().delete_object(Bucket=s3.public, Key="original_images/foto.jpg")
    second = run()
    assert "copied 1, already there 1" in second and "copied 0, already there 1" in second
    assert "copied 0, already there 2" in run()


def test_copying_refuses_without_buckets(tmp_path):
    with pytest.raises(Exception, match="not a bucket"):
        call_command("copy_media_to_storage", stdout=StringIO())
