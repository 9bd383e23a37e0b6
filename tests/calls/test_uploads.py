"""Attachments: type by content, limits per question, private storage, kept on errors."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from calls.models import Application, ApplicationFile
from calls.uploads import MB, private_storage, sniff

from .conftest import PDF, docx, pdf, q, valid_data

pytestmark = pytest.mark.django_db


def zipped(entries, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(first[0], first[1])
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def image(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, kind)
    return buffer.getvalue()


JPEG, PNG = image("JPEG"), image("PNG")
HTML = b"<html><body><script>alert(document.domain)</script></body></html>\n"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PDF, "pdf"),
        (PDF + b"\r\n", "pdf"),
        (JPEG, "jpg"),
        (PNG, "png"),
        (zipped({"[Content_Types].xml": "x", "word/document.xml": "x"}), "docx"),
        (zipped({"[Content_Types].xml": "x", "xl/workbook.xml": "x"}), "xlsx"),
        (zipped({}, first=("mimetype", "application/vnd.oasis.opendocument.text")), "odt"),
        (zipped({}, first=("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), "ods"),
        (zipped({"evil.exe": "MZ"}), None),
        (b"MZ\x90\x00 an executable", None),
        (b"<html><script>alert(1)</script></html>", None),
        (b"PK\x03\x04 broken zip", None),
        (b"", None),
    ],
)
def test_type_is_read_from_the_content(content, kind):
    assert sniff(SimpleUploadedFile("whatever.pdf", content)) == kind


@pytest.mark.parametrize(
    "content",
    [
        HTML[:20] + b"%PDF-1.4 " + HTML[20:] + b"%%EOF\n",  # the magic string, not at the start
        b"%PDF-1.7\n" + HTML,  # a PDF header and no end
        b"%PDF-1.7\n%%EOF\n" + HTML * 40,  # an end marker, but not near the end
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + HTML,  # a JPEG header followed by HTML
        b"\x89PNG\r\n\x1a\n" + HTML,  # a PNG header followed by HTML
        PNG + HTML,  # a real PNG with HTML after its end
        JPEG + HTML,  # a real JPEG with HTML after its end
        PNG[:-30],  # a PNG cut short
        zipped({"[Content_Types].xml": "x", "word/document.xml": "x"}) + HTML,  # data after
        zipped({"mimetype": "x"}, first=("word/document.xml", "x")),  # no OOXML, no ODF
    ],
    ids=[
        "pdf-marker-inside-html",
        "pdf-without-end",
        "pdf-end-far-from-the-end",
        "jpeg-header-then-html",
        "png-header-then-html",
        "png-then-html",
        "jpeg-then-html",
        "png-cut-short",
        "docx-then-html",
        "zip-of-neither",
    ],
)
def test_a_file_is_refused_unless_its_whole_structure_is_what_its_start_promises(content):
    assert sniff(SimpleUploadedFile("whatever.pdf", content)) is None


@pytest.mark.parametrize(
    ("prefix", "message"), [("nl", "‘plan.pdf’ is geen van de"), ("en", "“plan.pdf” is not one of")]
)
def test_html_with_a_pdf_marker_in_its_first_kilobyte_is_refused_in_both_languages(
    client, call, call_en, prefix, message
):
    page = call if prefix == "nl" else call_en
    polyglot = SimpleUploadedFile(
        "plan.pdf", b"<html>%PDF-1.4" + HTML + b"%%EOF", content_type="application/pdf"
    )

    response = client.post(page.url, valid_data(page, **{q(page, 7): polyglot}))

    assert response.status_code == 400
    assert message in response.text
    assert "Fatima el Amrani" in response.text  # what was typed is kept
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(client, call):
    fake = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post(call.url, valid_data(call, **{q(call, 7): fake}))

    assert response.status_code == 400
    assert (
        "‘plan.pdf’ is geen van de toegestane soorten (PDF, Word-document (.docx))."
        in response.text
    )
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0


def test_a_real_pdf_with_another_name_is_stored_as_a_pdf(
    client, call, django_capture_on_commit_callbacks
):
    renamed = pdf("plan.exe")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, valid_data(call, **{q(call, 7): renamed}))

    assert response.status_code == 303
    record = ApplicationFile.objects.get()
    assert (record.name, record.kind) == ("plan.pdf", "pdf")


def test_a_docx_is_accepted_where_allowed(client, call, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, valid_data(call, **{q(call, 7): docx()}))

    assert response.status_code == 303
    assert ApplicationFile.objects.get().kind == "docx"


def test_a_file_over_the_limit_gets_an_error(client, call):
    # The question allows 1 MB; a 50 MB file is refused with a message, not a 500.
    big = SimpleUploadedFile("groot.pdf", PDF + b"0" * (50 * MB), content_type="application/pdf")

    response = client.post(call.url, valid_data(call, **{q(call, 7): big}))

    assert response.status_code == 400
    assert "‘groot.pdf’ is 50,0\xa0MB; de grens is 1 MB." in response.text
    assert ApplicationFile.objects.count() == 0


def test_too_many_files_get_an_error(client, call):
    files = [pdf("a.pdf", PDF + b"a"), pdf("b.pdf", PDF + b"b"), pdf("c.pdf", PDF + b"c")]

    response = client.post(call.url, valid_data(call, **{q(call, 7): files}))

    assert response.status_code == 400
    assert "Stuur hier hoogstens 2 bestanden." in response.text


def test_a_required_file_question_needs_a_file(client, call):
    data = valid_data(call)
    del data[q(call, 7)]

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert "Voeg hier een bestand toe." in response.text


def test_an_oversized_request_is_refused_before_it_is_read(client, call):
    response = client.post(
        call.url,
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * MB),
    )

    assert response.status_code == 413
    assert Application.objects.count() == 0


def test_files_are_stored_privately_outside_media(client, call, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(call.url, valid_data(call))

    record = ApplicationFile.objects.get()
    path = Path(record.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes() == PDF
    assert "fatima" not in str(path).lower() and record.application.reference not in str(path)
    with pytest.raises(ValueError):
        private_storage.url(record.file.name)
    assert client.get(f"/media/{record.file.name}").status_code == 404


def test_good_files_are_kept_when_the_form_comes_back_with_mistakes(
    client, call, django_capture_on_commit_callbacks
):
    first = client.post(call.url, valid_data(call, title=""))

    assert first.status_code == 400
    (stashed,) = ApplicationFile.objects.all()
    assert stashed.application is None and stashed.stash_key
    assert "plan.pdf" in first.text  # shown as already sent
    assert f'name="stash" value="{stashed.stash_key}"' in first.text

    data = valid_data(call, stash=stashed.stash_key)
    del data[q(call, 7)]  # the browser does not send the file again
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(call.url, data)

    assert second.status_code == 303
    application = Application.objects.get()
    stashed.refresh_from_db()
    assert stashed.application == application
    assert stashed.stash_key == ""
    assert application.answers[q(call, 7)[2:]]["files"] == [{"id": stashed.pk, "name": "plan.pdf"}]


def test_a_kept_file_can_be_removed(client, call, django_capture_on_commit_callbacks):
    client.post(call.url, valid_data(call, title=""))
    stashed = ApplicationFile.objects.get()
    data = valid_data(call, stash=stashed.stash_key, **{f"{q(call, 7)}_remove": [str(stashed.pk)]})
    data[q(call, 7)] = docx()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, data)

    assert response.status_code == 303
    (record,) = ApplicationFile.objects.all()
    assert record.kind == "docx"
    assert not private_storage.exists(stashed.file.name)


def test_a_refused_file_is_named_after_the_form_comes_back(client, call):
    fake = SimpleUploadedFile("nep.pdf", b"nope")
    data = valid_data(call, title="", **{q(call, 7): [pdf(), fake]})

    response = client.post(call.url, data)

    assert response.status_code == 400
    assert "‘nep.pdf’ is geen van de toegestane soorten" in response.text
    assert ApplicationFile.objects.count() == 1  # only the good one waits


def test_a_malformed_stash_key_takes_no_files(client, call, django_capture_on_commit_callbacks):
    client.post(call.url, valid_data(call, title=""))
    stashed = ApplicationFile.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, valid_data(call, stash="kort"))

    assert response.status_code == 303
    stashed.refresh_from_db()
    assert stashed.application is None
