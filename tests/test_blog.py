"""Stories: the index (order, pages, filters), the story page, feeds, translation, queries."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogPage, BlogPageAuthor, BlogPageTag, Person, Reaction
from portal.content import content_version
from portal.demo import translate_instance

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    PersonFactory,
    ReactionFactory,
    ThemeFactory,
)
from .utils import card_titles, count_queries, to_english, translate_through_admin, translated

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def blog(home_nl, home_en):
    """The Dutch story index and its English translation."""
    index = BlogIndexPageFactory(parent=home_nl)
    return index, translated(index)


@pytest.fixture
def themes(locale_en):
    """Two themes, translated to English."""
    made = [
        ThemeFactory(name="Energie", slug="energie", sort_order=0),
        ThemeFactory(name="Wonen", slug="wonen", sort_order=1),
    ]
    for theme in made:
        translate_instance(theme, locale_en, lambda msgid: {"Energie": "Energy"}.get(msgid, msgid))
    return made


def titles(response):
    return card_titles(response)


def in_english(page):
    """The English translation of ``page``, published the way an editor would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return translate_instance(page, Locale.objects.get(language_code="en"), to_english)


def translate_person(person, role="editor", bio="Writes about initiatives."):
    english = {person.role: role, person.bio: bio}
    return translate_instance(
        person, Locale.objects.get(language_code="en"), lambda msgid: english.get(msgid, msgid)
    )


# The index


def test_index_lists_live_stories_of_its_language_newest_first(client, blog):
    index, english = blog
    BlogPageFactory(parent=index, title="Oud", date=datetime.date(2026, 1, 5))
    BlogPageFactory(parent=index, title="Nieuw", date=datetime.date(2026, 6, 1))
    BlogPageFactory(parent=index, title="Midden", date=datetime.date(2026, 3, 1))
    BlogPageFactory(parent=index, title="Concept", date=datetime.date(2026, 7, 1), live=False)
    BlogPageFactory(parent=english, title="English story", date=datetime.date(2026, 8, 1))

    dutch = client.get(index.url)
    english_response = client.get(english.url)

    assert dutch.status_code == 200
    assert titles(dutch) == ["Nieuw", "Midden", "Oud"]
    assert "Concept" not in dutch.text
    assert titles(english_response) == ["English story"]
    assert "3 verhalen" in dutch.text
    assert "1 story" in english_response.text


def test_index_shows_twelve_a_page_with_page_numbers_in_the_url(client, blog):
    index, _english = blog
    for day in range(1, 15):
        BlogPageFactory(parent=index, title=f"Verhaal {day:02}", date=datetime.date(2026, 3, day))

    first = client.get(index.url)
    second = client.get(index.url, {"page": 2})

    assert titles(first) == [f"Verhaal {day:02}" for day in range(14, 2, -1)]
    assert titles(second) == ["Verhaal 02", "Verhaal 01"]
    assert 'href="?page=2"' in first.text
    assert 'rel="next"' in first.text
    assert "pagina 2" in second.text  # the page number is in the title


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5"])
def test_a_page_number_that_does_not_exist_is_a_404(client, blog, page):
    index, _english = blog
    BlogPageFactory(parent=index)

    assert client.get(index.url, {"page": page}).status_code == 404


def test_index_filters_by_theme(client, blog, themes):
    index, _english = blog
    energy, housing = themes
    BlogPageFactory(parent=index, title="Zonnedaken", themes=[energy])
    BlogPageFactory(parent=index, title="Wijkbedrijf", themes=[housing])
    BlogPageFactory(parent=index, title="Beide", themes=[energy, housing])

    response = client.get(index.url, {"theme": "energie"})

    assert sorted(titles(response)) == ["Beide", "Zonnedaken"]
    assert response.context["active_theme"].slug == "energie"
    assert '<option value="energie" selected>' in response.text
    # The filter is shown, and a link removes it.
    assert "Thema:</span> Energie" in response.text
    assert 'class="active-filters__item" href="?"' in response.text


