"""The application form: fixed core fields plus the questions the call's editors defined."""

import re

from django import forms
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.choices import Province, Role
from portal.content import remember
from portal.forms import SubmissionFormMixin, consent_field
from portal.i18n import active_locale
from portal.models import Theme

from .uploads import FILE_TYPES, MB, digest, sniff

QUESTION_PREFIX = "q_"
REMOVE_SUFFIX = "_remove"
# Roles that act for a body with a name of its own.
ROLES_WITH_ORGANISATION = {Role.ORGANISATION, Role.COMPANY, Role.MUNICIPALITY}
# A word takes a few characters; this only stops absurd posts before words are counted.
CHARACTERS_PER_WORD = 20
SUMMARY_WORDS = 300
# What saving a draft needs: enough to send the link and to greet the applicant by name.
DRAFT_REQUIRED = ("name", "email", "consent")


def question_field_name(question_id):
    return f"{QUESTION_PREFIX}{question_id}"


def count_words(text):
    return len(text.split())


class WordLimitValidator:
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value):
        words = count_words(value)
        if words > self.limit:
            raise forms.ValidationError(
                ngettext(
                    "Use at most %(limit)s word (you used %(count)s).",
                    "Use at most %(limit)s words (you used %(count)s).",
                    self.limit,
                )
                % {"limit": self.limit, "count": words},
                code="max_words",
            )


GROUPED_NUMBER = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")


def parse_whole_number(text):
    """'12500', '12.500', '12 500', '€ 12.500,-' and '12,500.00' all mean 12500.

    Returns an int, or raises ValueError. A sign is kept so that the caller can say
    that a negative number is not allowed instead of calling it unreadable.
    """
    text = text.replace("\u00a0", " ").replace("€", "").strip()
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-+ ").strip()
    text = re.sub(r"[.,](-|00?)$", "", text)
    if text.isdigit():
        return sign * int(text)
    if GROUPED_NUMBER.match(text):
        return sign * int(re.sub(r"\D", "", text))
    raise ValueError(text)


class WholeNumberField(forms.Field):
    """A whole number typed the way people type it, Dutch or English. Without a limit of
    its own it stays within what a database integer holds."""

    LIMIT = 2_000_000_000

    default_error_messages = {
        "invalid": _("Enter a whole number, for example 12500."),
        "negative": _("The number cannot be negative."),
        "min_value": _("The number must be at least %(limit)s."),
        "max_value": _("The number can be at most %(limit)s."),
    }

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        self.min_value = -self.LIMIT if min_value is None else max(min_value, -self.LIMIT)
        self.max_value = self.LIMIT if max_value is None else min(max_value, self.LIMIT)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "20")

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return None
        if len(str(value)) > 20:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_whole_number(str(value))
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < 0 <= self.min_value:
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": intcomma(self.min_value)},
            )
        if self.max_value is not None and value > self.max_value:
            raise forms.ValidationError(
                self.error_messages["max_value"],
                code="max_value",
                params={"limit": intcomma(self.max_value)},
            )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True
    template_name = "django/forms/widgets/file.html"


