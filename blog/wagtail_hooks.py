from django.db.models import Prefetch
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from portal.audiences import tagged_for
from portal.dashboard import queue_of
from portal.home import Figure, HomeSection
from portal.i18n import active_locale

from .models import BlogIndexPage, BlogPage, BlogPageAuthor, Reaction, with_author_names
from .viewsets import (
    ApproveBulkAction,
    PendingBulkAction,
    ReactionPermissionPolicy,
    SpamBulkAction,
    StoriesViewSetGroup,
)

register_permission_policy(Reaction, ReactionPermissionPolicy(Reaction), exact_class=True)
register_snippet(StoriesViewSetGroup)

for action in (ApproveBulkAction, SpamBulkAction, PendingBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("portal_work_queues")
def reactions_to_moderate(request):
    if not ReactionPermissionPolicy(Reaction).user_has_permission(request.user, "change"):
        return None
    return queue_of(
        Reaction.objects.pending(),
        _("Reactions to moderate"),
        reverse("wagtailsnippets_blog_reaction:list") + "?status=pending",
        order=40,
    )


@hooks.register("portal_home_sections", order=10)
def latest_stories(request, home_page):
    posts = list(
        BlogPage.objects.visible()
        .filter(locale=active_locale())
        .select_related("listing_image")
        .prefetch_related(
            "listing_image__renditions",
            Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")),
        )
        .order_by("-date", "-pk")[:3]
    )
    if not posts:
        return None
    with_author_names(posts)
    index = BlogIndexPage.objects.live().filter(locale=active_locale()).first()
    return HomeSection("blog/includes/home_section.html", {"posts": posts, "index": index})


@hooks.register("portal_audience_sections", order=10)
def stories_for_audience(request, audience):
    """The latest stories tagged for an audience, and the index filtered to all of them."""
    tagged = BlogPage.objects.visible().filter(tagged_for(audience), locale=active_locale())
    posts = list(
        tagged.select_related("listing_image")
        .prefetch_related(
            "listing_image__renditions",
            Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")),
        )
        .order_by("-date", "-pk")[:3]
    )
    if not posts:
        return None
    with_author_names(posts)
    index = BlogIndexPage.objects.live().filter(locale=active_locale()).first()
    index_url = index.get_url(request) if index else ""
    return HomeSection(
        "blog/includes/audience_section.html",
        {
            "posts": posts,
            "count": tagged.count(),
            "index_url": f"{index_url}?{urlencode({'audience': audience})}" if index_url else "",
        },
    )


@hooks.register("portal_headline_figures", order=30)
def story_figures():
    count = BlogPage.objects.live().filter(locale__language_code="nl").count()
    return [Figure(count, _("stories from the network"))] if count else []


@hooks.register("portal_load_demo", order=20)
def load_blog_demo(demo):
    from .demo import load_blog

    load_blog(demo)


@hooks.register("portal_related_stories")
def stories_about(locale, theme_slugs, names, limit):
    """Stories that name one of ``names`` (in a tag, the title or the introduction) first,
    then those sharing most themes (see portal.related)."""
    from django.db.models import (
        Case,
        Count,
        Exists,
        IntegerField,
        OuterRef,
        Q,
        Subquery,
        Value,
        When,
    )
    from django.db.models.functions import Coalesce

    from .models import BlogPageTag

    if not names and not theme_slugs:
        return []
    naming = Q(pk__in=[])
    for name in names:
        naming |= Q(title__icontains=name) | Q(intro__icontains=name)
        naming |= Exists(
            BlogPageTag.objects.filter(content_object_id=OuterRef("pk"), tag__name__iexact=name)
        )
    theme_rows = BlogPage.themes.through.objects.filter(
        blogpage_id=OuterRef("pk"), theme__slug__in=theme_slugs
    )
    shared = theme_rows.order_by().values("blogpage_id").annotate(n=Count("pk")).values("n")
    return list(
        BlogPage.objects.visible()
        .filter(locale=locale)
        .filter(naming | Exists(theme_rows))
        .annotate(
            names_it=Case(When(naming, then=Value(1)), default=Value(0)),
            shared_themes=Coalesce(Subquery(shared, output_field=IntegerField()), 0),
        )
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-names_it", "-shared_themes", "-date", "-pk")[:limit]
    )


@hooks.register("portal_generate_scale_data", order=20)
def generate_blog_scale_data(scale):
    from .scale import generate_stories

    generate_stories(scale)


@hooks.register("portal_open_data_api")
def open_data_api():
    from .api import routes

    return routes()
