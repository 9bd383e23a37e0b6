"""A listing's filters read leniently: a value that is not one of a filter's choices (an old
link, a typo, a bot's guess) is left out with a message in the visitor's language, and the
list is shown without it, never a bare 404 or a 500.

The answer is the same list as the address without the unknown value, so the remembered
pieces (the page of ids, the filter form) are keyed on the values that were understood: a
junk value adds no key. The page itself is marked for no cache (``not_for_caches``): it
carries the message, so it is kept neither under its own address (one copy per junk
value) nor under the clean one (where the message does not belong). Status 200: the
visitor gets a working list and a link to the clean address; ``noindex`` keeps search
engines from collecting the junk addresses.
"""

from dataclasses import dataclass

from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.text import Truncator

SHOWN_LENGTH = 40


@dataclass(frozen=True)
class Unknown:
    """A filter value that was left out, and what the page says about it."""

    name: str
    value: str
    message: str


def unknown_value(name, value, message):
    """An ``Unknown``; ``message`` names the value as ``%(value)s`` (shortened when long)."""
    return Unknown(name, value, message % {"value": Truncator(value).chars(SHOWN_LENGTH)})


def lenient(form_class, data, names, messages, **kwargs):
    """``form_class`` bound to ``data`` (a dict) without the values of ``names`` that it does
    not accept, validated; and those values as ``Unknown``s. ``messages`` maps each name to
    a message with ``%(value)s``, such as "There is no theme “%(value)s” …"."""
    form = form_class(data=data, **kwargs)
    if form.is_valid():
        return form, []
    dropped = [name for name in names if name in form.errors and data.get(name)]
    if not dropped:
        return form, []
    unknown = [unknown_value(name, data[name], messages[name]) for name in dropped]
    form = form_class(data={**data, **dict.fromkeys(dropped, "")}, **kwargs)
    form.is_valid()
    return form, unknown


def query_without(request, names):
    """The query string of ``request`` without the parameters ``names``: "?…" or ""."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else ""


def key_of(values):
    """The filter values that were understood, as one stable key ("" for none)."""
    return urlencode(sorted((name, str(value)) for name, value in values.items() if value))


def not_for_caches(response):
    """A page that shows a message about the visitor's address: kept by no cache and no
    search engine (see the module's doc)."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
