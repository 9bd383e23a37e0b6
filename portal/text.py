"""What visitors type, made safe to show: no characters that turn text around, no web
addresses that lead anywhere but the public web.

Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) are
invisible and reorder what follows them: "Fatima\u202egnp.exe" reads as "Fatimaexe.png", and
a name in a moderation list or a mail can pose as something else. Nobody means to type them
in a name or a message, and the browser already sets the direction of Arabic or Hebrew text
on its own, so they are removed rather than refused (a visitor who pasted one should not
have to hunt for an invisible character). The directional marks (LRM, RLM, ALM) stay: they
turn nothing around, and mixed-direction text may need them.

A web address a citizen gives is published as a link on a profile: only http and https to
a host with a public name. IP addresses are refused, public ones included: an initiative's
site has a name, and an address by number is a typing error or a probe of the network
behind the site. So are user names in the address ("https://gemeente.nl@elders.example"),
which make a link look as if it goes somewhere it does not.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Names that never lead to the public web (RFC 6761, 6762, 8375 and common private use).
PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test")


def without_bidi_controls(text):
    return BIDI_CONTROLS.sub("", text)


def validate_public_web_address(value):
    """For a URLField that already checked the address's form."""
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(
            _("Give a web address that starts with http:// or https://."), code="scheme"
        )
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            _("Leave the user name and password out of the web address."), code="userinfo"
        )
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or is_ip_address(host) or not is_public_name(host):
        raise ValidationError(
            _(
                "Give the address of a public website, such as https://www.example.nl: not an "
                "IP address, localhost or a name without a domain."
            ),
            code="host",
        )


def is_ip_address(host):
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_public_name(host):
    return "." in host and host != "localhost" and not host.endswith(PRIVATE_SUFFIXES)
