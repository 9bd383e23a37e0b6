"""The questions editors add to a call, the criteria reviewers score it on, and what the
call means for each audience.

Every question is a block in a StreamField. Its block id (the same in every translation of
the call) is the stable key of the answer; the answer keeps the question's label as it
stood, so that editing or removing a question later loses nothing (Hypha #3263), and Dutch
and English applications land in the same export column (wagtail #6254).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import RICH_TEXT_FEATURES
from portal.choices import Audience

from .uploads import FILE_TYPES


class QuestionBlock(blocks.StructBlock):
    """What every question has: its text, an explanation, and whether it must be answered."""

    label = blocks.CharBlock(label=_("question"), max_length=255)
    help_text = blocks.TextBlock(
        label=_("explanation"), required=False, help_text=_("Shown under the question.")
    )
    required = blocks.BooleanBlock(label=_("answer required"), required=False, default=True)

    class Meta:
        icon = "help"


class ShortTextQuestionBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("maximum number of characters"), default=200, min_value=1, max_value=1000
    )

    class Meta:
        icon = "pilcrow"
        label = _("short text")


class LongTextQuestionBlock(QuestionBlock):
    max_words = blocks.IntegerBlock(
        label=_("maximum number of words"), default=300, min_value=10, max_value=3000
    )

    class Meta:
        icon = "doc-full"
        label = _("long text")


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("lowest allowed"), required=False)
    max_value = blocks.IntegerBlock(label=_("highest allowed"), required=False)

    class Meta:
        icon = "order"
        label = _("number")


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(label=_("option"), max_length=255), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("choice (one answer)")


class MultipleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(label=_("option"), max_length=255), min_num=2)

    class Meta:
        icon = "tasks"
        label = _("multiple choice")


class YesNoQuestionBlock(QuestionBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("yes or no")


class DateQuestionBlock(QuestionBlock):
    class Meta:
        icon = "date"
        label = _("date")


class FileQuestionBlock(QuestionBlock):
    max_files = blocks.IntegerBlock(
        label=_("maximum number of files"), default=1, min_value=1, max_value=5
    )
    max_size_mb = blocks.IntegerBlock(
        label=_("maximum size per file (MB)"), default=10, min_value=1, max_value=20
    )
    file_types = blocks.MultipleChoiceBlock(
        label=_("allowed file types"),
        choices=[(code, kind.label) for code, kind in FILE_TYPES.items()],
        default=["pdf"],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Checked by the file's content, not by its name."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("file upload")


class QuestionsBlock(blocks.StreamBlock):
    short_text = ShortTextQuestionBlock()
    long_text = LongTextQuestionBlock()
    number = NumberQuestionBlock()
    choice = ChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    yes_no = YesNoQuestionBlock()
    date = DateQuestionBlock()
    file = FileQuestionBlock()


class CriterionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("criterion"), max_length=255)
    description = blocks.TextBlock(label=_("what reviewers look for"), required=False)
    max_score = blocks.IntegerBlock(label=_("highest score"), default=5, min_value=1, max_value=10)

    class Meta:
        icon = "pick"
        label = _("criterion")


class CriteriaBlock(blocks.StreamBlock):
    criterion = CriterionBlock()


class AudienceNoteBlock(blocks.StructBlock):
    """What the call means for one or more audiences: shown on the call and on their pages."""

    audiences = blocks.MultipleChoiceBlock(
        label=_("for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The audiences whose page shows this note."),
    )
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "group"
        label = _("note for an audience")


class AudienceNotesBlock(blocks.StreamBlock):
    note = AudienceNoteBlock()
