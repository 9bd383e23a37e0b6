"""Snippet choosers that follow the permissions of their listings.

Found in an attack on a production-like instance: any admin user, a reviewer without any
moderation permission included, read every reaction, pending and spam ones too, through
Wagtail's snippet chooser (``/admin/snippets/choose/blog/reaction/results/``): Wagtail asks
only for admin access there. Here every view of a chooser (the modal, its results and
search, the chosen item, several chosen items) first asks the model's permission policy for
what its listing asks (any of add, change, delete, view) and answers 403 otherwise.

Shared content that pages point at (authors, themes, kinds of organisation) may also be
chosen by whoever may edit pages (``for_page_editors``): an editor picks a story's author in
the page editor without managing the list of authors. Nothing personal is shared content.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser

LISTING_ACTIONS = ["add", "change", "delete", "view"]
PAGE_EDITING_ACTIONS = ["add", "change", "publish"]


def may_choose(user, model, for_page_editors=False):
    if policy_registry.get_by_type(model).user_has_any_permission(user, LISTING_ACTIONS):
        return True
    return for_page_editors and PagePermissionPolicy().user_has_any_permission(
        user, PAGE_EDITING_ACTIONS
    )


class ChooserPermissionMixin:
    for_page_editors = False

    def dispatch(self, request, *args, **kwargs):
        if not may_choose(request.user, self.model_class, self.for_page_editors):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def checked(view_class):
    return type(view_class.__name__, (ChooserPermissionMixin, view_class), {})


class CheckedChooserViewSet(chooser.SnippetChooserViewSet):
    """For personal data and site structure: only those who may see the listing."""

    for_page_editors = False
    choose_view_class = checked(chooser.ChooseView)
    choose_results_view_class = checked(chooser.ChooseResultsView)
    chosen_view_class = checked(chooser.SnippetChosenView)
    chosen_multiple_view_class = checked(chooser.SnippetChosenMultipleView)
    create_view_class = checked(chooser.SnippetCreateView)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            view_class, **{"for_page_editors": self.for_page_editors, **kwargs}
        )


class SharedContentChooserViewSet(CheckedChooserViewSet):
    """For shared content that pages point at: page editors may choose it too."""

    for_page_editors = True
