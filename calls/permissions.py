"""Who may see and handle which applications.

Two things must both hold: the model permission (``calls.view_application`` to read,
list, download and export; ``calls.change_application`` to score and change the status),
and an assignment to the application's call (``CallReviewer``). Superusers see every call.
Drafts are the applicant's own until sent: only superusers see them, to help someone who
asks. Every admin view that serves applications, answers, attachments or exports goes
through ``visible_applications``.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.permission_policies import ModelPermissionPolicy

REVIEWER_GROUP = "Beoordelaars"
REVIEWER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("calls", "view_application"),
    ("calls", "change_application"),
]


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if not (user.is_active and user.is_authenticated):
            return False
        if action == "view":
            return user.has_perm("calls.view_application") or user.has_perm(
                "calls.change_application"
            )
        if action == "change":
            return user.has_perm("calls.change_application")
        # Applications are made by applicants and never deleted from the admin.
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        from .models import Application

        if not self.user_has_any_permission(user, actions):
            return Application.objects.none()
        if user.is_superuser:
            return Application.objects.all()
        return Application.objects.exclude(status=Application.Status.DRAFT).filter(
            call__reviewer_assignments__user=user
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


def visible_applications(user, action="view"):
    from .models import Application

    policy = ApplicationPermissionPolicy(Application)
    return policy.instances_user_has_any_permission_for(user, [action])


def visible_calls(user):
    from .models import OpenCallPage

    calls = OpenCallPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if user.is_superuser:
        return calls
    return calls.filter(reviewer_assignments__user=user)


def reviewer_group():
    return Group.objects.filter(name=REVIEWER_GROUP).first()