def test_index_filters_by_tag(client, blog):
    index, _english = blog
    BlogPageFactory(parent=index, title="In Amersfoort", tags=["Amersfoort", "MAEX"])
    BlogPageFactory(parent=index, title="Elders", tags=["MAEX"])

    response = client.get(index.url, {"tag": "amersfoort"})

    assert titles(response) == ["In Amersfoort"]
    assert "Tag:</span> Amersfoort" in response.text
    assert '<option value="amersfoort" selected>' in response.text


def test_theme_and_tag_filters_combine_and_each_can_be_removed(client, blog, themes):
    index, _english = blog
    energy, housing = themes
    BlogPageFactory(parent=index, title="Raak", themes=[energy], tags=["MAEX"])
    BlogPageFactory(parent=index, title="Ander thema", themes=[housing], tags=["MAEX"])
    BlogPageFactory(parent=index, title="Andere tag", themes=[energy], tags=["Utrecht"])

    response = client.get(index.url, {"theme": "energie", "tag": "maex"})

    assert titles(response) == ["Raak"]
    assert 'href="?tag=maex"' in response.text  # removes the theme, keeps the tag
    assert 'href="?theme=energie"' in response.text  # removes the tag, keeps the theme
    assert "Alle filters wissen" in response.text


def test_filters_say_so_when_nothing_matches(client, blog, themes):
    index, _english = blog
    BlogPageFactory(parent=index, themes=[themes[0]])

    response = client.get(index.url, {"theme": "wonen"})

    assert response.status_code == 200
    assert "Geen verhalen met deze filters." in response.text


@pytest.mark.parametrize(
    "query",
    [{"theme": "bestaat-niet"}, {"tag": "bestaat-niet"}, {"theme": "x" * 500}, {"tag": "y" * 500}],
)
def test_an_unknown_filter_value_shows_all_stories_with_a_message(client, blog, themes, query):
    index, _english = blog
    BlogPageFactory(parent=index, title="Zonnedaken", themes=[themes[0]], tags=["MAEX"])

    response = client.get(index.url, query)

    assert response.status_code == 200
    assert titles(response) == ["Zonnedaken"]
    assert "Er is geen " in response.text
    assert f'href="{index.url}">Toon de lijst zonder' in response.text


def test_filters_work_in_english_with_english_theme_names(client, blog, themes):
    index, english_index = blog
    story = BlogPageFactory(parent=index, title="Zonnedaken", themes=[themes[0]])
    english = in_english(story)

    response = client.get(english_index.url, {"theme": "energie"})

    assert titles(response) == [english.title]
    assert "Theme:</span> Energy" in response.text
    assert '<option value="energie" selected>Energy</option>' in response.text


def test_a_card_shows_image_date_authors_themes_and_intro(client, blog, themes):
    index, _english = blog
    BlogPageFactory(
        parent=index,
        title="Zwammen op koffiedik",
        intro="Restaurants geven hun koffieprut.",
        date=datetime.date(2026, 5, 4),
        listing_image=ImageFactory(),
        themes=[themes[0]],
        authors=[PersonFactory(name="Anouk Verbeek"), PersonFactory(name="Hamid El Amrani")],
    )

    response = client.get(index.url)

    card = response.text[response.text.index('<article class="card">') :]
    card = card[: card.index("</article>")]
    assert "4 mei 2026 · Anouk Verbeek en Hamid El Amrani" in card
    assert "Restaurants geven hun koffieprut." in card
    assert "Energie" in card
    assert 'type="image/webp"' in card and "srcset=" in card


