"""The living labs' part of ``generate_scale_data``: many labs, both languages."""

import time
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from portal.models import Theme

from .models import LivingLabIndexPage, LivingLabPage

LABS = 200
PREFIX = "schaal-lab-"
PLACES = [
    ("Groningen", "groningen", 53.22, 6.57),
    ("Zwolle", "overijssel", 52.52, 6.08),
    ("Utrecht", "utrecht", 52.09, 5.12),
    ("Arnhem", "gelderland", 51.98, 5.91),
    ("Haarlem", "noord-holland", 52.38, 4.64),
    ("Eindhoven", "noord-brabant", 51.44, 5.48),
]


def generate_labs(scale):
    index = LivingLabIndexPage.objects.filter(locale=scale.nl).first()
    index_en = LivingLabIndexPage.objects.filter(locale=scale.en).first()
    if index is None:
        return
    rng = scale.rng
    themes = list(Theme.objects.filter(locale=scale.nl))
    phases = LivingLabPage.Phase.values
    today = timezone.localdate()
    started = time.perf_counter()
    first = LivingLabPage.objects.filter(slug__startswith=PREFIX).count()
    pages = []
    for n in range(first, first + scale.count(LABS)):
        place, province, latitude, longitude = rng.choice(PLACES)
        pages.append(
            LivingLabPage(
                title=f"Living lab {place} {n}",
                slug=f"{PREFIX}{n}",
                phase=rng.choice(phases),
                start_date=today - timedelta(days=rng.randint(0, 900)),
                summary=f"Bewoners, gemeente en bedrijven in {place} werken samen aan een "
                "lokale vraag.",
                question=f"Hoe houden we de zorg in {place} dichtbij?",
                place=place,
                province=province,
                latitude=Decimal(f"{latitude:.5f}"),
                longitude=Decimal(f"{longitude:.5f}"),
            )
        )
    scale.add_pages(index, pages)
    scale.record("living labs (nl)", len(pages), started)

    started = time.perf_counter()
    pairs = []
    if index_en is not None:
        pairs = scale.translate_pages(
            pages,
            index_en,
            lambda page: scale.copy_of(
                page,
                summary=f"Residents, the municipality and companies in {page.place} work "
                "together on a local question.",
                question=f"How do we keep care close by in {page.place}?",
            ),
        )
        scale.record("living labs (en)", len(pairs), started)
    english_of = dict(pairs)
    through = LivingLabPage.themes.through
    rows = []
    for page in pages:
        chosen = rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        for target in [page] + ([english_of[page]] if page in english_of else []):
            rows += [through(livinglabpage_id=target.pk, theme_id=t.pk) for t in chosen]
    through.objects.bulk_create(rows, batch_size=2000)
    scale.index_for_search(pages + list(english_of.values()))
