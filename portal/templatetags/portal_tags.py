from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from portal.content import public, remember
from portal.forms import BlankForm, form_token
from portal.i18n import localize_pages, localize_themes
from portal.models import Navigation

register = template.Library()

# Fragments may be keyed by what a visitor typed (a listing's filters): kept for an hour.
FRAGMENT_TIMEOUT = 60 * 60


def _menu_items(stream):
    blocks = [block.value for block in stream]
    pages = localize_pages([value["page"] for value in blocks])
    items = []
    for value, page in zip(blocks, pages, strict=True):
        if page is not None:
            if not page.live:
                continue
            items.append({"label": value["label"] or page.title, "url": page.get_url()})
        elif value["url"]:
            items.append({"label": value["label"], "url": value["url"]})
    return items


def _navigation():
    def build():
        source = Navigation.for_active_locale()
        return {
            "main": _menu_items(source.main_menu) if source else [],
            "footer": _menu_items(source.footer_links) if source else [],
            "text": source.footer_text if source else "",
        }

    return remember("navigation", translation.get_language(), build=build)


@register.simple_tag(takes_context=True)
def navigation(context):
    """Main menu and footer of the visitor's language, the current section marked."""
    path = context["request"].path
    home = reverse("wagtail_serve", args=[""])
    navigation = _navigation()

    def mark(items):
        return [
            {
                **item,
                "current": item["url"] == path,
                "in_section": item["url"] != home and path.startswith(item["url"]),
            }
            for item in items
        ]

    return {**navigation, "main": mark(navigation["main"]), "footer": mark(navigation["footer"])}


def home_url(language_code):
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def _page_links(request, page, route, current):
    translations = {
        other.locale.language_code: other
        for other in public(page.get_translations(inclusive=True).live()).select_related("locale")
    }
    links = []
    for code, name in settings.LANGUAGES:
        other = translations.get(code)
        url = other.get_url(request) if other else home_url(code)
        if other and route:
            name, kwargs = (route, {}) if isinstance(route, str) else route
            with translation.override(code):
                url += page.reverse_subpage(name, kwargs=kwargs).lstrip("/")
        links.append(_link(code, name, url, other, current))
    return links


def _site_id(request):
    site = Site.find_for_request(request)
    return site.pk if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """Per language: the same page in it, or that language's home when not translated.

    ``available`` tells whether the link leads to the same content; only those are hreflang
    alternates. Views that are not pages are translated through their URL patterns. A page's
    links are remembered per content version (portal.content).
    """
    request = context["request"]
    page = context.get("page")
    # A sub-address of a routable page (a form, a figures page) names its route, and its
    # arguments as ``(name, kwargs)`` (a question's reference), so that its translation is
    # the same sub-address of the translated page.
    route = context.get("subpage_route")
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        links = remember(
            "language-links",
            page.pk,
            route,
            current,
            _site_id(request),
            build=lambda: _page_links(request, page, route, current),
            fresh=getattr(request, "is_preview", False),
        )
        links = [dict(link) for link in links]  # what follows is this request's own
        # Filters are stable codes in both languages: the switcher keeps them (not the page
        # number, as the other language's list may be longer or shorter).
        params = request.GET.copy()
        params.pop("page", None)
        query = f"?{params.urlencode()}" if params else ""
        for link in links:
            link["absolute_url"] = request.build_absolute_uri(link["url"])
            if link["available"] and query:
                link["url"] += query
        return links
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            available = url != request.get_full_path() or code == current
            links.append(
                _link(code, name, url if available else home_url(code), available, current)
            )
    for link in links:
        link["absolute_url"] = request.build_absolute_uri(link["url"])
    return links


def _link(code, name, url, available, current):
    return {
        "code": code,
        "name": name,
        "url": url,
        "available": bool(available),
        "current": code == current,
    }


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The page's ancestors below the home page, as title and address; remembered per
    content version (portal.content)."""
    request = context.get("request")

    def build():
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors()[2:]
        ]

    if not page.pk:
        return build()
    return remember("breadcrumbs", page.pk, _site_id(request), build=build)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    if url := context.get("canonical_url"):
        return request.build_absolute_uri(url)
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """The page in the visitor's language, from the map BasePage puts in the context."""
    if page is None:
        return None
    return context.get("localized_pages", {}).get(page.pk, page)