class UploadField(forms.FileField):
    """Zero or more files; checking them needs the files kept from before, so the form does."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        return [upload for upload in uploads if upload]

    def bound_data(self, data, initial):
        return initial


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def theme_choices():
    """(slug, name) of every theme of the site's first language, named in the visitor's
    language where translated; one query, then kept under the content version."""

    def build():
        locale = active_locale()
        with translation.override(settings.LANGUAGE_CODE):
            source_locale = active_locale()
        themes = list(Theme.objects.filter(locale__in={locale.pk, source_locale.pk}))
        names = {theme.translation_key: theme for theme in themes if theme.locale_id == locale.pk}
        localized = [
            names.get(theme.translation_key, theme)
            for theme in themes
            if theme.locale_id == source_locale.pk
        ]
        return [
            (theme.slug, theme.name)
            for theme in sorted(localized, key=lambda theme: (theme.sort_order, theme.name))
        ]

    return remember("calls-theme-choices", translation.get_language(), build=build)


class ApplicationForm(SubmissionFormMixin, forms.Form):
    """The whole application. ``page`` is the call in the visitor's language; ``kept_files``
    maps a file question's id to the files already stored for it (a draft's, or those of an
    earlier post that came back with mistakes). ``draft=True`` checks what is filled in
    but requires only what saving needs (``DRAFT_REQUIRED``): a name, an e-mail address and
    consent."""

    field_names = {
        "phone": _("your phone number"),
        "role": _("where you stand in the playing field"),
        "municipality": _("the municipality"),
        "province": _("the province"),
        "title": _("the title of your plan"),
        "question": _("the local question your lab takes on"),
        "summary": _("the summary of your plan"),
        "budget": _("the budget you request"),
    }
    summary_names = {"question": _("Local question")}

    name = forms.CharField(
        label=_("Your name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and your reference number here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()./-]{5,28}$",
                _("Enter a phone number in digits, for example 06 12345678."),
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    role = forms.ChoiceField(
        label=_("You apply as"),
        choices=[(value, capfirst(label)) for value, label in Role.choices],
        widget=forms.RadioSelect,
        help_text=_("Where do you stand in the playing field?"),
    )
    organisation = forms.CharField(
        label=_("Organisation, company or municipality"),
        max_length=200,
        required=False,
        help_text=_("Leave this empty if you apply as a resident."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = forms.CharField(label=_("Municipality"), max_length=100)
    neighbourhood = forms.CharField(
        label=_("Neighbourhood or village"), max_length=100, required=False
    )
    province = forms.ChoiceField(
        label=_("Province"), choices=[("", _("Choose a province"))] + Province.choices
    )
    title = forms.CharField(
        label=_("Title of your plan"),
        max_length=200,
        help_text=_("A short name, for example “Wijkbedrijf Schalkwijk”."),
    )
    question = forms.CharField(
        label=_("Which local question does your lab take on?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("At most 1,000 characters."),
    )
    summary = forms.CharField(
        label=_("Summary of your plan"),
        max_length=SUMMARY_WORDS * CHARACTERS_PER_WORD,
        validators=[WordLimitValidator(SUMMARY_WORDS)],
        widget=forms.Textarea(attrs={"rows": 8, "data-word-limit": SUMMARY_WORDS}),
        help_text=_(
            "What do you want to do, with whom, and what should it bring? At most 300 words."
        ),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.CharField(
        label=_("Partners"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who works with you: initiatives, organisations, companies, the municipality."),
    )
    budget = WholeNumberField(
        label=_("Requested budget in euros"),
        min_value=0,
        help_text=_("A whole amount, for example 12500."),
    )
    consent = consent_field()
    # Set by the view, carried by the form: which draft this is, and where files of an
    # earlier attempt wait.
    draft = forms.CharField(required=False, widget=forms.HiddenInput)
    stash = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, page, kept_files=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.kept_files = kept_files or {}
        self.is_draft = draft
        self.new_uploads = {}
        self.removed_files = set()
        self.fields["themes"].choices = theme_choices()
        if page.max_budget is not None:
            self.fields["budget"].max_value = page.max_budget
            self.fields["budget"].help_text = _(
                "A whole amount, for example 12500. At most %(max)s euros."
            ) % {"max": intcomma(page.max_budget)}
        self.questions = []
        for block in page.questions:
            self.questions.append(block)
            self._add_question(block)
        if draft:
            for name, field in self.fields.items():
                # The labels still say what sending needs (portal.forms.SubmissionBoundField).
                field.required_to_send = getattr(field, "required_to_send", field.required)
                if name not in DRAFT_REQUIRED:
                    field.required = False

    def _add_question(self, block):
        value, kind = block.value, block.block_type
        name = question_field_name(block.id)
        common = {
            "label": value["label"],
            "help_text": value["help_text"],
            "required": bool(value["required"]),
        }
        if kind == "short_text":
            field = forms.CharField(max_length=value["max_length"], **common)
        elif kind == "long_text":
            field = forms.CharField(
                max_length=value["max_words"] * CHARACTERS_PER_WORD,
                validators=[WordLimitValidator(value["max_words"])],
                widget=forms.Textarea(attrs={"rows": 6}),
                **common,
            )
            field.widget.attrs.pop("maxlength", None)
            field.widget.attrs["data-word-limit"] = value["max_words"]
            limit = ngettext(
                "At most %(count)s word.", "At most %(count)s words.", value["max_words"]
            ) % {"count": value["max_words"]}
            field.help_text = f"{value['help_text']} {limit}".strip()
        elif kind == "number":
            field = WholeNumberField(
                min_value=value["min_value"], max_value=value["max_value"], **common
            )
        elif kind == "choice":
            field = forms.ChoiceField(
                choices=[(child.id, child.value) for child in value["choices"].bound_blocks],
                widget=forms.RadioSelect,
                **common,
            )
        elif kind == "multiple_choice":
            field = forms.MultipleChoiceField(
                choices=[(child.id, child.value) for child in value["choices"].bound_blocks],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        elif kind == "yes_no":
            field = forms.ChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
            )
        elif kind == "date":
            field = forms.DateField(widget=DateInput(), **common)
        elif kind == "file":
            field = self._file_field(block, common)
        else:  # a block type this code does not know yet: ask nothing rather than fail
            return
        field.question = block
        self.fields[name] = field

    def _file_field(self, block, common):
        value = block.value
        types = [FILE_TYPES[code] for code in value["file_types"] if code in FILE_TYPES]
        attrs = {"accept": ",".join(f".{kind.extension},{kind.content_type}" for kind in types)}
        if value["max_files"] > 1:
            attrs["multiple"] = True
        field = UploadField(widget=MultipleFileInput(attrs=attrs), **common)
        field.required = False  # counted together with the files kept from before
        field.is_required = field.required_to_send = bool(value["required"])
        field.file_types = value["file_types"]
        field.max_files = value["max_files"]
        field.max_size = value["max_size_mb"] * MB
        field.type_labels = ", ".join(str(kind.label) for kind in types)
        limits = ngettext(
            "One file of at most %(size)s MB (%(types)s).",
            "Up to %(count)s files of at most %(size)s MB each (%(types)s).",
            value["max_files"],
        ) % {"count": value["max_files"], "size": value["max_size_mb"], "types": field.type_labels}
        field.help_text = f"{value['help_text']} {limits}".strip()
        kept = self.kept_files.get(block.id, [])
        if kept:
            self.fields[f"{question_field_name(block.id)}{REMOVE_SUFFIX}"] = (
                forms.MultipleChoiceField(
                    label=_("Remove a file you sent before"),
                    required=False,
                    choices=[(str(file.pk), file.name) for file in kept],
                    widget=forms.CheckboxSelectMultiple,
                )
            )
        return field

    def clean(self):
        cleaned = super().clean()
        if (
            not self.is_draft
            and cleaned.get("role") in ROLES_WITH_ORGANISATION
            and not cleaned.get("organisation")
        ):
            self.add_error(
                "organisation", _("Fill in the name of your organisation, company or municipality.")
            )
        for block in self.questions:
            if block.block_type == "file":
                self._clean_files(block)
        return cleaned

    def _clean_files(self, block):
        name = question_field_name(block.id)
        field = self.fields[name]
        uploads = self.cleaned_data.get(name) or []
        removed = set(self.cleaned_data.get(f"{name}{REMOVE_SUFFIX}") or [])
        kept = [file for file in self.kept_files.get(block.id, []) if str(file.pk) not in removed]
        self.removed_files |= {
            file.pk for file in self.kept_files.get(block.id, []) if str(file.pk) in removed
        }
        errors, valid = [], []
        for upload in uploads:
            kind = sniff(upload)
            if upload.size > field.max_size:
                errors.append(
                    _("“%(name)s” is %(size)s; the limit is %(limit)s MB.")
                    % {
                        "name": upload.name,
                        "size": filesizeformat(upload.size),
                        "limit": field.max_size // MB,
                    }
                )
            elif kind not in field.file_types:
                errors.append(
                    _("“%(name)s” is not one of the allowed types (%(types)s).")
                    % {"name": upload.name, "types": field.type_labels}
                )
            else:
                valid.append((upload, kind, digest(upload)))
        total = len(kept) + len(uploads)
        if total > field.max_files:
            errors.append(
                ngettext(
                    "Send at most %(count)s file here.",
                    "Send at most %(count)s files here.",
                    field.max_files,
                )
                % {"count": field.max_files}
            )
            valid = []
        elif field.is_required and not self.is_draft and total == 0:
            errors.append(_("Add a file here."))
        for error in errors:
            self.add_error(name, error)
        self.new_uploads[block.id] = valid

    @property
    def sections(self):
        """The fields in the groups the page shows them in, as (title, bound fields)."""
        groups = [
            (_("About you"), ["name", "email", "phone", "role", "organisation"]),
            (_("Where"), ["municipality", "neighbourhood", "province"]),
            (_("Your plan"), ["title", "question", "summary", "themes", "partners", "budget"]),
        ]
        questions = []
        for block in self.questions:
            name = question_field_name(block.id)
            if name in self.fields:
                questions.append(name)
                if f"{name}{REMOVE_SUFFIX}" in self.fields:
                    questions.append(f"{name}{REMOVE_SUFFIX}")
        if questions:
            groups.append((_("Questions of this call"), questions))
        groups.append((_("Consent"), ["consent"]))
        return [(title, [self[name] for name in names]) for title, names in groups]
