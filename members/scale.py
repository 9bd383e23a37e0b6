"""The directory's part of ``generate_scale_data``: many made-up initiatives, both languages."""

import time
import uuid
from decimal import Decimal

from members.models import MemberIndexPage, MemberNeed, MemberPage, Need, OrganisationKind
from members.search import normalise
from portal.models import Theme

INITIATIVES = 10_000
PREFIX = "schaal-"
WORDS = ["Buurt", "Dorps", "Wijk", "Energie", "Zorg", "Moestuin", "Repair", "Voedsel", "Deel"]
ENGLISH_WORDS = {
    "Buurt": "Neighbourhood",
    "Dorps": "Village",
    "Wijk": "District",
    "Energie": "Energy",
    "Zorg": "Care",
    "Moestuin": "Kitchen garden",
    "Repair": "Repair",
    "Voedsel": "Food",
    "Deel": "Sharing",
}
KINDS_OF_PLACE = {
    "coöperatie": "cooperative",
    "huis": "house",
    "bedrijf": "company",
    "tuin": "garden",
    "café": "café",
    "fonds": "fund",
}
PLACES = [
    ("Groningen", "groningen", 53.22, 6.57),
    ("Leeuwarden", "friesland", 53.20, 5.80),
    ("Assen", "drenthe", 52.99, 6.56),
    ("Zwolle", "overijssel", 52.52, 6.08),
    ("Almere", "flevoland", 52.35, 5.26),
    ("Arnhem", "gelderland", 51.98, 5.91),
    ("Utrecht", "utrecht", 52.09, 5.12),
    ("Haarlem", "noord-holland", 52.38, 4.64),
    ("Den Haag", "zuid-holland", 52.07, 4.30),
    ("Middelburg", "zeeland", 51.50, 3.61),
    ("Eindhoven", "noord-brabant", 51.44, 5.48),
    ("Maastricht", "limburg", 50.85, 5.69),
]
NEEDS = {"nl": "Hulp gezocht op zaterdag", "en": "Help wanted on Saturdays"}


def generate_initiatives(scale):
    index = MemberIndexPage.objects.filter(locale=scale.nl).first()
    index_en = MemberIndexPage.objects.filter(locale=scale.en).first()
    if index is None:
        return
    rng = scale.rng
    themes = list(Theme.objects.filter(locale=scale.nl))
    kinds = list(OrganisationKind.objects.filter(locale=scale.nl))
    started = time.perf_counter()
    first = MemberPage.objects.filter(slug__startswith=PREFIX).count()
    pages, english_texts = [], {}
    for n in range(first, first + scale.count(INITIATIVES)):
        place, province, latitude, longitude = rng.choice(PLACES)
        word, kind_of_place = rng.choice(WORDS), rng.choice(list(KINDS_OF_PLACE))
        title = f"{word}{kind_of_place} {place} {n}"
        intro = f"Een {kind_of_place} in {place} waar buren samen werken aan hun buurt."
        located = rng.random() > 0.15  # not every initiative gives its location
        page = MemberPage(
            title=title,
            slug=f"{PREFIX}{n}",
            intro=intro,
            kind=rng.choice(kinds) if kinds else None,
            place=place,
            province=province,
            latitude=Decimal(f"{latitude + rng.uniform(-0.1, 0.1):.5f}") if located else None,
            longitude=Decimal(f"{longitude + rng.uniform(-0.1, 0.1):.5f}") if located else None,
            people_reached=rng.randint(20, 5000),
            volunteers=rng.randint(2, 120),
            volunteer_hours_per_week=rng.randint(5, 200),
        )
        page.search_text = normalise(f"{title} {intro} {place} {NEEDS['nl']}")
        english_texts[page.slug] = (
            f"{ENGLISH_WORDS[word]} {KINDS_OF_PLACE[kind_of_place]} {place} {n}",
            f"A {KINDS_OF_PLACE[kind_of_place]} in {place} where neighbours work together.",
        )
        pages.append(page)
    scale.add_pages(index, pages)
    scale.record("initiatives (nl)", len(pages), started)

    started = time.perf_counter()
    pairs = []
    if index_en is not None:

        def english(page):
            title, intro = english_texts[page.slug]
            copy = MemberPage(
                title=title,
                slug=page.slug,
                intro=intro,
                **{
                    name: getattr(page, name)
                    for name in (
                        "kind_id",
                        "place",
                        "province",
                        "latitude",
                        "longitude",
                        "people_reached",
                        "volunteers",
                        "volunteer_hours_per_week",
                    )
                },
            )
            copy.search_text = normalise(f"{title} {intro} {page.place} {NEEDS['en']}")
            return copy

        pairs = scale.translate_pages(pages, index_en, english)
        scale.record("initiatives (en)", len(pairs), started)

    started = time.perf_counter()
    english_of = dict(pairs)
    through = MemberPage.themes.through
    theme_rows, needs = [], []
    for page in pages:
        chosen = rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        copies = [page] + ([english_of[page]] if page in english_of else [])
        for target in copies:
            theme_rows += [through(memberpage_id=target.pk, theme_id=t.pk) for t in chosen]
        for position, kind in enumerate(rng.sample(Need.values, rng.randint(0, 2))):
            key, is_met = uuid.uuid4(), rng.random() < 0.3
            for target in copies:
                language = "nl" if target is page else "en"
                needs.append(
                    MemberNeed(
                        page_id=target.pk,
                        locale_id=target.locale_id,
                        translation_key=key,
                        kind=kind,
                        description=NEEDS[language],
                        is_met=is_met,
                        sort_order=position,
                    )
                )
    through.objects.bulk_create(theme_rows, batch_size=2000)
    MemberNeed.objects.bulk_create(needs, batch_size=2000)
    scale.record("initiative themes and needs", len(theme_rows) + len(needs), started)
    started = time.perf_counter()
    everything = pages + [english for _dutch, english in pairs]
    scale.index_for_search(everything)
    scale.record("initiatives in the site search", len(everything), started)