def test_index_offers_its_feeds_in_the_head_and_as_links(client, blog, themes):
    index, _english = blog
    BlogPageFactory(parent=index, themes=[themes[0]])

    plain = client.get(index.url).text
    themed = client.get(index.url, {"theme": "energie"}).text

    assert '<link rel="alternate" type="application/rss+xml"' in plain
    assert 'href="/nl/verhalen/rss/"' in plain and 'href="/nl/verhalen/atom/"' in plain
    assert 'href="/nl/verhalen/rss/energie/"' in themed
    assert 'href="/nl/verhalen/atom/energie/"' in themed


# The story page


@pytest.fixture
def story(blog, themes):
    index, _english = blog
    author = PersonFactory(
        name="Anouk Verbeek", role="redacteur", bio="Schrijft over de wijk.", photo=ImageFactory()
    )
    page = BlogPageFactory(
        parent=index,
        title="Regionomie in Amersfoort",
        slug="regionomie",
        intro="Veertig Amersfoorters op reis.",
        date=datetime.date(2026, 10, 6),
        listing_image=ImageFactory(description="Huizen aan een gracht"),
        themes=themes,
        tags=["Amersfoort", "Blue Economy"],
        authors=[author],
        body=[
            (
                "paragraph",
                "<p>" + " ".join(["woord"] * 450) + "</p>",
            ),
            ("quote", {"quote": "Samen bouwen", "attribution": "Sandra"}),
        ],
    )
    page.save_revision().publish()
    return page


def test_story_shows_date_authors_reading_time_themes_and_tags(client, story):
    response = client.get(story.url)

    assert response.status_code == 200
    text = response.text
    assert '<time datetime="2026-10-06">6 oktober 2026</time>' in text
    assert "Anouk Verbeek" in text and "redacteur" in text and "Schrijft over de wijk." in text
    assert "Leestijd: 3 minuten" in text
    assert 'href="/nl/verhalen/?theme=energie"' in text
    assert 'href="/nl/verhalen/?tag=amersfoort" rel="tag"' in text
    assert "Samen bouwen" in text


def test_story_image_is_responsive_with_webp_and_alt_text(client, story):
    story.listing_image = ImageFactory(
        description="Huizen aan een gracht", file__width=1600, file__height=900
    )
    story.save_revision().publish()

    text = client.get(story.url).text

    picture = text[text.index('<figure class="story__image">') :]
    picture = picture[: picture.index("</figure>")]
    assert 'type="image/webp"' in picture
    assert picture.count(" 1600w") == 2  # both formats, every width in srcset
    assert 'alt="Huizen aan een gracht"' in picture


def test_story_share_links_are_plain_urls_without_scripts(client, story):
    text = client.get(story.url).text

    full_url = "http%3A%2F%2Ftestserver%2Fnl%2Fverhalen%2Fregionomie%2F"
    assert 'href="mailto:?subject=Regionomie%20in%20Amersfoort&amp;body=' in text
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={full_url}" in text
    assert f"https://wa.me/?text=Regionomie%20in%20Amersfoort%20{full_url}" in text
    assert f"https://share.joinmastodon.org/#text=Regionomie%20in%20Amersfoort%20{full_url}" in text
    assert 'data-copy-link="http://testserver/nl/verhalen/regionomie/"' in text
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", text)
    assert all(src.startswith("/static/") for src in scripts)


def test_story_has_open_graph_tags_and_json_ld_blog_posting(client, story):
    text = client.get(story.url).text

    assert '<meta property="og:type" content="article">' in text
    assert '<meta property="og:url" content="http://testserver/nl/verhalen/regionomie/">' in text
    og_image = r'<meta property="og:image" content="http://testserver/media/[^"]+\.jpg">'
    assert re.search(og_image, text)
    assert '<meta property="article:published_time" content="2026-10-06">' in text
    assert '<meta property="article:tag" content="Amersfoort">' in text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text)[1])
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Regionomie in Amersfoort"
    assert data["datePublished"] == "2026-10-06"
    assert data["inLanguage"] == "nl"
    assert data["author"] == [{"@type": "Person", "name": "Anouk Verbeek", "jobTitle": "redacteur"}]
    assert data["keywords"] == "Amersfoort, Blue Economy"
    assert data["image"].startswith("http://testserver/media/")


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, blog):
    index, _english = blog
    page = BlogPageFactory(parent=index, title="</script><script>alert(1)</script>")

    text = client.get(page.url).text

    assert "<script>alert(1)" not in text
    assert "\\u003C/script\\u003E" in text


