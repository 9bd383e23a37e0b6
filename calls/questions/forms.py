from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.choices import Role
from portal.forms import SubmissionFormMixin, consent_field
from portal.i18n import themes_of_locale

from ..models import Question

TEXT_MAX_LENGTH = Question._meta.get_field("text").max_length
MAX_LINKS = 3


def count_links(text):
    return sum(text.lower().count(marker) for marker in ("http://", "https://", "www."))


class QuestionForm(SubmissionFormMixin, forms.Form):
    """ "Breng je vraag in": who asks, where, about what, and whether it may be published."""

    field_names = {
        "role": _("where you stand in the playing field"),
        "municipality": _("the municipality"),
        "theme": _("the theme your question is about"),
        "text": _("your question"),
        "publish_as": _("whether we may publish your question"),
    }
    summary_names = {"publish_as": _("Publishing")}

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you the reference and a link to follow your question. Never shown."),
        error_messages={
            "invalid": _("Fill in an e-mail address such as name@example.org."),
        },
    )
    role = forms.ChoiceField(
        label=_("I ask as"),
        choices=Role.choices,
        widget=forms.RadioSelect,
    )
    municipality = forms.CharField(
        label=_("Municipality"),
        max_length=100,
        help_text=_("Where does the question play?"),
    )
    theme = forms.ChoiceField(label=_("Theme"))
    text = forms.CharField(
        label=_("Your question"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Your question can have at most %(limit_value)d characters; it now has "
                "%(show_value)d."
            ),
        },
    )
    publish_as = forms.ChoiceField(
        label=_("May we publish your question?"),
        choices=[
            (Question.PublishAs.NAME, _("Yes, with my name")),
            (Question.PublishAs.ANONYMOUS, _("Yes, anonymously")),
            (Question.PublishAs.NO, _("No, only for the editors")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Published questions appear on this page with their answer and what became of "
            "them. Your e-mail address is never shown."
        ),
    )
    public_name = forms.CharField(
        label=_("Name to publish"),
        max_length=100,
        required=False,
        help_text=_(
            "Only when you publish with your name: for example your first name or your "
            "initiative. Empty means your name above."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = sorted(
            themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name)
        )
        self.themes = {theme.slug: theme for theme in themes}
        self.fields["theme"].choices = [("", gettext("Choose a theme"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["text"].help_text = gettext(
            "What do you run into, and what have you tried? At most %(count)s characters."
        ) % {"count": TEXT_MAX_LENGTH}
        for name, autocomplete in (
            ("name", "name"),
            ("email", "email"),
            ("municipality", "address-level2"),
            ("public_name", "off"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        for name in ("role", "theme", "publish_as"):
            self.fields[name].error_messages["invalid_choice"] = gettext(
                "Choose one of the options."
            )
        self.fields["consent"] = consent_field()
        # The honeypot and the token come first from the mixin; keep them at the end.
        self.order_fields([name for name in self.fields if name not in ("website", "form_token")])

    def clean_text(self):
        # Browsers send line breaks as CRLF; store them as the rest of the site writes them.
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if count_links(text) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please put at most %(count)s links in your question."),
                params={"count": MAX_LINKS},
            )
        return text

    def clean(self):
        data = super().clean()
        if data.get("publish_as") != Question.PublishAs.NAME:
            data["public_name"] = ""
        return data

    def chosen_theme(self):
        return self.themes.get(self.cleaned_data["theme"])
