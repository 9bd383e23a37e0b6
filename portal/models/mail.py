"""A mail waiting to be sent: the only place its body lives.

The task queue (django-tasks-db keeps every task's arguments and return value in its
result table) gets the id of this row, never the message: the task reads the row when it
runs and deletes it once the mail is sent or given up. Erasure and the purge delete the
rows that name a person (``forget``), and with them any task row that still holds such a
mail's text; a mail whose row is gone is not sent.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAIL_TASK = "portal.tasks.send_email"


class OutgoingMail(models.Model):
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    to = models.JSONField(_("recipients"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)

    #: A row still here this long after it was queued belongs to a worker that died.
    STALE_AFTER = timedelta(days=7)

    class Meta:
        verbose_name = _("mail waiting to be sent")
        verbose_name_plural = _("mails waiting to be sent")

    def __str__(self):
        return f"mail {self.pk}"

    @classmethod
    def forget(cls, *needles):
        """Delete the mails that hold any of ``needles`` (an address, a reference), and the
        task rows that hold them in their arguments, result or traceback."""
        needles = [needle for needle in needles if needle]
        if not needles:
            return
        mails = Q()
        for needle in needles:
            mails |= Q(to__icontains=needle) | Q(subject__icontains=needle)
            mails |= Q(body__icontains=needle) | Q(reply_to__icontains=needle)
        cls.objects.filter(mails).delete()
        forget_task_results(needles)

    @classmethod
    def purge(cls, now):
        cls.objects.filter(created_at__lt=now - cls.STALE_AFTER).delete()
        forget_task_results(finished_before=now - cls.STALE_AFTER)


def task_results():
    """django-tasks-db's result table, when that backend is installed."""
    from django.apps import apps

    try:
        return apps.get_model("django_tasks_db", "DBTaskResult")
    except LookupError:
        return None


def forget_task_results(needles=(), finished_before=None):
    model = task_results()
    if model is None:
        return
    if finished_before is not None:
        # Finished mail tasks, kept by the queue: nothing left to do with them.
        model.objects.filter(task_path=MAIL_TASK, finished_at__lt=finished_before).delete()
    rows = Q()
    for needle in needles:
        rows |= Q(args_kwargs__icontains=needle) | Q(return_value__icontains=needle)
        rows |= Q(traceback__icontains=needle)
    if rows:
        model.objects.filter(rows).delete()
