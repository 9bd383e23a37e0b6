import re

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.forms import SubmissionFormMixin, consent_field

from .models import Reaction

MAX_LINKS = 2
TEXT_MAX_LENGTH = Reaction._meta.get_field("text").max_length
LINK = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)


class ReactionForm(SubmissionFormMixin, forms.Form):
    """ "Geef een reactie": name, e-mail (never shown), text and consent."""

    field_names = {"text": _("your reaction")}

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Shown with your reaction."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("Never shown. The editors use it only if they have a question about it."),
        error_messages={
            "invalid": _("Fill in an e-mail address such as name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    text = forms.CharField(
        label=_("Your reaction"),
        max_length=TEXT_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Your reaction can have at most %(limit_value)d characters; it now has "
                "%(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = consent_field(
        _(
            "I agree that my name and reaction are shown under this story once an editor has "
            "approved them, and that my e-mail address is stored but never shown."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "At most %(count)s characters and %(links)s links. An editor reads your reaction "
            "before it is shown."
        ) % {"count": TEXT_MAX_LENGTH, "links": MAX_LINKS}

    def clean_text(self):
        # Browsers send line breaks as CRLF; store them as the rest of the site writes them.
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        links = len(LINK.findall(text))
        if links > MAX_LINKS:
            raise forms.ValidationError(
                ngettext(
                    "A reaction can contain at most %(max)d link; yours has %(count)d.",
                    "A reaction can contain at most %(max)d links; yours has %(count)d.",
                    MAX_LINKS,
                )
                % {"max": MAX_LINKS, "count": links}
            )
        return text
