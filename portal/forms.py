import json
import secrets

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from .models.submissions import BaseSubmission
from .text import without_bidi_controls

HONEYPOT = "website"


def form_token():
    return secrets.token_urlsafe(16)


class BlankForm:
    """A blank public form, not built until something needs more than its HTML.

    Building a long form (copying its fields, reading choices) costs more than showing the
    HTML ``{% remember_form %}`` keeps of it, so a page that shows a blank form passes this
    instead; the tag builds the form only when it renders the HTML afresh.
    """

    is_bound = False
    initial = errors = non_field_errors = ()

    def __init__(self, form_class, **kwargs):
        self.form_class, self.kwargs = form_class, kwargs

    def build(self):
        return self.form_class(**self.kwargs)


RECEIVED_MESSAGES = {
    "unreadable_name": _(
        "The name of a file you chose could not be read. Rename the file (letters and digits "
        "will do) and choose it again."
    ),
    "incomplete": _(
        "Your form did not arrive completely, so nothing was stored. Check your files and "
        "send the form again."
    ),
    "unreadable_part": _(
        "Part of what you sent could not be read, so nothing was stored. Choose your files "
        "again and send the form again."
    ),
}


class SubmissionFormMixin:
    """Honeypot and one-time token for every public form.

    The token is drawn when the form is shown. It is no secret: it only tells a second post
    of the same filled-in form (a double click, a refresh, a replay) from a new one, so that
    it can be answered with the submission already stored. Because the key also covers the
    posted content, two visitors who got the same cached page still store two submissions.

    Every text a visitor types loses its bidirectional controls (portal.text); a required
    field left with nothing else gets the field's own "required" message.

    ``received`` is what portal.multipart noted while reading the post: a file or a part that
    did not arrive makes the form invalid, with a message at the file question it belongs to
    (or at each file question that got no file, when the part's name could not be read).
    """

    def __init__(self, *args, received=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.received = received
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["form_token"] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=form_token()
        )

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(field, forms.CharField) and isinstance(value, str):
                clean_value = without_bidi_controls(value)
                if clean_value != value:
                    cleaned[name] = clean_value.strip() if field.strip else clean_value
                    if field.required and not cleaned[name]:
                        self.add_error(name, field.error_messages["required"])
        for field_name, code in getattr(self.received, "problems", ()):
            self.add_received_error(field_name, RECEIVED_MESSAGES[code])
        return cleaned

    def add_received_error(self, field_name, message):
        if field_name in self.fields:
            targets = [field_name]
        else:
            targets = [
                name
                for name, field in self.fields.items()
                if isinstance(field, forms.FileField) and not self.files.getlist(name)
            ] or [None]
        for target in targets:
            if str(message) not in self.errors.get(target or NON_FIELD_ERRORS, []):
                self.add_error(target, message)

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def submission_key(self):
        data = self.data.lists() if hasattr(self.data, "lists") else self.data.items()
        content = sorted(
            (name, values)
            for name, values in data
            if name not in ("csrfmiddlewaretoken", "form_token")
        )
        files = sorted(
            (name, [(upload.name, upload.size) for upload in uploads])
            for name, uploads in self.files.lists()
        )
        return BaseSubmission.key_for(
            self.data.get("form_token", ""), json.dumps([content, files], ensure_ascii=False)
        )


def consent_field(label=None):
    return forms.BooleanField(
        label=label
        or _(
            "I agree that the details I give here are stored and used as the "
            "privacy statement describes."
        ),
        required=True,
        error_messages={"required": _("We can only accept this with your consent.")},
    )
