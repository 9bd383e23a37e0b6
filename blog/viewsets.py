from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.choosers import CheckedChooserViewSet, SharedContentChooserViewSet

from .models import BlogPage, Person, Reaction


class ReactionPermissionPolicy(ModelPermissionPolicy):
    """Reactions come only from the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class ReactionFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=Reaction.Status.choices)
    page = ModelChoiceFilter(
        label=_("Story"),
        queryset=BlogPage.objects.select_related("locale").order_by("-date", "title"),
    )
    created_at = DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Reaction
        fields = ["status", "page", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["page"].field.label_from_instance = lambda page: (
            f"{page.title} ({page.locale.language_code})"
        )


class ReactionViewSet(SnippetViewSet):
    model = Reaction
    chooser_viewset_class = CheckedChooserViewSet
    icon = "comment"
    menu_label = _("Reactions")
    menu_order = 100
    list_display = [
        "excerpt",
        "name",
        Column("page", label=_("Story"), accessor="page.title"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda reaction: reaction.status == Reaction.Status.PENDING,
        ),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    filterset_class = ReactionFilterSet
    search_fields = ["name", "email", "text", "reference"]
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "reference",
        "page",
        "status",
        "name",
        "email",
        "text",
        "language",
        "created_at",
        "consent_at",
        "moderated_at",
        "moderated_by",
    ]
    copy_view_enabled = False
    panels = [
        FieldPanel("status"),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("email", read_only=True),
                FieldPanel("page", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("Sent by"),
        ),
    ]

    def get_queryset(self, request):
        return Reaction.objects.select_related("page")


class PersonViewSet(SnippetViewSet):
    model = Person
    chooser_viewset_class = SharedContentChooserViewSet
    icon = "user"
    menu_label = _("Authors")
    menu_order = 200
    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]


class StoriesViewSetGroup(SnippetViewSetGroup):
    items = (ReactionViewSet, PersonViewSet)
    menu_icon = "comment"
    menu_label = _("Stories")
    menu_name = "stories"
    menu_order = 250


class ModerateBulkAction(SnippetBulkAction):
    """Set the status of the chosen reactions at once (approve, spam, back to pending)."""

    template_name = "blog/admin/confirm_bulk_moderate.html"
    status = None
    models = [Reaction]

    def check_perm(self, reaction):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", reaction
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return Reaction.moderate_many(objects, cls.status, user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected reactions")
    action_priority = 10
    status = Reaction.Status.APPROVED
    question = _("Show these reactions under their stories?")
    button = _("Yes, approve")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reaction approved.", "%(count)d reactions approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark the selected reactions as spam")
    action_priority = 20
    status = Reaction.Status.SPAM
    question = _("Mark these reactions as spam? They will not be shown.")
    button = _("Yes, mark as spam")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reaction marked as spam.",
            "%(count)d reactions marked as spam.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class PendingBulkAction(ModerateBulkAction):
    display_name = _("Back to pending")
    action_type = "pending"
    aria_label = _("Put the selected reactions back to waiting for moderation")
    action_priority = 25
    status = Reaction.Status.PENDING
    question = _("Hide these reactions again until they are approved?")
    button = _("Yes, back to pending")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reaction is waiting for moderation again.",
            "%(count)d reactions are waiting for moderation again.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class PendingReactionsSummaryItem(SummaryItem):
    """On the admin's home: how many reactions wait, linked to that filtered list."""

    order = 250
    template_name = "blog/admin/pending_reactions_summary.html"

    def is_shown(self):
        return ReactionPermissionPolicy(Reaction).user_has_permission(self.request.user, "change")

    def get_context_data(self, parent_context):
        return {
            "count": Reaction.objects.pending().count(),
            "url": reverse("wagtailsnippets_blog_reaction:list") + "?status=pending",
        }
