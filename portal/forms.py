import json
import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.submissions import BaseSubmission

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


class SubmissionFormMixin:
    """Honeypot and one-time token for every public form.

    The token is drawn when the form is shown. It is no secret: it only tells a second post
    of the same filled-in form (a double click, a refresh, a replay) from a new one, so that
    it can be answered with the submission already stored. Because the key also covers the
    posted content, two visitors who got the same cached page still store two submissions.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["form_token"] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=form_token()
        )

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
