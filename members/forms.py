from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.choices import Province
from portal.forms import SubmissionFormMixin, consent_field
from portal.i18n import themes_of_locale
from portal.text import validate_public_web_address

from .models import kinds_of_locale

MESSAGE_MAX_LENGTH = 3000
DESCRIPTION_MAX_LENGTH = 2000
MAX_LINKS = 3


def count_links(text):
    return sum(text.lower().count(marker) for marker in ("http://", "https://", "www."))


class HelpOfferForm(SubmissionFormMixin, forms.Form):
    """ "Ik kan helpen": a message to an initiative about one of its open needs."""

    field_names = {"need": _("what you can help with"), "message": _("your message")}

    need = forms.TypedChoiceField(
        label=_("I can help with"), coerce=int, widget=forms.RadioSelect, empty_value=None
    )
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "The initiative receives your name and e-mail address with your message, so "
            "that they can answer you. We never publish them."
        ),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [
            (need.pk, f"{capfirst(need.get_kind_display())}: {need.description}") for need in needs
        ]
        if len(needs) == 1:
            self.fields["need"].initial = needs[0].pk
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["message"].help_text = gettext(
            "What can you offer, and when? At most %(count)s characters."
        ) % {"count": MESSAGE_MAX_LENGTH}
        self.fields["consent"] = consent_field()

    def clean_message(self):
        message = self.cleaned_data["message"]
        if count_links(message) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please put at most %(count)s links in your message."),
                params={"count": MAX_LINKS},
            )
        return message


class RegistrationForm(SubmissionFormMixin, forms.Form):
    """ "Meld je initiatief aan": becomes a draft profile that moderators check."""

    field_names = {
        "initiative_name": _("the name of the initiative"),
        "kind": _("the kind of organisation"),
        "place": _("the place"),
        "province": _("the province"),
        "description": _("a description of your initiative"),
        "name": _("the name of the contact person"),
        "email": _("the contact person's e-mail address"),
    }

    initiative_name = forms.CharField(label=_("Name of the initiative"), max_length=120)
    kind = forms.TypedChoiceField(label=_("Kind of organisation"), coerce=int)
    place = forms.CharField(label=_("Place"), max_length=100)
    province = forms.ChoiceField(label=_("Province"))
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose what your initiative works on."),
    )
    description = forms.CharField(
        label=_("Describe your initiative"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # Not called "website": that is the honeypot's name (portal.forms).
    web_address = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[validate_public_web_address],
    )
    name = forms.CharField(label=_("Contact person"), max_length=100)
    email = forms.EmailField(
        label=_("Contact person's e-mail address"),
        max_length=254,
        help_text=_(
            "We send the confirmation here, and later the offers of help visitors send from "
            "your profile. It is never shown on the site."
        ),
    )
    public_email = forms.EmailField(
        label=_("Public e-mail address"),
        required=False,
        max_length=254,
        help_text=_(
            "Only if you want an e-mail address on your profile, such as info@… Leave it "
            "empty to publish none."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = list(kinds_of_locale().values())
        self.kinds = {kind.pk: kind for kind in kinds}
        self.fields["kind"].choices = [("", gettext("Choose a kind"))] + [
            (kind.pk, kind.name) for kind in kinds
        ]
        themes = sorted(
            themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name)
        )
        self.themes = {theme.pk: theme for theme in themes}
        self.fields["themes"].choices = [(theme.pk, theme.name) for theme in themes]
        self.fields["province"].choices = [("", gettext("Choose a province"))] + list(
            Province.choices
        )
        self.fields["description"].help_text = gettext(
            "What do you do, for whom, and where? This becomes the introduction on your "
            "profile. At most %(count)s characters."
        ) % {"count": DESCRIPTION_MAX_LENGTH}
        for name, autocomplete in (
            ("name", "name"),
            ("email", "email"),
            ("public_email", "off"),
            ("web_address", "url"),
            ("initiative_name", "organization"),
            ("place", "address-level2"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        self.fields["consent"] = consent_field()

    def clean_description(self):
        description = self.cleaned_data["description"]
        if count_links(description) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please put at most %(count)s links in the description."),
                params={"count": MAX_LINKS},
            )
        return description

    def chosen_kind(self):
        return self.kinds[self.cleaned_data["kind"]]

    def chosen_themes(self):
        return [self.themes[pk] for pk in self.cleaned_data["themes"]]
