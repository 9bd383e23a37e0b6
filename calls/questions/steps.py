"""A question's path: its links, the history of its changes and the mail at every step.

Mail goes through ``portal.mail.queue_mail``: rendered in the asker's language, queued when
the transaction commits, so a mail outage never costs a question or a saved change.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from portal.content import bump_after_commit
from portal.i18n import localize_pages
from portal.mail import queue_mail, staff_addresses

from ..models import Question, QuestionChange

FOLLOW_SALT = "calls.question.follow"
# The asker follows a question for months: the call, then a lab, take time. Every mail
# carries a fresh link.
FOLLOW_MAX_AGE = 60 * 60 * 24 * 400
EDITOR_PERMISSION = "calls.change_question"
STATE_ORDER = list(Question.State)
# The mail the asker gets when their question reaches each step.
STEP_MAILS = {
    Question.State.ANSWERED: "calls/mail/question_answered",
    Question.State.IN_CALL: "calls/mail/question_in_call",
    Question.State.LAB: "calls/mail/question_lab",
}
STEP_DATES = {
    Question.State.ANSWERED: "answered_at",
    Question.State.IN_CALL: "call_at",
    Question.State.LAB: "lab_at",
}


def follow_token(question):
    return signing.dumps(question.reference, salt=FOLLOW_SALT, compress=True)


def reference_from_follow_token(token):
    try:
        return signing.loads(token or "", salt=FOLLOW_SALT, max_age=FOLLOW_MAX_AGE)
    except signing.BadSignature:
        return None


def question_path(page, question):
    """The question's own address under ``page`` (relative to the site)."""
    return page.get_url() + page.reverse_subpage(
        "question", kwargs={"reference": question.reference}
    ).lstrip("/")


def follow_url(question):
    """The asker's signed link to their question, on the page of their language."""
    page = question.page
    base = page.get_full_url().rstrip("/") + "/"
    route = page.reverse_subpage("question", kwargs={"reference": question.reference})
    return f"{base}{route.lstrip('/')}?t={follow_token(question)}"


def localized(page, language):
    """``page`` in ``language`` where it has a live translation (one query)."""
    if page is None:
        return None
    (found,) = localize_pages([page], Locale.objects.get(language_code=language))
    return found


def admin_url(question):
    path = reverse("questions:edit", args=[question.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def record(question, field, from_value, to_value, user=None):
    return QuestionChange.objects.create(
        question=question,
        field=field,
        from_value=from_value or "",
        to_value=to_value,
        user=user,
        user_name=(user.get_full_name() or user.get_username()) if user else "",
    )


def received(question):
    """A new question: its first step, a confirmation to the asker, a notice to editors."""
    record(question, QuestionChange.Field.STATE, "", question.state)
    record(question, QuestionChange.Field.STATUS, "", question.status)
    queue_mail(
        to=question.email,
        template="calls/mail/question_received",
        context={"question": question, "follow_url": follow_url(question)},
        language=question.language,
    )
    queue_mail(
        to=staff_addresses(EDITOR_PERMISSION),
        template="calls/mail/question_notice",
        context={"question": question, "admin_url": admin_url(question)},
        language=settings.LANGUAGE_CODE,
    )


def after_edit(question, before, user):
    """What an editor's save changed: dates, history, the asker's mail, the site's caches.

    ``before`` holds the question's ``state`` and ``status`` as they were.
    """
    now = timezone.now()
    changed_fields = []
    old_state, new_state = before["state"], question.state
    moved_on = STATE_ORDER.index(new_state) > STATE_ORDER.index(old_state)
    if old_state != new_state:
        if moved_on:
            # Every step reached now gets today's date, also a step that was skipped over.
            for state in STATE_ORDER[
                STATE_ORDER.index(old_state) + 1 : STATE_ORDER.index(new_state) + 1
            ]:
                if state in STEP_DATES:
                    setattr(question, STEP_DATES[state], now)
                    changed_fields.append(STEP_DATES[state])
        record(question, QuestionChange.Field.STATE, old_state, new_state, user)
    if before["status"] != question.status:
        if question.status == Question.Status.PUBLISHED and not question.published_at:
            question.published_at = now
            changed_fields.append("published_at")
        record(question, QuestionChange.Field.STATUS, before["status"], question.status, user)
    if changed_fields:
        question.save(update_fields=changed_fields)
    if moved_on and new_state in STEP_MAILS:
        send_step_mail(question)
    if before["status"] == Question.Status.PUBLISHED or question.is_public:
        # The home page's section and figures show published questions. The save itself
        # bumps too (portal.invalidation); after the commit, once.
        bump_after_commit()


def send_step_mail(question):
    language = question.language
    queue_mail(
        to=question.email,
        template=STEP_MAILS[question.state],
        context={
            "question": question,
            "follow_url": follow_url(question),
            "call": localized(question.call, language),
            "lab": localized(question.lab, language),
        },
        language=language,
    )
