"""The admin's home page for the day: what waits for this editor, and since when.

Apps declare their queues through the ``portal_work_queues`` hook: a function of the
request that returns a ``Queue`` or None (None when this user may not act on it). Each
queue costs one query (a count and the oldest waiting moment), however long it is, so the
panel's queries are fixed by the number of queues. Queues nobody may act on are not shown,
and neither is the panel when no queue is.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component


@dataclass
class Queue:
    """One queue: ``label`` (a plural noun phrase), its count, the oldest waiting moment and
    the filtered listing it links to."""

    label: str
    count: int
    oldest_at: datetime | None
    url: str
    order: int = 100


def queue_of(queryset, label, url, waiting_since="created_at", order=100):
    """A Queue from ``queryset`` of waiting items, in one query."""
    figures = queryset.order_by().aggregate(count=Count("pk"), oldest_at=Min(waiting_since))
    return Queue(str(label), figures["count"], figures["oldest_at"], url, order)


def work_queues(request):
    queues = [queue for hook in hooks.get_hooks("portal_work_queues") if (queue := hook(request))]
    return sorted(queues, key=lambda queue: (queue.order, queue.label))


class WorkQueuesPanel(Component):
    name = "work_queues"
    order = 50
    template_name = "portal/admin/work_queues_panel.html"
    heading = _("Waiting for you")

    def __init__(self, queues):
        self.queues = queues

    def get_context_data(self, parent_context):
        return {"queues": self.queues, "heading": self.heading}
