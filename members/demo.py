"""Demo initiatives, after the members the network's texts name (../shared/seeds)."""

from decimal import Decimal

from portal.models import Theme

from .models import MemberIndexPage, MemberPage

INDEX = {
    "slug": {"nl": "initiatieven", "en": "initiatives"},
    "title": {"nl": "Initiatieven", "en": "Initiatives"},
    "intro": {
        "nl": "Bewonersorganisaties, dorpscoöperaties, wijkbedrijven, zorgboerderijen en "
        "sociale ondernemingen: zoek een initiatief bij jou in de buurt of op een thema "
        "dat je raakt.",
        "en": "Residents' organisations, village cooperatives, neighbourhood companies, care "
        "farms and social enterprises: find an initiative near you or on a theme you "
        "care about.",
    },
}

MEMBERS = [
    {
        "slug": {"nl": "bewonersorganisatie-beijum", "en": "residents-organisation-beijum"},
        "title": {"nl": "Bewonersorganisatie Beijum", "en": "Residents' Organisation Beijum"},
        "place": "Groningen",
        "province": "groningen",
        "latitude": Decimal("53.24360"),
        "longitude": Decimal("6.59600"),
        "people_reached": 6200,
        "volunteers": 85,
        "volunteer_hours_per_week": 160,
        "themes": ["leefbaarheid", "zorg-welzijn"],
        "palette": "brown",
        "intro": {
            "nl": "Bewonersorganisatie Beijum (BOB) in de stad Groningen werkt samen met zoveel "
            "mogelijk bewoners en andere betrokkenen aan een prettige, leefbare wijk.",
            "en": "Residents' Organisation Beijum (BOB) in the city of Groningen works with as "
            "many residents and others involved as possible on a pleasant, liveable "
            "neighbourhood.",
        },
    },
    {
        "slug": {
            "nl": "dorpscooperatie-gerkesklooster-stroobos",
            "en": "village-cooperative-gerkesklooster-stroobos",
        },
        "title": {
            "nl": "Dorpscoöperatie Gerkesklooster-Stroobos",
            "en": "Village Cooperative Gerkesklooster-Stroobos",
        },
        "place": "Gerkesklooster",
        "province": "friesland",
        "latitude": Decimal("53.21700"),
        "longitude": Decimal("6.15400"),
        "people_reached": 1400,
        "volunteers": 40,
        "volunteer_hours_per_week": 70,
        "themes": ["wonen", "zorg-welzijn"],
        "palette": "ochre",
        "intro": {
            "nl": "De dorpscoöperatie heeft een generatiehuis opgericht in het voormalige "
            "schoolgebouw: wonen, zorg en ontmoeting voor jong en oud onder één dak.",
            "en": "The village cooperative founded a generation house in the former school "
            "building: housing, care and meeting for young and old under one roof.",
        },
    },
    {
        "slug": {"nl": "hart-voor-de-k-buurt", "en": "heart-for-the-k-neighbourhood"},
        "title": {"nl": "Hart voor de K-buurt", "en": "Heart for the K-neighbourhood"},
        "place": "Amsterdam",
        "province": "noord-holland",
        "latitude": Decimal("52.30640"),
        "longitude": Decimal("4.97560"),
        "people_reached": 9000,
        "volunteers": 120,
        "volunteer_hours_per_week": 240,
        "themes": ["werk-inkomen", "leefbaarheid"],
        "palette": "purple",
        "intro": {
            "nl": "Een brede coalitie van Amsterdammers uit de K-buurt bij metrostation "
            "Kraaiennest werkt samen aan werk, ontmoeting en een sterke buurt.",
            "en": "A broad coalition of Amsterdam residents from the K-neighbourhood near "
            "Kraaiennest metro station works together on jobs, meeting places and a "
            "strong neighbourhood.",
        },
    },
]


def load_members(demo):
    index = demo.page(demo.home, MemberIndexPage, INDEX)
    demo.translate(index, INDEX)
    for data in MEMBERS:
        fields = {key: value for key, value in data.items() if key != "palette"}
        image = demo.image(data["title"]["nl"], "", data["palette"])
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        member = demo.page(index, MemberPage, fields, listing_image=image)
        demo.translate(member, data)
