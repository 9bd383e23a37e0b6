"""Content version, registrations that go live, and Wagtail's notices for the public form."""

from django.db.models.signals import post_delete, post_save
from wagtail.admin import signal_handlers as admin_notifiers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_submitted

from portal.content import bump_content_version

from .models import MemberPage, OrganisationKind
from .registration import is_website_user, mark_published

for signal in (post_save, post_delete):
    signal.connect(
        bump_content_version,
        sender=OrganisationKind,
        dispatch_uid=f"bump_OrganisationKind_{signal}",
    )


def registration_published(sender, instance, **kwargs):
    mark_published(instance)


page_published.connect(
    registration_published, sender=MemberPage, dispatch_uid="members_registration_published"
)


def unless_from_website(notifier):
    """Wagtail's "submitted for moderation" mail, except for drafts the public registration
    form submits: those get our own notice, queued after the commit (members.registration),
    instead of mail sent inside the visitor's request."""

    def receiver(sender, instance, user=None, **kwargs):
        if is_website_user(user):
            return True
        return notifier(instance=instance, user=user, **kwargs)

    return receiver


# Wagtail connects these with fixed dispatch_uids in wagtail.admin's ready(). Replacing them
# under the same uid works whichever app is ready first: if Wagtail's is connected, it is
# disconnected here; if not, Wagtail's later connect is a no-op for a uid already taken.
for signal, sender, uid, notifier in (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        admin_notifiers.task_submission_email_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        admin_notifiers.workflow_submission_email_notifier,
    ),
):
    signal.disconnect(sender=sender, dispatch_uid=uid)
    signal.connect(unless_from_website(notifier), sender=sender, dispatch_uid=uid, weak=False)
