import json
import secrets

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.boundfield import BoundField
from django.utils.text import capfirst
from django.utils.translation import gettext
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


# How the messages name a field, as the name reads in "Fill in …" / "Vul … in": fields that
# are on many forms are named here, the others by their form's ``field_names``.
FIELD_NAMES = {
    "name": _("your name"),
    "email": _("your e-mail address"),
}
# What the error summary calls a field whose label is a whole sentence.
SUMMARY_NAMES = {
    "consent": _("Consent"),
}
UNCHECKED = ("website", "form_token")


def required_message(field, name):
    """The message of an empty required field, in one voice for every public form: "Fill in
    your name." / "Choose a theme." / "Answer this question.", from the field's short name
    (``name``, may be None) and its kind."""
    if isinstance(field, forms.BooleanField):
        return gettext("Tick the box to give your consent.")
    if isinstance(field, forms.ChoiceField):  # also multiple and typed choices
        if name:
            return gettext("Choose %(name)s.") % {"name": name}
        return gettext("Choose one of the options.")
    if name:
        return gettext("Fill in %(name)s.") % {"name": name}
    if getattr(field, "question", None) is not None:  # an editor's question, a sentence
        return gettext("Answer this question.")
    return gettext("Fill this in.")


class SubmissionBoundField(BoundField):
    """A field of a public form as the templates show it: its name in the error summary and
    what its label says beside the name ("optional", "needed to save")."""

    @property
    def summary_label(self):
        name = getattr(self.form, "summary_names", {}).get(self.name) or SUMMARY_NAMES.get(
            self.name
        )
        return capfirst(name) if name else self.label

    @property
    def is_optional(self):
        """Optional to send: a form that asks less of a draft still says what sending needs
        (``required_to_send``, set by such a form)."""
        return not getattr(self.field, "required_to_send", self.field.required)

    @property
    def is_needed_to_save(self):
        """Required although the form only saves a draft (``is_draft``)."""
        return bool(getattr(self.form, "is_draft", False) and self.field.required)


class SubmissionFormMixin:
    """Honeypot, one-time token and one voice of messages for every public form.

    Every required field gets its message from ``required_message`` and the short name in
    the form's ``field_names`` (else in ``FIELD_NAMES``); the error summary names a field by
    ``summary_names`` (else ``SUMMARY_NAMES``, else its label).

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

    bound_field_class = SubmissionBoundField
    field_names = {}
    summary_names = {}

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

    def full_clean(self):
        # Here rather than in __init__: the forms add fields (consent, the call's questions)
        # after the mixin's __init__, and the messages are in the language of the request.
        for name, field in self.fields.items():
            if name not in UNCHECKED:
                short = self.field_names.get(name) or FIELD_NAMES.get(name)
                field.error_messages["required"] = required_message(field, short)
        super().full_clean()

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
    )