def test_related_stories_share_themes_and_language_most_shared_first(client, blog, themes, story):
    index, english_index = blog
    energy, housing = themes
    other = ThemeFactory(name="Zorg", slug="zorg")
    BlogPageFactory(
        parent=index, title="Een thema", themes=[energy], date=datetime.date(2026, 9, 1)
    )
    BlogPageFactory(parent=index, title="Twee thema's", themes=[energy, housing])
    BlogPageFactory(parent=index, title="Ander thema", themes=[other])
    BlogPageFactory(parent=index, title="Niet live", themes=[energy], live=False)
    BlogPageFactory(parent=english_index, title="English", themes=[energy, housing])

    related = client.get(story.url).context["related_posts"]

    assert [post.title for post in related] == ["Twee thema's", "Een thema"]


def test_a_story_in_english_shows_translated_authors_and_themes(client, story, locale_en):
    author = story.authors.first().person
    translate_person(author, role="editor", bio="Writes about the neighbourhood.")
    english = in_english(story)

    response = client.get(english.url)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "editor" in response.text and "Writes about the neighbourhood." in response.text
    assert "redacteur" not in response.text
    assert "Energy" in response.text
    assert "Reading time: 3 minutes" in response.text


def test_a_changed_author_shows_at_once(client, story):
    client.get(story.url)
    person = story.authors.first().person
    person.role = "hoofdredacteur"
    person.save()

    assert "hoofdredacteur" in client.get(story.url).text


def test_slugs_of_the_feeds_are_refused_for_stories(blog):
    index, _english = blog
    page = BlogPage(title="RSS", slug="rss", intro="x")

    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "slug" in error.value.message_dict


# Feeds


def feed_items(response):
    root = ET.fromstring(response.content)
    return root, root.find("channel")


def test_rss_feed_is_rss_2_with_language_and_absolute_links(client, blog, themes):
    index, _english = blog
    BlogPageFactory(
        parent=index, title="Oud", slug="oud", date=datetime.date(2026, 1, 1), themes=[themes[0]]
    )
    BlogPageFactory(
        parent=index,
        title="Nieuw",
        slug="nieuw",
        date=datetime.date(2026, 2, 1),
        authors=[PersonFactory(name="Anouk Verbeek")],
    )

    response = client.get("/nl/verhalen/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root, channel = feed_items(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert channel.findtext("language") == "nl"
    assert channel.findtext("link") == "http://testserver/nl/verhalen/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nieuw", "Oud"]
    assert items[0].findtext("link") == "http://testserver/nl/verhalen/nieuw/"
    assert items[1].findtext("category") == "Energie"
    assert "Anouk Verbeek" in ET.tostring(items[0], encoding="unicode")
    assert items[0].findtext("pubDate").startswith("Sun, 01 Feb 2026")


