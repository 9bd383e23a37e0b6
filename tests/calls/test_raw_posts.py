"""Posts no browser sends on a good day: cut off before the final boundary, a file whose
name is nothing readable. The applicant is told at the file question, keeps what was typed,
and nothing is stored half (portal.multipart)."""

import io

import pytest

from calls.models import Application, ApplicationFile
from portal.multipart import WatchedBody

from ..utils import BOUNDARY, MULTIPART, multipart_body
from .conftest import PDF, q, valid_data

pytestmark = pytest.mark.django_db

CUT_OFF = {
    "nl": "Je formulier kwam niet helemaal aan, dus er is niets bewaard.",
    "en": "Your form did not arrive completely, so nothing was stored.",
}
UNREADABLE = {
    "nl": "De naam van een bestand dat je koos, konden we niet lezen.",
    "en": "The name of a file you chose could not be read.",
}
# A part whose headers are not UTF-8 loses its field name too: the message goes to every file
# question that got no file.
UNREADABLE_PART = {
    "nl": "Een deel van wat je stuurde konden we niet lezen, dus er is niets bewaard.",
    "en": "Part of what you sent could not be read, so nothing was stored.",
}


def fields_of(page):
    data = valid_data(page)
    del data[q(page, 7)]
    return data


def post(client, page, body):
    return client.post(page.url, body, content_type=MULTIPART)


@pytest.fixture(params=["nl", "en"])
def page(request, call, call_en):
    return call if request.param == "nl" else call_en


def language(page):
    return page.locale.language_code


def test_a_complete_raw_post_is_stored_with_its_file(
    client, call, django_capture_on_commit_callbacks
):
    body = multipart_body(fields_of(call), [(q(call, 7), b"plan.pdf", PDF)])

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, call, body)

    assert response.status_code == 303
    assert ApplicationFile.objects.get().application == Application.objects.get()


def test_a_post_cut_off_in_its_file_is_refused_at_the_file_question(client, page):
    body = multipart_body(fields_of(page), [(q(page, 7), b"plan.pdf", PDF)], final=False)

    response = post(client, page, body)

    assert response.status_code == 400
    assert CUT_OFF[language(page)] in response.text
    assert "Wijkbedrijf Schalkwijk" in response.text  # what was typed is kept
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0


def test_a_post_cut_off_after_its_file_is_refused(client, page):
    body = multipart_body(fields_of(page), [(q(page, 7), b"plan.pdf", PDF)])
    body = body.removesuffix(f"--{BOUNDARY}--\r\n".encode())

    response = post(client, page, body)

    assert response.status_code == 400
    assert CUT_OFF[language(page)] in response.text
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("file_name", "messages"),
    [
        (b"\xff\xfe\xfd", UNREADABLE_PART),
        (b"\x01\x02\x7f", UNREADABLE),
        (b"&#1;", UNREADABLE),
    ],
    ids=["not-utf8", "control", "entity"],
)
def test_a_file_whose_name_is_nothing_readable_is_refused_with_a_message(
    client, page, file_name, messages
):
    body = multipart_body(fields_of(page), [(q(page, 7), file_name, PDF)])

    response = post(client, page, body)

    assert response.status_code == 400
    assert messages[language(page)] in response.text
    assert "Fatima el Amrani" in response.text
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0


def test_an_optional_file_that_does_not_arrive_still_stops_the_application(
    client, call, django_capture_on_commit_callbacks
):
    question = list(call.questions)[7]
    question.value["required"] = False
    call.save_revision().publish()
    body = multipart_body(fields_of(call), [(q(call, 7), b"\x01", PDF)])

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, call, body)

    assert response.status_code == 400
    assert UNREADABLE["nl"] in response.text
    assert Application.objects.count() == 0


def test_the_final_boundary_is_found_when_it_is_read_a_byte_at_a_time():
    body = multipart_body({"name": "Fatima"}, [("f", b"\xff", b"x")])
    watched = WatchedBody(io.BytesIO(body), BOUNDARY.encode())

    while watched.read(1):
        pass

    assert watched.closed
    assert watched.unreadable_parts == 1
