"""iCalendar files (RFC 5545) for the visitor's own calendar: the parts every app shares."""

import datetime

UTC_FORMAT = "%Y%m%dT%H%M%SZ"
DATE_FORMAT = "%Y%m%d"


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


def day(date):
    return date.strftime(DATE_FORMAT)


def host_of(request):
    return request.get_host().split(":")[0] or "wijkkracht.example"


def calendar(events, product, name=None):
    """A VCALENDAR of ``events`` (each a list of content lines), folded, CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Wijkkracht//{product}//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
