"""Pages of a listing. A listing reads only the ids of its page (its cards are remembered
per id, portal.content.remember_many); ``paginate`` can remember those ids and the count
too, per listing, filters and page number, under the content version."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .content import remember
from .filters import key_of

# The key holds what a visitor typed in the filters: remembered in the shared cache for an
# hour at most (a new content version makes it unreachable sooner).
LISTING_TIMEOUT = 60 * 60


def paginate(request, object_list, per_page, *, remember_as=None, filters=None):
    """The requested page of a list; a page number that does not exist is a 404, not a 500.

    With ``remember_as`` (a name and the keys of the listing, such as its index page) the
    list must be of ids that depend only on published content and the query string: the
    ids of the page and the count are remembered, so a warm listing runs no query. Given
    ``filters`` (the values the listing understood, portal.filters), they key the list
    instead of the query string, so that a junk value or parameter adds no key."""
    number = request.GET.get("page") or 1
    if remember_as is None:
        return _page(Paginator(object_list, per_page), number)

    def build():
        page = _page(Paginator(object_list, per_page), number)
        return page.paginator.count, list(page.object_list), page.number

    if filters is not None:
        filters = key_of(filters)
    else:
        filters = urlencode(
            sorted(
                (key, value)
                for key, values in request.GET.lists()
                if key != "page"
                for value in values
            )
        )
    count, ids, number = remember(
        "listing", *remember_as, filters, number, build=build, timeout=LISTING_TIMEOUT
    )
    paginator = Paginator((), per_page)
    paginator.count = count  # a cached property: the count is known
    return Page(ids, number, paginator)


def _page(paginator, number):
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(_("This list has no such page.")) from error
