"""The stories' part of ``generate_scale_data``: stories in both languages and reactions."""

import secrets
import time
from datetime import timedelta

from django.utils import timezone
from wagtail.images import get_image_model

from portal.models import Theme

from .models import BlogIndexPage, BlogPage, BlogPageAuthor, Person, Reaction

STORIES = 2_000
REACTIONS = 20_000
PREFIX = "schaal-verhaal-"
SUBJECTS = [
    ("Energie", "energy"),
    ("Voedsel", "food"),
    ("Zorg", "care"),
    ("Wonen", "housing"),
    ("Werk", "work"),
]
PARAGRAPH = {
    "nl": "<p>Bewoners in {place} werken samen aan {subject}. Ze delen wat ze leerden, "
    "met hun buren en met de gemeente, en zoeken nieuwe vrijwilligers.</p>",
    "en": "<p>Residents in {place} work together on {subject}. They share what they learned "
    "with their neighbours and the municipality, and look for new volunteers.</p>",
}
PLACES = ["Groningen", "Zwolle", "Utrecht", "Arnhem", "Haarlem", "Eindhoven", "Maastricht"]
REACTION_TEXTS = [
    "Mooi verhaal, dit willen wij in onze wijk ook.",
    "Goed om te lezen hoe jullie dit aanpakken!",
    "Hoe hebben jullie de gemeente meegekregen?",
]


def body(language, place, subject):
    return [
        {
            "type": "paragraph",
            "value": PARAGRAPH[language].format(place=place, subject=subject),
            "id": secrets.token_hex(8),
        }
    ]


def generate_stories(scale):
    index = BlogIndexPage.objects.filter(locale=scale.nl).first()
    index_en = BlogIndexPage.objects.filter(locale=scale.en).first()
    if index is None:
        return
    rng = scale.rng
    themes = list(Theme.objects.filter(locale=scale.nl))
    people = list(Person.objects.filter(locale=scale.nl))
    images = list(get_image_model().objects.values_list("pk", flat=True)[:20])
    today = timezone.localdate()
    started = time.perf_counter()
    first = BlogPage.objects.filter(slug__startswith=PREFIX).count()
    pages, english_texts = [], {}
    for n in range(first, first + scale.count(STORIES)):
        (subject, subject_en), place = rng.choice(SUBJECTS), rng.choice(PLACES)
        page = BlogPage(
            title=f"{subject} in {place}: verhaal {n}",
            slug=f"{PREFIX}{n}",
            date=today - timedelta(days=n % 2000),
            intro=f"Hoe bewoners in {place} samen werken aan {subject.lower()}.",
            body=body("nl", place, subject.lower()),
            listing_image_id=rng.choice(images) if images else None,
            reactions_open=True,
        )
        english_texts[page.slug] = {
            "title": f"{subject_en.capitalize()} in {place}: story {n}",
            "intro": f"How residents in {place} work together on {subject_en}.",
            "body": body("en", place, subject_en),
        }
        pages.append(page)
    scale.add_pages(index, pages)
    scale.record("stories (nl)", len(pages), started)

    started = time.perf_counter()
    pairs = []
    if index_en is not None:
        pairs = scale.translate_pages(
            pages, index_en, lambda page: scale.copy_of(page, **english_texts[page.slug])
        )
        scale.record("stories (en)", len(pairs), started)

    started = time.perf_counter()
    english_of = dict(pairs)
    through = BlogPage.themes.through
    theme_rows, authors = [], []
    for page in pages:
        chosen = rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        writers = rng.sample(people, min(len(people), rng.randint(1, 2)))
        for target in [page] + ([english_of[page]] if page in english_of else []):
            theme_rows += [through(blogpage_id=target.pk, theme_id=t.pk) for t in chosen]
            authors += [
                BlogPageAuthor(page_id=target.pk, person_id=person.pk, sort_order=position)
                for position, person in enumerate(writers)
            ]
    through.objects.bulk_create(theme_rows, batch_size=2000)
    BlogPageAuthor.objects.bulk_create(authors, batch_size=2000)
    scale.record("story themes and authors", len(theme_rows) + len(authors), started)

    started = time.perf_counter()
    stories = pages + [english for _dutch, english in pairs]
    now = timezone.now()
    first = Reaction.objects.filter(reference__startswith="RE-SCALE-").count()
    reactions = []
    for n in range(first, first + scale.count(REACTIONS)):
        story = rng.choice(stories)
        reactions.append(
            Reaction(
                reference=f"RE-SCALE-{n:06d}",
                submission_key=secrets.token_hex(32),
                language="nl" if story.locale_id == scale.nl.pk else "en",
                page_id=story.pk,
                name=f"Lezer {n}",
                email=f"lezer{n}@scale.example",
                text=rng.choice(REACTION_TEXTS),
                status=Reaction.Status.APPROVED if rng.random() < 0.8 else Reaction.Status.PENDING,
                consent_at=now,
                created_at=now - timedelta(minutes=n),
            )
        )
    Reaction.objects.bulk_create(reactions, batch_size=2000)
    scale.record("reactions", len(reactions), started)
    scale.index_for_search(stories)
