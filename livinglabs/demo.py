"""Demo living labs, after the programme the network's texts describe (../shared/seeds)."""

import datetime
from decimal import Decimal

from portal.models import Theme

from .models import LivingLabIndexPage, LivingLabPage

INDEX = {
    "slug": {"nl": "living-labs", "en": "living-labs"},
    "title": {"nl": "Living labs", "en": "Living labs"},
    "intro": {
        "nl": "In een living lab werken bewoners, gemeente, bedrijven en organisaties in een wijk "
        "of dorp samen aan een lokale vraag. Samen leren, doen en proberen is de essentie.",
        "en": "In a living lab, residents, the municipality, companies and organisations work "
        "together on a local question in a neighbourhood or village. Learning, doing and "
        "trying things together is the essence.",
    },
}

LABS = [
    {
        "slug": {"nl": "expeditie-nieuw-amersfoort", "en": "expedition-new-amersfoort"},
        "title": {"nl": "Expeditie Nieuw Amersfoort", "en": "Expedition New Amersfoort"},
        "phase": "uitvoering",
        "start_date": datetime.date(2025, 11, 12),
        "place": "Amersfoort",
        "province": "utrecht",
        "latitude": Decimal("52.15610"),
        "longitude": Decimal("5.38780"),
        "themes": ["werk-inkomen", "afval-grondstoffen"],
        "palette": "blue",
        "summary": {
            "nl": "Veertig Amersfoorters bouwen volgens de Regionomie-aanpak aan initiatieven en "
            "start-ups voor een sociale en duurzame economie in de regio.",
            "en": "Forty residents of Amersfoort use the Regionomics approach to build "
            "initiatives and start-ups for a social and sustainable regional economy.",
        },
        "question": {
            "nl": "Hoe maken we van de vraagstukken in de regio Amersfoort levensvatbare "
            "business cases, die ook doorgaan als er geen subsidie meer is?",
            "en": "How do we turn the questions of the Amersfoort region into viable business "
            "cases that carry on when there is no more subsidy?",
        },
    },
    {
        "slug": {"nl": "generatiehuis-gerkesklooster", "en": "generation-house-gerkesklooster"},
        "title": {"nl": "Generatiehuis Gerkesklooster", "en": "Generation house Gerkesklooster"},
        "phase": "geborgd",
        "start_date": datetime.date(2024, 3, 1),
        "place": "Gerkesklooster",
        "province": "friesland",
        "latitude": Decimal("53.21700"),
        "longitude": Decimal("6.15400"),
        "themes": ["wonen", "zorg-welzijn"],
        "palette": "ochre",
        "summary": {
            "nl": "In de oude school van het dorp wonen, werken en ontmoeten jong en oud elkaar. "
            "Zo gaat het generatiehuis eenzaamheid tegen.",
            "en": "In the village's old school, young and old live, work and meet. That is how "
            "the generation house counters loneliness.",
        },
        "question": {
            "nl": "Hoe houden we voorzieningen in het dorp en kunnen ouderen blijven wonen waar "
            "ze geworteld zijn?",
            "en": "How do we keep services in the village, so that older residents can stay "
            "where they have their roots?",
        },
    },
]


def load_living_labs(demo):
    index = demo.page(demo.home, LivingLabIndexPage, INDEX)
    demo.translate(index, INDEX)
    for data in LABS:
        fields = {key: value for key, value in data.items() if key != "palette"}
        image = demo.image(data["title"]["nl"], "", data["palette"])
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        lab = demo.page(index, LivingLabPage, fields, listing_image=image)
        demo.translate(lab, data)
