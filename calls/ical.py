"""The call's deadline as an iCalendar file (RFC 5545), for the visitor's own calendar."""

import datetime

from django.utils.translation import gettext as _

from portal.ical import calendar, escape, host_of, utc


def deadline_event(page, request, now):
    url = page.get_full_url(request)
    closes = page.closes_at
    description = f"{page.intro}\n\n{url}"
    event = [
        f"UID:call-{page.translation_key}-deadline@{host_of(request)}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(closes - datetime.timedelta(hours=1))}",
        f"DTEND:{utc(closes)}",
        f"SUMMARY:{escape(_('Deadline: %(title)s') % {'title': page.title})}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P2D",
        f"DESCRIPTION:{escape(_('Two days left to apply: %(title)s') % {'title': page.title})}",
        "END:VALARM",
    ]
    return calendar([event], "Open call")
