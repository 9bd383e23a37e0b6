"""Every page type: where it may be created, and that it renders in both languages."""

import pytest
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, BlogPage
from calls.models import OpenCallPage, QuestionPage
from home.models import HomePage, StandardPage
from livinglabs.models import LivingLabIndexPage, LivingLabPage
from members.models import MemberIndexPage, MemberPage

from .factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    OpenCallPageFactory,
    QuestionPageFactory,
    StandardPageFactory,
)
from .utils import translated

pytestmark = pytest.mark.django_db


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_sit_under_home(self):
        for model in (
            BlogIndexPage,
            MemberIndexPage,
            LivingLabIndexPage,
            OpenCallPage,
            QuestionPage,
        ):
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_standard_pages_sit_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_detail_pages_sit_under_their_index(self):
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedParentPageTypes(MemberPage, {MemberIndexPage})
        self.assertAllowedParentPageTypes(LivingLabPage, {LivingLabIndexPage})

    def test_leaf_pages_have_no_children(self):
        for model in (BlogPage, MemberPage, LivingLabPage, OpenCallPage, QuestionPage):
            self.assertAllowedSubpageTypes(model, set())

    def test_home_offers_every_section(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                BlogIndexPage,
                MemberIndexPage,
                LivingLabIndexPage,
                OpenCallPage,
                QuestionPage,
            },
        )


def build_every_page_type(home):
    blog = BlogIndexPageFactory(parent=home)
    members = MemberIndexPageFactory(parent=home)
    labs = LivingLabIndexPageFactory(parent=home)
    return [
        home,
        StandardPageFactory(parent=home, slug="over-ons"),
        blog,
        BlogPageFactory(parent=blog, slug="een-verhaal"),
        members,
        MemberPageFactory(parent=members, slug="een-initiatief"),
        labs,
        LivingLabPageFactory(parent=labs, slug="een-lab"),
        OpenCallPageFactory(parent=home),
        QuestionPageFactory(parent=home),
    ]


def test_every_page_type_renders_in_both_languages(client, home_nl, home_en):
    pages = build_every_page_type(home_nl)
    for page in pages[1:]:
        translated(page)

    for page in pages:
        for language in ("nl", "en"):
            target = page.get_translation(Locale.objects.get(language_code=language))
            response = client.get(target.url)
            assert response.status_code == 200, (target.url, response.status_code)
            assert response.headers["Content-Language"] == language
            assert "<h1" in response.text
            assert '<meta name="description" content="' in response.text


def test_editor_can_create_every_page_type_in_the_admin(admin_client, home_nl):
    for model in (
        StandardPage,
        BlogIndexPage,
        MemberIndexPage,
        LivingLabIndexPage,
        OpenCallPage,
        QuestionPage,
    ):
        response = admin_client.get(
            f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{home_nl.pk}/"
        )
        assert response.status_code == 200, model


def test_standard_page_renders_every_body_block(client, home_nl):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from .factories import ImageFactory

    document = Document.objects.create(
        title="Jaarverslag", file=ContentFile(b"%PDF-1.4 test", name="jaarverslag.pdf")
    )
    target = StandardPageFactory(parent=home_nl, title="Doel", slug="doel")
    page = StandardPageFactory(
        parent=home_nl,
        slug="alles",
        body=[
            ("heading", "Een tussenkop"),
            ("paragraph", "<p>Een alinea met <b>nadruk</b>.</p>"),
            ("image", {"image": ImageFactory(), "caption": "Moestuin", "credit": "Sanne"}),
            ("quote", {"quote": "Samen sterker.", "attribution": "Een bewoner"}),
            (
                "call_to_action",
                {
                    "title": "Doe mee",
                    "text": "Meld je aan.",
                    "link": {"page": target, "url": "", "label": "Aanmelden"},
                },
            ),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Over MAEX",
                    "transcript": "Wat MAEX doet.",
                },
            ),
            ("document", {"document": document, "label": ""}),
            (
                "related_links",
                {
                    "title": "",
                    "links": [
                        {"page": target, "url": "", "label": ""},
                        {"page": None, "url": "https://maex.nl", "label": "MAEX"},
                    ],
                },
            ),
        ],
    )

    html = client.get(page.url).text

    assert '<h2 class="rich-text__heading">Een tussenkop</h2>' in html
    assert "<b>nadruk</b>" in html
    assert "Moestuin" in html and "Sanne" in html
    assert "Samen sterker." in html
    assert 'href="/nl/doel/">Aanmelden</a>' in html
    # Nothing from YouTube loads until the visitor asks; without JavaScript a link remains.
    assert "<iframe" not in html
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert "Jaarverslag" in html and "(PDF" in html
    assert 'href="https://maex.nl">MAEX</a>' in html


def test_video_block_accepts_only_youtube_and_vimeo():
    from django.core.exceptions import ValidationError

    from portal.blocks import VideoBlock

    block = VideoBlock()
    block.clean({"url": "https://vimeo.com/123456789", "title": "Lab", "transcript": ""})
    with pytest.raises(ValidationError):
        block.clean({"url": "https://example.org/video.mp4", "title": "Lab", "transcript": ""})


def test_pages_without_a_form_refuse_posts(client, home_nl):
    page = StandardPageFactory(parent=home_nl, slug="over-ons")

    assert client.post(page.url, {"x": "y"}).status_code == 405
    assert client.get(page.url).status_code == 200
