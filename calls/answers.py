"""Answers to a call's own questions, stored so that nothing depends on the form staying put.

``Application.answers`` maps a question's block id (the same in every translation of the
call) to::

    {"type": "choice",
     "label": {"nl": "Welk thema?", "en": "Which theme?"},   # as the question stood
     "value": "<option id>",                                    # stable: ids, numbers, ISO dates
     "text": {"nl": "Energie", "en": "Energy"},                 # choices: their words then
     "files": [{"id": 7, "name": "plan.pdf"}]}                   # file questions only

Editing or removing a question later therefore loses nothing, and an export puts the Dutch
and the English answer to one question in one column.
"""

import datetime

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext

from .forms import question_field_name


def call_versions(page):
    """{language code: the call in that language}, live translations only, in one query."""
    from .models import OpenCallPage

    versions = {
        version.locale.language_code: version
        for version in OpenCallPage.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
    }
    versions.setdefault(page.locale.language_code, page)
    return versions


def source_call(versions, page):
    """The call applications are filed under: the one in the site's first language."""
    return versions.get(settings.LANGUAGE_CODE, page)


def _blocks_by_id(page):
    return {block.id: block for block in page.questions}


def _choice_texts(block, option_ids):
    options = {child.id: child.value for child in block.value["choices"].bound_blocks}
    return [options[option] for option in option_ids if option in options]


def build_answers(form, versions, files_by_question):
    """The answers of a valid ``form`` (built on one version of the call) as stored."""
    blocks = {language: _blocks_by_id(page) for language, page in versions.items()}
    answers = {}
    for block in form.questions:
        name = question_field_name(block.id)
        if name not in form.fields:
            continue
        kind = block.block_type
        labels = {
            language: by_id[block.id].value["label"]
            for language, by_id in blocks.items()
            if block.id in by_id
        }
        answer = {"type": kind, "label": labels}
        value = form.cleaned_data.get(name)
        if kind == "file":
            files = files_by_question.get(block.id, [])
            answer["value"] = [file.pk for file in files]
            answer["files"] = [{"id": file.pk, "name": file.name} for file in files]
            if not files:
                continue
        elif kind in ("choice", "multiple_choice"):
            chosen = [value] if kind == "choice" and value else list(value or [])
            if not chosen:
                continue
            answer["value"] = chosen[0] if kind == "choice" else chosen
            answer["text"] = {
                language: ", ".join(_choice_texts(by_id[block.id], chosen))
                for language, by_id in blocks.items()
                if block.id in by_id
            }
        elif kind == "yes_no":
            if not value:
                continue
            answer["value"] = value == "yes"
        elif kind == "date":
            if not value:
                continue
            answer["value"] = value.isoformat()
        elif kind == "number":
            if value is None:
                continue
            answer["value"] = value
        else:
            if not value:
                continue
            answer["value"] = value
        answers[block.id] = answer
    return answers


def initial_from_answers(answers):
    """Form initial data that puts stored answers back into their fields."""
    initial = {}
    for question_id, answer in answers.items():
        kind, value = answer.get("type"), answer.get("value")
        name = question_field_name(question_id)
        if kind == "file" or value is None:
            continue
        if kind == "yes_no":
            initial[name] = "yes" if value else "no"
        elif kind == "date":
            initial[name] = datetime.date.fromisoformat(value)
        else:
            initial[name] = value
    return initial


def label_of(answer, language):
    labels = answer.get("label") or {}
    return labels.get(language) or next(iter(labels.values()), "")


def display(answer, language):
    """The answer as plain text in ``language``."""
    kind, value = answer.get("type"), answer.get("value")
    if "text" in answer:
        texts = answer["text"]
        return texts.get(language) or next(iter(texts.values()), "")
    if kind == "file":
        return ", ".join(file["name"] for file in answer.get("files", []))
    if kind == "yes_no":
        with translation.override(language):
            return gettext("Yes") if value else gettext("No")
    if kind == "date":
        with translation.override(language):
            return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
    if value is None:
        return ""
    return str(value)


def answer_rows(application, current_questions=None):
    """The answers in the order of the call's questions now, then those of questions that
    have since been removed; each with its label and text in every language."""
    answers = application.answers or {}
    order = [block.id for block in (current_questions or [])]
    order += [question_id for question_id in answers if question_id not in order]
    languages = [code for code, _name in settings.LANGUAGES]
    rows = []
    for question_id in order:
        answer = answers.get(question_id)
        if answer is None:
            continue
        rows.append(
            {
                "id": question_id,
                "type": answer.get("type"),
                "labels": [(code, label_of(answer, code)) for code in languages],
                "texts": [(code, display(answer, code)) for code in languages],
                "files": answer.get("files", []),
                "removed": question_id not in {block.id for block in current_questions or []},
            }
        )
    return rows
