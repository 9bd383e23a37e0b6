"""The call's deadline as an iCalendar file (RFC 5545), for the visitor's own calendar."""

import datetime

from django.utils.translation import gettext as _

UTC_FORMAT = "%Y%m%dT%H%M%SZ"


def escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Lines of at most 75 octets, continued with a space, never splitting a character."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        limit = 75 if not parts else 74
        if len(current) + len(encoded) > limit:
            parts.append(current)
            current = b""
        current += encoded
    parts.append(current)
    return "\r\n ".join(part.decode() for part in parts)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime(UTC_FORMAT)


def deadline_event(page, request, now):
    url = page.get_full_url(request)
    host = request.get_host().split(":")[0] or "wijkkracht.example"
    closes = page.closes_at
    description = f"{page.intro}\n\n{url}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Wijkkracht//Open call//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:call-{page.translation_key}-deadline@{host}",
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
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{fold(line)}\r\n" for line in lines)