def test_atom_feed_is_atom_with_language_and_self_link(client, blog):
    index, _english = blog
    BlogPageFactory(parent=index, title="Nieuw", slug="nieuw")

    response = client.get("/nl/verhalen/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == "nl"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/nl/verhalen/atom/"
    assert links["alternate"] == "http://testserver/nl/verhalen/"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Nieuw"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/nl/verhalen/nieuw/"


def test_theme_feeds_hold_only_that_themes_stories(client, blog, themes):
    index, _english = blog
    BlogPageFactory(parent=index, title="Energie", themes=[themes[0]])
    BlogPageFactory(parent=index, title="Wonen", themes=[themes[1]])

    rss = client.get("/nl/verhalen/rss/energie/")
    atom = client.get("/nl/verhalen/atom/energie/")

    _root, channel = feed_items(rss)
    assert [item.findtext("title") for item in channel.findall("item")] == ["Energie"]
    assert channel.findtext("link") == "http://testserver/nl/verhalen/?theme=energie"
    entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Energie"]


def test_english_feeds_are_in_english_with_english_links(client, blog, themes, locale_en):
    index, _english = blog
    story = BlogPageFactory(parent=index, title="Zonnedaken", themes=[themes[0]])
    english = in_english(story)

    _root, channel = feed_items(client.get("/en/verhalen/rss/energie/"))
    atom = ET.fromstring(client.get("/en/verhalen/atom/").content)

    assert channel.findtext("language") == "en"
    (item,) = channel.findall("item")
    assert item.findtext("title") == english.title
    assert item.findtext("link") == f"http://testserver{english.url}"
    assert item.findtext("category") == "Energy"
    assert atom.get(XML_LANG) == "en"


@pytest.mark.parametrize("path", ["/nl/verhalen/json/", "/nl/verhalen/rss/onbekend/"])
def test_unknown_feeds_are_404(client, blog, themes, path):
    assert client.get(path).status_code == 404


# Translation


def test_translation_keeps_themes_tags_authors_and_date(admin_client, client, blog, themes):
    index, _english = blog
    person = PersonFactory(name="Marieke de Boer", role="onderzoeker")
    translate_person(person, role="researcher")
    story = BlogPageFactory(
        parent=index,
        title="Bewonersinitiatief is niet elitair",
        date=datetime.date(2026, 11, 12),
        themes=themes,
        tags=["MAEX", "LSA"],
        authors=[person],
    )
    story.save_revision().publish()

    english = translate_through_admin(admin_client, story)

    assert english.date == datetime.date(2026, 11, 12)
    assert list(english.themes.all()) == themes
    assert sorted(tag.name for tag in english.tags.all()) == ["LSA", "MAEX"]
    assert [author.person for author in english.authors.all()] == [person]
    response = client.get(english.url)
    assert "researcher" in response.text and "Marieke de Boer" in response.text
    assert "Energy" in response.text
    assert 'href="/en/verhalen/?tag=maex"' in response.text


def test_changing_tags_and_authors_on_the_dutch_story_follows_on_resync(blog, locale_en):
    index, _english = blog
    first, second = PersonFactory(), PersonFactory()
    story = BlogPageFactory(parent=index, tags=["MAEX"], authors=[first])
    story.save_revision().publish()
    in_english(story)

    story = BlogPage.objects.get(pk=story.pk)
    story.tags.set(["LSA"])
    story.authors = [BlogPageAuthor(person=second)]
    story.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = in_english(story)

    english = BlogPage.objects.get(pk=english.pk)
    assert [tag.name for tag in english.tags.all()] == ["LSA"]
    assert [author.person for author in english.authors.all()] == [second]


def test_clearing_tags_and_authors_on_the_dutch_story_clears_them_on_resync(blog):
    index, _english = blog
    story = BlogPageFactory(parent=index, tags=["MAEX"], authors=[PersonFactory()])
    story.save_revision().publish()
    in_english(story)

    story = BlogPage.objects.get(pk=story.pk)
    story.tags.set([])
    story.authors = []
    story.save_revision().publish()
    english = BlogPage.objects.get(pk=in_english(story).pk)

    assert list(english.tags.all()) == []
    assert list(english.authors.all()) == []


# Queries


def populate(index, count, themes, image):
    """``count`` stories under ``index``, each with ``count`` authors, tags and approved
    reactions; the people are translated to English."""
    people = PersonFactory.create_batch(count, photo=image)
    for person in people:
        Person.objects.create(
            locale=Locale.objects.get(language_code="en"),
            translation_key=person.translation_key,
            name=person.name,
            role="editor",
            photo=image,
        )
    tags = [Tag.objects.create(name=f"tag {index.pk}-{count}-{n}") for n in range(count)]
    stories = [
        BlogPageFactory(parent=index, listing_image=image, themes=themes[:1]) for _n in range(count)
    ]
    BlogPageAuthor.objects.bulk_create(
        BlogPageAuthor(page=story, person=person, sort_order=position)
        for story in stories
        for position, person in enumerate(people)
    )
    BlogPageTag.objects.bulk_create(
        BlogPageTag(content_object=story, tag=tag) for story in stories for tag in tags
    )
    now = timezone.now()
    Reaction.objects.bulk_create(
        Reaction(
            page=story,
            name=f"Bewoner {n}",
            email="b@example.org",
            text="Mooi.",
            status=Reaction.Status.APPROVED,
            reference=f"RE-{story.pk}-{n}",
            submission_key=f"{story.pk}-{n}",
            created_at=now,
        )
        for story in stories
        for n in range(count)
    )
    return stories


@pytest.mark.parametrize("language", ["nl", "en"])
def test_index_and_story_queries_do_not_grow_with_stories_authors_tags_reactions(
    client, blog, themes, language
):
    index = blog[0] if language == "nl" else blog[1]
    image = ImageFactory()
    story = populate(index, 3, themes, image)[0]
    filtered = f"{index.url}?theme=energie&tag={story.tags.first().slug}"
    urls = [index.url, filtered, story.url, f"{index.url}rss/"]
    few = {url: count_queries(client, url, cached=False) for url in urls}

    more = populate(index, 40, themes, image)
    BlogPageAuthor.objects.bulk_create(
        BlogPageAuthor(page=story, person=author.person, sort_order=10 + n)
        for n, author in enumerate(more[0].authors.all())
    )
    BlogPageTag.objects.bulk_create(
        BlogPageTag(content_object=story, tag=item.tag) for item in more[0].tagged_items.all()
    )
    ReactionFactory.create_batch(40, page=story)

    assert story.authors.count() == 43 and story.reactions.approved().count() == 43
    assert story.tags.count() == 43
    many = {url: count_queries(client, url, cached=False) for url in urls}
    assert many == few
    assert count_queries(client, index.url) <= 15
    assert count_queries(client, filtered) <= 15
    assert count_queries(client, story.url) <= 12


def test_a_preview_shows_the_draft_not_the_cached_live_story(client, story):
    client.get(story.url)  # the live story's extras are now cached
    draft = BlogPage.objects.get(pk=story.pk)
    draft.tags.set(["Concept-tag"])

    response = draft.make_preview_request()

    assert response.status_code == 200
    assert "Concept-tag" in response.content.decode()
    assert "Concept-tag" not in client.get(story.url).text


def test_a_replaced_author_photo_shows_at_once(client, story):
    client.get(story.url)
    photo = story.authors.first().person.photo
    new_file = ImageFactory.build(file__width=300, file__height=300, file__filename="nieuw.jpg")

    version = content_version()

    # What Wagtail's image form does when a file is replaced.
    photo.file = new_file.file
    photo.save()
    photo.renditions.all().delete()

    assert content_version() != version  # the cached authors are built again

    # Renditions are named after the original file: nieuw.<hash>... or nieuw_<suffix>...
    assert "/media/images/nieuw" in client.get(story.url).text


def test_editors_keep_the_authors_and_others_cannot(client, django_user_model):
    add_url = reverse("wagtailsnippets_blog_person:add")
    editor = django_user_model.objects.create_user("redacteur", "r@example.org", "geheim")
    editor.groups.add(Group.objects.get(name="Editors"))
    reader = django_user_model.objects.create_user("lezer", "l@example.org", "geheim")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(editor)
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, {"name": "Joost van Dijk", "role": "coach", "bio": ""})
    assert response.status_code == 302
    assert Person.objects.filter(name="Joost van Dijk").exists()
    client.force_login(reader)
    assert client.get(add_url).status_code in (302, 403)