@register.filter
def localized_themes(themes):
    """``page.themes.all|localized_themes``: the visitor's language, without extra queries."""
    return localize_themes(themes)


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with some parameters changed (None removes one).

    Any change but of the page number itself starts again at the first page.
    """
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def map_settings():
    """The tile address and the attribution Leaflet shows, in the active language. The
    attribution is HTML for Leaflet, kept a plain string so the template escapes it into
    its data attribute."""
    name, url = settings.MAP_ATTRIBUTION
    attribution = f'{escape(_("Map data"))} &copy; <a href="{escape(url)}">{escape(name)}</a>'
    return {"tiles": settings.MAP_TILE_URL, "attribution": attribution}


@register.inclusion_tag("includes/privacy_notice.html", takes_context=True)
def privacy_notice(context, submission):
    """What was stored, why and until when, with the self-service link (portal.privacy)."""
    from portal.privacy import self_service_path

    if submission is None:
        return {"privacy": None}
    return {"privacy": submission.self_service(), "url": self_service_path(submission)}


@register.simple_tag
def privacy_notice_mail(submission):
    """The same notice as plain text for mail, with the full link."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from portal.privacy import self_service_url

    text = render_to_string(
        "includes/privacy_notice.txt",
        {"privacy": submission.self_service(), "url": self_service_url(submission)},
    )
    return mark_safe(text)  # plain text for mail; the include escapes nothing either


@register.simple_tag
def retention_periods():
    """{% retention_periods as periods %}: each kind of submission, its period and purpose
    (portal.privacy.retention_periods), for a privacy statement."""
    from portal.privacy import retention_periods as periods

    return periods()


@register.simple_tag
def page_numbers(page):
    """{% page_numbers page_obj as numbers %}: the first and last page numbers and two on
    either side of the current one; None where numbers are left out. Never all of them: a
    listing at scale has hundreds of pages."""
    paginator = page.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag
def language_name(code):
    """A language's name in the visitor's language ("Dutch", "Nederlands")."""
    from portal.freshness import LANGUAGE_NAMES

    return LANGUAGE_NAMES.get(code, code)


class RememberedFormNode(template.Node):
    def __init__(self, form, parts, nodelist):
        self.form, self.parts, self.nodelist = form, parts, nodelist

    def render(self, context):
        form = self.form.resolve(context)
        if isinstance(form, BlankForm):  # built only when its HTML is rendered afresh
            form_class, build = form.form_class, form.build
        elif form is None or form.is_bound or form.initial or "form_token" not in form.fields:
            return self.nodelist.render(context)
        else:
            form_class, build = type(form), lambda: form

        def draw():
            built = build()
            with context.push({self.form.token: built}):
                return built.fields["form_token"].initial, self.nodelist.render(context)

        if getattr(context.get("request"), "is_preview", False):
            return draw()[1]
        parts = [part.resolve(context) for part in self.parts]
        drawn, html = remember(
            "form-html", form_class.__name__, translation.get_language(), *parts, build=draw
        )
        return mark_safe(html.replace(drawn, form_token()))  # noqa: S308 - our own template's output


@register.tag
def remember_form(parser, token):
    """``{% remember_form form key… %}…{% endremember_form %}``: a blank public form, as
    rendered HTML, remembered per form class, language, the given keys (the page it is on)
    and content version. Widgets render through a template each, which makes a long form the
    dearest part of its page. Only a form with no data and no initial values of its own is
    remembered; its one-time token (portal.forms) is the visitor's own, put in afresh."""
    form, *parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if form.filters:
        raise template.TemplateSyntaxError("remember_form takes the form as a plain variable")
    nodelist = parser.parse(("endremember_form",))
    parser.delete_first_token()
    return RememberedFormNode(form, parts, nodelist)


class RememberedFragmentNode(template.Node):
    def __init__(self, parts, nodelist):
        self.parts, self.nodelist = parts, nodelist

    def render(self, context):
        if getattr(context.get("request"), "is_preview", False):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        html = remember(
            "fragment",
            translation.get_language(),
            *parts,
            build=lambda: self.nodelist.render(context),
            timeout=FRAGMENT_TIMEOUT,
        )
        return mark_safe(html)  # noqa: S308 - our own template's output


@register.tag
def remember_fragment(parser, token):
    """``{% remember_fragment "name" key… %}…{% endremember_fragment %}``: HTML that depends
    only on published content, remembered per name, keys (the page it shows), language and
    content version (portal.content). A preview renders it afresh."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endremember_fragment",))
    parser.delete_first_token()
    return RememberedFragmentNode(parts, nodelist)
