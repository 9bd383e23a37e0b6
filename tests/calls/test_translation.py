"""The call through wagtail-localize: questions and criteria translate, their ids stay, so
answers in both languages share one key; dates and the budget limit follow the Dutch call."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from calls.models import Application

from ..utils import translate_through_admin
from .conftest import valid_data

pytestmark = pytest.mark.django_db


def test_translating_the_call_keeps_question_and_option_ids(
    admin_client, client, call, home_en, django_capture_on_commit_callbacks
):
    english = translate_through_admin(admin_client, call)

    dutch_blocks, english_blocks = list(call.questions), list(english.questions)
    assert [b.id for b in english_blocks] == [b.id for b in dutch_blocks]
    assert english_blocks[3].value["label"] == "[en] Fase"
    assert [c.id for c in english_blocks[3].value["choices"].bound_blocks] == [
        c.id for c in dutch_blocks[3].value["choices"].bound_blocks
    ]
    assert [c.value for c in english_blocks[3].value["choices"].bound_blocks][0] == "[en] Idee"
    assert [b.id for b in english.criteria] == [b.id for b in call.criteria]
    assert english.closes_at == call.closes_at
    assert english.max_budget == call.max_budget

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english.url, valid_data(english))

    assert response.status_code == 303
    answer = Application.objects.get().answers[dutch_blocks[3].id]
    assert answer["label"] == {"nl": "Fase", "en": "[en] Fase"}
    assert answer["text"] == {"nl": "Idee", "en": "[en] Idee"}


def test_applications_stay_out_of_the_reference_index_and_the_call_pages_usage(
    client, call, editor, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    with django_capture_on_commit_callbacks(execute=True):
        client.post(call.url, valid_data(call))
    reference = Application.objects.get().reference
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:usage", args=[call.pk]))

    assert response.status_code == 200
    assert reference not in response.content.decode()
    assert not ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Application)
    ).exists()


def test_editors_open_the_call_and_its_translation_in_the_admin(admin_client, call, home_en):
    from django.urls import reverse

    english = translate_through_admin(admin_client, call)

    dutch_editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[call.pk]))
    translation_editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    assert dutch_editor.status_code == 200
    assert "Aanvraagformulier" in dutch_editor.content.decode()  # the form's own tab
    assert translation_editor.status_code == 200
