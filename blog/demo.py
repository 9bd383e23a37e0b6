"""Demo stories, after the network's own posts (../shared/seeds)."""

import datetime

from portal.models import Theme

from .models import BlogIndexPage, BlogPage

INDEX = {
    "slug": {"nl": "verhalen", "en": "stories"},
    "title": {"nl": "Verhalen", "en": "Stories"},
    "intro": {
        "nl": "Verhalen uit het netwerk: over initiatieven, samenwerking en de nieuwe economie "
        "van de buurt.",
        "en": "Stories from the network: about initiatives, collaboration and the new economy "
        "of the neighbourhood.",
    },
}

STORIES = [
    {
        "slug": {"nl": "ondernemende-communities", "en": "enterprising-communities"},
        "title": {
            "nl": "Ondernemende communities brengen vitaliteit in Nederland",
            "en": "Enterprising communities bring vitality to the Netherlands",
        },
        "date": datetime.date(2026, 9, 14),
        "themes": ["energie", "voedsel", "afval-grondstoffen"],
        "palette": "green",
        "intro": {
            "nl": "Duizenden burgerinitiatieven en sociale ondernemingen versterken de lokale "
            "economie. Hoe komt het dat we daar nog zo weinig van weten?",
            "en": "Thousands of citizen initiatives and social enterprises strengthen the local "
            "economy. Why do we still know so little about them?",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Meer dan 10.000 initiatieven produceren duurzame energie, recyclen "
                    "spullen in de buurt, telen voedsel in moestuinen en verwerken afval. De "
                    "meeste leveren meer dan één waarde tegelijk: een zorgboer neemt "
                    "zorgcliënten op in zijn bedrijf en werkt samen met hen aan voedsel en "
                    "groenbeheer.</p>"
                    "<p>Tegenover de centrale productie van bedrijven, gericht op efficiëntie en "
                    "schaalvergroting, staat een decentrale productie in buurten. Die gaat uit "
                    "van de menselijke maat, benut wat er al is en hergebruikt spullen en "
                    "grondstoffen.</p>",
                    "en": "<p>More than 10,000 initiatives produce sustainable energy, recycle goods "
                    "locally, grow food in vegetable gardens and process waste. Most deliver "
                    "more than one kind of value at once: a care farmer takes in care clients "
                    "and works with them on food and green space.</p>"
                    "<p>Against the central production of companies, aimed at efficiency and "
                    "scale, stands a decentralised production in neighbourhoods. It starts "
                    "from the human scale, uses what is already there and reuses goods and "
                    "materials.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": "De kunst is nu om echt met elkaar samen te werken en de kracht "
                        "van de samenleving te benutten.",
                        "en": "The art now is to truly work together and make use of the "
                        "strength of society.",
                    },
                    "attribution": {"nl": "Wijkkracht", "en": "Wijkkracht"},
                },
            ),
        ],
    },
    {
        "slug": {"nl": "regionomie-in-amersfoort", "en": "regionomics-in-amersfoort"},
        "title": {
            "nl": "Regionomie in Amersfoort: samen bouwen aan de betekeniseconomie",
            "en": "Regionomics in Amersfoort: building the economy of meaning together",
        },
        "date": datetime.date(2026, 10, 6),
        "themes": ["werk-inkomen", "afval-grondstoffen"],
        "palette": "blue",
        "intro": {
            "nl": "Onder de naam Expeditie Nieuw Amersfoort werken veertig Amersfoorters aan "
            "initiatieven en start-ups volgens de filosofie van de Blue Economy.",
            "en": "Under the name Expedition New Amersfoort, forty residents of Amersfoort work "
            "on initiatives and start-ups following the philosophy of the Blue Economy.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>De aanpak Regionomie werd eerder toegepast in de Ontdekking van "
                    "Groningen. Daar werden twintig business cases benoemd, waarvan er vijf "
                    "zijn uitgewerkt tot concrete plannen. Op meerdere plaatsen staan "
                    "restaurants hun koffieprut af aan zwammenkwekers.</p>"
                    "<p>De aanpak begint met het in kaart brengen van de vraagstukken in een "
                    "regio. Zo ontstaan verbindingen over sectoren heen, en concrete business "
                    "cases waarmee sociale en duurzame start-ups aan de slag kunnen.</p>",
                    "en": "<p>The Regionomics approach was applied before in the Discovery of "
                    "Groningen. Twenty business cases were identified there, five of which "
                    "were worked out into concrete plans. In several places restaurants give "
                    "their coffee grounds to mushroom growers.</p>"
                    "<p>The approach starts by mapping the questions of a region. That creates "
                    "connections across sectors, and concrete business cases that social and "
                    "sustainable start-ups can take up.</p>",
                },
            ),
        ],
    },
]


def load_blog(demo):
    index = demo.page(demo.home, BlogIndexPage, INDEX)
    demo.translate(index, INDEX)
    for data in STORIES:
        fields = {key: value for key, value in data.items() if key != "palette"}
        image = demo.image(data["title"]["nl"], "", data["palette"])
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        post = demo.page(index, BlogPage, fields, listing_image=image)
        demo.translate(post, data)
