"""Demo initiatives, after the members the network's texts name (../shared/seeds).

Twenty-six initiatives in all twelve provinces and on all eight themes, in Dutch with
English translations. The first three are the members the seeds name ("Meer van onze
leden"); the others are made up, in real places, of the kinds the seeds describe: care
farms, energy cooperatives, repair cafés, neighbourhood companies, mushrooms on coffee
grounds. Two have no coordinates and one gives no figures, as in real life.
"""

from decimal import Decimal

from portal.models import Theme

from .models import MemberIndexPage, MemberNeed, MemberPage, OrganisationKind

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
    "register_intro": {
        "nl": "Staat jouw initiatief nog niet in de lijst? Meld het aan. Een moderator kijkt "
        "je aanmelding na; daarna staat je profiel in de lijst en kunnen mensen je laten "
        "weten waarmee ze kunnen helpen.",
        "en": "Is your initiative not listed yet? Register it. A moderator checks your "
        "registration; then your profile is in the directory and people can tell you "
        "what they can help with.",
    },
    "figures_intro": {
        "nl": "Zo veel doen de initiatieven in het netwerk, opgeteld uit hun eigen profielen. "
        "Landelijk staan er bij de MAEX ruim 1.250 initiatieven genoteerd, die samen meer "
        "dan twee miljoen Nederlanders bereiken; elk initiatief levert gemiddeld 50 uur "
        "vrijwillige inzet per week.",
        "en": "This is how much the initiatives in the network do, added up from their own "
        "profiles. Nationally, more than 1,250 initiatives are listed on the MAEX, together "
        "reaching over two million Dutch people; each gives about 50 volunteer hours a week.",
    },
}


def need(kind, nl, en, met=False):
    return {"kind": kind, "description": {"nl": nl, "en": en}, "is_met": met}


def story(nl, en):
    return [("paragraph", {"nl": nl, "en": en})]


MEMBERS = [
    {
        "slug": {"nl": "bewonersorganisatie-beijum", "en": "residents-organisation-beijum"},
        "title": {"nl": "Bewonersorganisatie Beijum", "en": "Residents' Organisation Beijum"},
        "kind": "bewonersorganisatie",
        "place": "Groningen",
        "province": "groningen",
        "latitude": Decimal("53.24360"),
        "longitude": Decimal("6.59600"),
        "founded_year": 1982,
        "people_reached": 6200,
        "volunteers": 85,
        "volunteer_hours_per_week": 160,
        "themes": ["leefbaarheid", "zorg-welzijn"],
        "tags": ["buurtkrant", "wijkfeest", "buurthuis"],
        "website": "https://www.beijum.example",
        "palette": "brown",
        "intro": {
            "nl": "Bewonersorganisatie Beijum (BOB) in de stad Groningen werkt samen met zoveel "
            "mogelijk bewoners en andere betrokkenen aan een prettige, leefbare wijk.",
            "en": "Residents' Organisation Beijum (BOB) in the city of Groningen works with as "
            "many residents and others involved as possible on a pleasant, liveable "
            "neighbourhood.",
        },
        "body": story(
            "<p>BOB maakt de wijkkrant, organiseert het wijkfeest en praat mee over alles wat "
            "in Beijum verandert. Bewoners die een idee hebben, vinden hier mensen die "
            "meedenken en meedoen.</p>",
            "<p>BOB makes the neighbourhood paper, organises the neighbourhood party and has a "
            "say in everything that changes in Beijum. Residents with an idea find people "
            "here who think along and join in.</p>",
        ),
        "needs": [
            need(
                "vrijwilligers",
                "Bezorgers voor de wijkkrant, een uur per maand.",
                "People to deliver the neighbourhood paper, one hour a month.",
            ),
            need(
                "expertise",
                "Iemand die onze website wil bijhouden.",
                "Someone who wants to keep our website up to date.",
            ),
        ],
        "offers": {
            "nl": "Een wijkkrant in elke brievenbus\nVergaderruimte voor bewonersgroepen",
            "en": "A neighbourhood paper in every letterbox\nMeeting room for residents' groups",
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
        "kind": "cooperatie",
        "place": "Gerkesklooster",
        "province": "friesland",
        "latitude": Decimal("53.21700"),
        "longitude": Decimal("6.15400"),
        "founded_year": 2014,
        "people_reached": 1400,
        "volunteers": 40,
        "volunteer_hours_per_week": 70,
        "themes": ["wonen", "zorg-welzijn"],
        "tags": ["generatiehuis", "dorpshuis"],
        "palette": "ochre",
        "intro": {
            "nl": "De dorpscoöperatie heeft een generatiehuis opgericht in het voormalige "
            "schoolgebouw: wonen, zorg en ontmoeting voor jong en oud onder één dak.",
            "en": "The village cooperative founded a generation house in the former school "
            "building: housing, care and meeting for young and old under one roof.",
        },
        "body": story(
            "<p>Toen de school dichtging, kochten de dorpen het gebouw samen. Nu wonen er "
            "ouderen, is er kinderopvang en eet het dorp er op donderdag samen.</p>",
            "<p>When the school closed, the villages bought the building together. Now older "
            "people live there, there is childcare and the village eats together on "
            "Thursdays.</p>",
        ),
        "needs": [
            need(
                "geld",
                "Een lening voor zonnepanelen op het dak van het generatiehuis.",
                "A loan for solar panels on the roof of the generation house.",
            ),
            need(
                "vrijwilligers",
                "Koks voor de dorpsmaaltijd op donderdag.",
                "Cooks for the village meal on Thursdays.",
                met=True,
            ),
        ],
    },
    {
        "slug": {"nl": "hart-voor-de-k-buurt", "en": "heart-for-the-k-neighbourhood"},
        "title": {"nl": "Hart voor de K-buurt", "en": "Heart for the K-neighbourhood"},
        "kind": "stichting",
        "place": "Amsterdam",
        "province": "noord-holland",
        "latitude": Decimal("52.30640"),
        "longitude": Decimal("4.97560"),
        "founded_year": 2016,
        "people_reached": 9000,
        "volunteers": 120,
        "volunteer_hours_per_week": 240,
        "themes": ["werk-inkomen", "leefbaarheid"],
        "tags": ["Zuidoost", "Kraaiennest"],
        "palette": "purple",
        "intro": {
            "nl": "Een brede coalitie van Amsterdammers uit de K-buurt bij metrostation "
            "Kraaiennest werkt samen aan werk, ontmoeting en een sterke buurt.",
            "en": "A broad coalition of Amsterdam residents from the K-neighbourhood near "
            "Kraaiennest metro station works together on jobs, meeting places and a "
            "strong neighbourhood.",
        },
        "needs": [
            need(
                "ruimte",
                "Een werkplaats waar jongeren een vak kunnen leren.",
                "A workshop where young people can learn a trade.",
            ),
        ],
        "offers": {
            "nl": "Schoonmaak en groenonderhoud door mensen uit de buurt\nCatering voor "
            "bijeenkomsten",
            "en": "Cleaning and green maintenance by people from the neighbourhood\nCatering "
            "for meetings",
        },
    },
    {
        "slug": {"nl": "zorgboerderij-de-hooiberg", "en": "care-farm-de-hooiberg"},
        "title": {"nl": "Zorgboerderij De Hooiberg", "en": "Care Farm De Hooiberg"},
        "kind": "zorgboerderij",
        "place": "Beilen",
        "province": "drenthe",
        "latitude": Decimal("52.85700"),
        "longitude": Decimal("6.51400"),
        "founded_year": 2009,
        "people_reached": 60,
        "volunteers": 14,
        "volunteer_hours_per_week": 55,
        "themes": ["zorg-welzijn", "voedsel"],
        "tags": ["dagbesteding", "groenbeheer"],
        "palette": "green",
        "intro": {
            "nl": "Op de boerderij werken zorgcliënten mee aan voedsel en groenbeheer: "
            "dagbesteding met de handen in de aarde.",
            "en": "On the farm, care clients work on food and green space: day activities with "
            "their hands in the soil.",
        },
        "needs": [
            need(
                "materialen",
                "Tuingereedschap en kruiwagens.",
                "Garden tools and wheelbarrows.",
            ),
            need(
                "vrijwilligers",
                "Begeleiders voor de zaterdagochtend.",
                "Supervisors for Saturday mornings.",
            ),
        ],
        "offers": {
            "nl": "Groente en eieren uit eigen teelt\nDagbesteding op de boerderij",
            "en": "Vegetables and eggs of our own\nDay activities on the farm",
        },
    },
    {
        "slug": {
            "nl": "energiecooperatie-zonnedak-zwolle",
            "en": "energy-cooperative-solar-roof-zwolle",
        },
        "title": {
            "nl": "Energiecoöperatie Zonnedak Zwolle",
            "en": "Energy Cooperative Solar Roof Zwolle",
        },
        "kind": "cooperatie",
        "place": "Zwolle",
        "province": "overijssel",
        "latitude": Decimal("52.51680"),
        "longitude": Decimal("6.08300"),
        "founded_year": 2013,
        "people_reached": 2400,
        "volunteers": 22,
        "volunteer_hours_per_week": 45,
        "themes": ["energie"],
        "tags": ["zonnepanelen", "postcoderoos"],
        "palette": "teal",
        "intro": {
            "nl": "Leden leggen samen zonnepanelen op grote daken in de stad en delen de "
            "opbrengst.",
            "en": "Members put solar panels on large roofs in the city together and share the "
            "yield.",
        },
        "needs": [
            need(
                "ruimte",
                "Een groot, stevig dak voor het volgende project.",
                "A large, sturdy roof for the next project.",
            ),
        ],
        "offers": {
            "nl": "Energieadvies aan huis\nMeedoen vanaf één paneel",
            "en": "Energy advice at home\nJoin from one panel",
        },
    },
    {
        "slug": {"nl": "repaircafe-lelystad", "en": "repair-cafe-lelystad"},
        "title": {"nl": "Repaircafé Lelystad", "en": "Repair Café Lelystad"},
        "kind": "stichting",
        "place": "Lelystad",
        "province": "flevoland",
        "latitude": Decimal("52.51850"),
        "longitude": Decimal("5.47140"),
        "founded_year": 2015,
        "people_reached": 1800,
        "volunteers": 18,
        "volunteer_hours_per_week": 36,
        "themes": ["afval-grondstoffen", "leefbaarheid"],
        "tags": ["repareren", "hergebruik"],
        "palette": "orange",
        "intro": {
            "nl": "Elke tweede zaterdag repareren vrijwilligers samen met bezoekers kapotte "
            "spullen, van broodrooster tot fiets.",
            "en": "Every second Saturday volunteers repair broken things together with "
            "visitors, from toasters to bicycles.",
        },
        "needs": [
            need(
                "expertise",
                "Iemand die naaimachines kan repareren.",
                "Someone who can repair sewing machines.",
            ),
        ],
        "offers": {
            "nl": "Gratis reparaties met koffie\nWorkshops solderen",
            "en": "Free repairs with coffee\nSoldering workshops",
        },
    },
    {
        "slug": {"nl": "wijkbedrijf-schalkwijk", "en": "neighbourhood-company-schalkwijk"},
        "title": {"nl": "Wijkbedrijf Schalkwijk", "en": "Neighbourhood Company Schalkwijk"},
        "kind": "wijkbedrijf",
        "place": "Haarlem",
        "province": "noord-holland",
        "latitude": Decimal("52.36760"),
        "longitude": Decimal("4.65200"),
        "founded_year": 2017,
        "people_reached": 3500,
        "volunteers": 30,
        "volunteer_hours_per_week": 90,
        "themes": ["werk-inkomen", "leefbaarheid"],
        "tags": ["onderhoud", "wijkboekhouding"],
        "palette": "purple",
        "intro": {
            "nl": "Ondernemers en bewoners uit Schalkwijk doen samen onderhoud in de wijk en "
            "houden het geld in de buurt.",
            "en": "Entrepreneurs and residents of Schalkwijk do maintenance in the "
            "neighbourhood together and keep the money local.",
        },
        "body": story(
            "<p>Het wijkbedrijf neemt opdrachten aan van de corporatie en de gemeente en laat "
            "ze uitvoeren door mensen uit de wijk. Wie een tijd zonder werk zat, doet hier "
            "weer ervaring op.</p>",
            "<p>The neighbourhood company takes on jobs from the housing association and the "
            "municipality and has people from the neighbourhood do them. Those who were out "
            "of work for a while gain experience here again.</p>",
        ),
        "needs": [
            need(
                "expertise",
                "Een boekhouder die een paar uur per maand wil meekijken.",
                "A bookkeeper who wants to look along a few hours a month.",
            ),
        ],
    },
    {
        "slug": {"nl": "zwammerij-koffiedik", "en": "mushroom-farm-coffee-grounds"},
        "title": {"nl": "Zwammerij Koffiedik", "en": "Mushroom Farm Coffee Grounds"},
        "kind": "sociale-onderneming",
        "place": "Rotterdam",
        "province": "zuid-holland",
        "latitude": Decimal("51.92250"),
        "longitude": Decimal("4.47920"),
        "founded_year": 2018,
        "people_reached": 900,
        "volunteers": 8,
        "volunteer_hours_per_week": 30,
        "themes": ["voedsel", "afval-grondstoffen"],
        "tags": ["oesterzwammen", "koffieprut"],
        "palette": "brown",
        "intro": {
            "nl": "Restaurants in de buurt geven hun koffieprut af; wij kweken er oesterzwammen "
            "op, met mensen die een plek zoeken om te werken.",
            "en": "Restaurants nearby hand in their coffee grounds; we grow oyster mushrooms "
            "on them, with people looking for a place to work.",
        },
        "needs": [
            need(
                "materialen",
                "Koffieprut van horeca in Rotterdam-Zuid.",
                "Coffee grounds from cafés in Rotterdam-Zuid.",
            ),
            need("geld", "Een koelcel voor de oogst.", "A cold store for the harvest.", met=True),
        ],
        "offers": {
            "nl": "Verse oesterzwammen voor restaurants\nRondleidingen voor scholen",
            "en": "Fresh oyster mushrooms for restaurants\nTours for schools",
        },
    },
    {
        "slug": {"nl": "buurtmoestuin-de-groene-vinger", "en": "community-garden-green-finger"},
        "title": {"nl": "Buurtmoestuin De Groene Vinger", "en": "Community Garden Green Finger"},
        "kind": "bewonersorganisatie",
        "place": "Utrecht",
        "province": "utrecht",
        "latitude": Decimal("52.07800"),
        "longitude": Decimal("5.09600"),
        "founded_year": 2012,
        "people_reached": 700,
        "volunteers": 35,
        "volunteer_hours_per_week": 50,
        "themes": ["voedsel", "leefbaarheid"],
        "tags": ["moestuin", "Kanaleneiland"],
        "palette": "green",
        "intro": {
            "nl": "Op een braakliggend veld in Kanaleneiland telen buren samen groente en "
            "leren ze elkaar kennen.",
            "en": "On a vacant plot in Kanaleneiland, neighbours grow vegetables together and "
            "get to know each other.",
        },
        "needs": [
            need("materialen", "Regentonnen en houten bakken.", "Rain barrels and wooden beds."),
        ],
    },
    {
        "slug": {"nl": "energiecooperatie-zeeuwse-zon", "en": "energy-cooperative-zeeland-sun"},
        "title": {"nl": "Energiecoöperatie Zeeuwse Zon", "en": "Energy Cooperative Zeeland Sun"},
        "kind": "cooperatie",
        "place": "Middelburg",
        "province": "zeeland",
        "latitude": Decimal("51.49880"),
        "longitude": Decimal("3.61360"),
        "founded_year": 2011,
        "people_reached": 3100,
        "volunteers": 16,
        "volunteer_hours_per_week": 40,
        "themes": ["energie"],
        "tags": ["zonnepark", "wind"],
        "palette": "blue",
        "intro": {
            "nl": "Een zonnepark van en voor Walcheren: de opbrengst gaat naar de leden en een "
            "fonds voor de dorpen.",
            "en": "A solar park of and for Walcheren: the yield goes to the members and a fund "
            "for the villages.",
        },
        "needs": [
            need(
                "vrijwilligers",
                "Energiecoaches die bij mensen thuis komen.",
                "Energy coaches who visit people at home.",
            ),
        ],
    },
    {
        "slug": {"nl": "buurtbus-eemland", "en": "neighbourhood-bus-eemland"},
        "title": {"nl": "Buurtbus Eemland", "en": "Neighbourhood Bus Eemland"},
        "kind": "stichting",
        "place": "Amersfoort",
        "province": "utrecht",
        "latitude": Decimal("52.15610"),
        "longitude": Decimal("5.38780"),
        "founded_year": 2010,
        "people_reached": 1200,
        "volunteers": 42,
        "volunteer_hours_per_week": 110,
        "themes": ["mobiliteit", "zorg-welzijn"],
        "tags": ["boodschappendienst", "chauffeurs"],
        "palette": "orange",
        "intro": {
            "nl": "Vrijwillige chauffeurs rijden ouderen naar de dokter, de markt en de "
            "buurtmaaltijd.",
            "en": "Volunteer drivers take older people to the doctor, the market and the "
            "neighbourhood meal.",
        },
        "needs": [
            need(
                "vrijwilligers",
                "Chauffeurs voor de boodschappendienst op zaterdag.",
                "Drivers for the grocery service on Saturdays.",
            ),
            need(
                "geld",
                "Een tweede, rolstoeltoegankelijke bus.",
                "A second, wheelchair-accessible bus.",
            ),
        ],
    },
    {
        "slug": {"nl": "zorgcooperatie-kempenland", "en": "care-cooperative-kempenland"},
        "title": {"nl": "Zorgcoöperatie Kempenland", "en": "Care Cooperative Kempenland"},
        "kind": "cooperatie",
        "place": "Hoogeloon",
        "province": "noord-brabant",
        "latitude": Decimal("51.39350"),
        "longitude": Decimal("5.25800"),
        "founded_year": 2005,
        "people_reached": 1100,
        "volunteers": 65,
        "volunteer_hours_per_week": 120,
        "themes": ["zorg-welzijn"],
        "tags": ["zorg in het dorp", "dagopvang"],
        "palette": "red",
        "intro": {
            "nl": "Het dorp regelt zelf zorg dichtbij: dagopvang, een maaltijdservice en hulp "
            "bij het huishouden.",
            "en": "The village arranges care close to home itself: day care, a meal service "
            "and help with the household.",
        },
        "offers": {
            "nl": "Maaltijden aan huis\nAdvies aan dorpen die zelf zorg willen regelen",
            "en": "Meals at home\nAdvice for villages that want to arrange care themselves",
        },
    },
    {
        "slug": {"nl": "bewonersbedrijf-malberg", "en": "residents-company-malberg"},
        "title": {"nl": "BewonersBedrijf Malberg", "en": "Residents' Company Malberg"},
        "kind": "wijkbedrijf",
        "place": "Maastricht",
        "province": "limburg",
        "latitude": Decimal("50.86140"),
        "longitude": Decimal("5.66170"),
        "founded_year": 2019,
        "people_reached": 2600,
        "volunteers": 28,
        "volunteer_hours_per_week": 75,
        "themes": ["werk-inkomen", "leefbaarheid"],
        "tags": ["buurthuis in zelfbeheer", "klussendienst"],
        "palette": "ochre",
        "intro": {
            "nl": "Bewoners runnen het buurthuis zelf en verdienen met een klussendienst geld "
            "voor de wijk.",
            "en": "Residents run the community centre themselves and earn money for the "
            "neighbourhood with an odd-jobs service.",
        },
        "needs": [
            need(
                "materialen",
                "Gereedschap voor de klussendienst.",
                "Tools for the odd-jobs service.",
            ),
        ],
    },
    {
        "slug": {"nl": "broodfonds-de-vallei", "en": "bread-fund-de-vallei"},
        "title": {"nl": "Broodfonds De Vallei", "en": "Bread Fund De Vallei"},
        "kind": "stichting",
        "place": "Ede",
        "province": "gelderland",
        "founded_year": 2014,
        "people_reached": 48,
        "volunteers": 6,
        "volunteer_hours_per_week": 8,
        "themes": ["werk-inkomen"],
        "tags": ["zzp", "arbeidsongeschiktheid"],
        "palette": "purple",
        "intro": {
            "nl": "Zelfstandigen zorgen voor elkaar: wie ziek wordt, krijgt een schenking uit "
            "de gezamenlijke pot.",
            "en": "Self-employed people look after each other: whoever falls ill receives a "
            "gift from the shared pot.",
        },
    },
    {
        "slug": {"nl": "voedselcooperatie-oost", "en": "food-cooperative-oost"},
        "title": {"nl": "Voedselcoöperatie Oost", "en": "Food Cooperative Oost"},
        "kind": "cooperatie",
        "place": "Nijmegen",
        "province": "gelderland",
        "latitude": Decimal("51.84260"),
        "longitude": Decimal("5.87130"),
        "founded_year": 2016,
        "people_reached": 450,
        "volunteers": 25,
        "volunteer_hours_per_week": 40,
        "themes": ["voedsel"],
        "tags": ["streekproducten", "korte keten"],
        "palette": "green",
        "intro": {
            "nl": "Leden kopen samen streekproducten rechtstreeks bij boeren in de buurt.",
            "en": "Members buy regional produce together, directly from farmers nearby.",
        },
        "needs": [
            need(
                "ruimte",
                "Een uitgiftepunt met een koelkast.",
                "A pick-up point with a fridge.",
            ),
        ],
    },
    {
        "slug": {"nl": "dorpsenergie-loppersum", "en": "village-energy-loppersum"},
        "title": {"nl": "Dorpsenergie Loppersum", "en": "Village Energy Loppersum"},
        "kind": "cooperatie",
        "place": "Loppersum",
        "province": "groningen",
        "latitude": Decimal("53.33280"),
        "longitude": Decimal("6.74700"),
        "founded_year": 2018,
        "people_reached": 1300,
        "volunteers": 12,
        "volunteer_hours_per_week": 25,
        "themes": ["energie", "wonen"],
        "tags": ["isolatie", "warmtepomp"],
        "palette": "teal",
        "intro": {
            "nl": "Samen isoleren en verduurzamen, nu de huizen toch versterkt worden.",
            "en": "Insulating and making homes sustainable together, now that the houses are "
            "being reinforced anyway.",
        },
        "needs": [
            need(
                "expertise",
                "Een bouwkundige die mee wil kijken naar oude boerderijen.",
                "A structural engineer who wants to look at old farmhouses with us.",
            ),
        ],
    },
    {
        "slug": {"nl": "repaircafe-leeuwarden", "en": "repair-cafe-leeuwarden"},
        "title": {"nl": "Repaircafé Leeuwarden", "en": "Repair Café Leeuwarden"},
        "kind": "stichting",
        "place": "Leeuwarden",
        "province": "friesland",
        "latitude": Decimal("53.20120"),
        "longitude": Decimal("5.79990"),
        "founded_year": 2014,
        "people_reached": 1500,
        "volunteers": 20,
        "volunteer_hours_per_week": 35,
        "themes": ["afval-grondstoffen"],
        "tags": ["repareren"],
        "palette": "orange",
        "intro": {
            "nl": "Weggooien? Mooi niet. In de bibliotheek repareren we elke maand wat stuk is.",
            "en": "Throw it away? No way. Every month we repair what is broken, in the library.",
        },
        "needs": [
            need("vrijwilligers", "Fietsenmakers.", "Bicycle repairers."),
        ],
    },
    {
        "slug": {"nl": "deelauto-westerveld", "en": "car-sharing-westerveld"},
        "title": {"nl": "Deelauto Westerveld", "en": "Car Sharing Westerveld"},
        "kind": "cooperatie",
        "place": "Dwingeloo",
        "province": "drenthe",
        "latitude": Decimal("52.83400"),
        "longitude": Decimal("6.36900"),
        "founded_year": 2020,
        "people_reached": 260,
        "volunteers": 9,
        "volunteer_hours_per_week": 12,
        "themes": ["mobiliteit", "energie"],
        "tags": ["elektrisch rijden", "deelauto"],
        "palette": "blue",
        "intro": {
            "nl": "Vier elektrische deelauto's voor de dorpen, geladen met stroom van eigen daken.",
            "en": "Four shared electric cars for the villages, charged with power from our own "
            "roofs.",
        },
    },
    {
        "slug": {"nl": "buurthuis-t-hofje", "en": "community-centre-t-hofje"},
        "title": {"nl": "Buurthuis 't Hofje", "en": "Community Centre 't Hofje"},
        "kind": "bewonersorganisatie",
        "place": "Enschede",
        "province": "overijssel",
        "latitude": Decimal("52.22150"),
        "longitude": Decimal("6.89370"),
        "founded_year": 1998,
        "people_reached": 2100,
        "volunteers": 50,
        "volunteer_hours_per_week": 95,
        "themes": ["leefbaarheid", "zorg-welzijn"],
        "tags": ["buurthuis in zelfbeheer", "eettafel"],
        "palette": "red",
        "intro": {
            "nl": "Een buurthuis in zelfbeheer, met een eettafel, taalles en een kledingbank.",
            "en": "A self-managed community centre, with a shared dinner table, language "
            "lessons and a clothing bank.",
        },
        "needs": [
            need("vrijwilligers", "Taalmaatjes.", "Language buddies."),
            need("geld", "Een nieuwe keuken.", "A new kitchen."),
        ],
    },
    {
        "slug": {"nl": "stadsboerderij-almere", "en": "city-farm-almere"},
        "title": {"nl": "Stadsboerderij Almere", "en": "City Farm Almere"},
        "kind": "zorgboerderij",
        "place": "Almere",
        "province": "flevoland",
        "latitude": Decimal("52.35080"),
        "longitude": Decimal("5.26470"),
        "founded_year": 2008,
        "people_reached": 5000,
        "volunteers": 40,
        "volunteer_hours_per_week": 80,
        "themes": ["voedsel", "zorg-welzijn"],
        "tags": ["stadslandbouw", "dieren"],
        "palette": "green",
        "intro": {
            "nl": "Een boerderij midden in de stad, met dagbesteding, een boerderijwinkel en "
            "een pluktuin.",
            "en": "A farm in the middle of the city, with day activities, a farm shop and a "
            "pick-your-own garden.",
        },
        "offers": {
            "nl": "Pluktuin voor buurtbewoners\nSchoolbezoek",
            "en": "Pick-your-own garden for neighbours\nSchool visits",
        },
    },
    {
        "slug": {"nl": "woongemeenschap-de-hofstee", "en": "housing-community-de-hofstee"},
        "title": {"nl": "Woongemeenschap De Hofstee", "en": "Housing Community De Hofstee"},
        "kind": "stichting",
        "place": "Den Haag",
        "province": "zuid-holland",
        "latitude": Decimal("52.07050"),
        "longitude": Decimal("4.30070"),
        "founded_year": 2012,
        "people_reached": 140,
        "volunteers": 24,
        "volunteer_hours_per_week": 40,
        "themes": ["wonen", "zorg-welzijn"],
        "tags": ["ouderen", "samen wonen"],
        "palette": "blue",
        "intro": {
            "nl": "Ouderen en jonge gezinnen wonen om een gedeelde tuin en kijken naar elkaar om.",
            "en": "Older people and young families live around a shared garden and look out "
            "for each other.",
        },
    },
    {
        "slug": {"nl": "kringloop-en-werk-walcheren", "en": "reuse-and-work-walcheren"},
        "title": {"nl": "Kringloop & Werk Walcheren", "en": "Reuse & Work Walcheren"},
        "kind": "sociale-onderneming",
        "place": "Vlissingen",
        "province": "zeeland",
        "latitude": Decimal("51.44260"),
        "longitude": Decimal("3.57360"),
        "founded_year": 2003,
        "people_reached": 12000,
        "volunteers": 55,
        "volunteer_hours_per_week": 150,
        "themes": ["afval-grondstoffen", "werk-inkomen"],
        "tags": ["kringloop", "leerwerkplek"],
        "palette": "ochre",
        "intro": {
            "nl": "Een kringloopwinkel die leerwerkplekken biedt aan mensen met afstand tot "
            "de arbeidsmarkt.",
            "en": "A second-hand shop that offers work-experience places to people far from "
            "the labour market.",
        },
        "needs": [
            need("ruimte", "Opslagruimte voor meubels.", "Storage space for furniture."),
        ],
    },
    {
        "slug": {"nl": "wijkcooperatie-woensel", "en": "neighbourhood-cooperative-woensel"},
        "title": {"nl": "Wijkcoöperatie Woensel", "en": "Neighbourhood Cooperative Woensel"},
        "kind": "cooperatie",
        "place": "Eindhoven",
        "province": "noord-brabant",
        "latitude": Decimal("51.47000"),
        "longitude": Decimal("5.47000"),
        "founded_year": 2021,
        "people_reached": 800,
        "volunteers": 15,
        "volunteer_hours_per_week": 30,
        "themes": ["wonen", "werk-inkomen"],
        "tags": ["collectieve inkoop"],
        "palette": "teal",
        "intro": {
            "nl": "Bewoners kopen samen in, van energie tot verzekeringen, en steken de korting "
            "in de wijk.",
            "en": "Residents buy together, from energy to insurance, and put the discount back "
            "into the neighbourhood.",
        },
        "needs": [
            need(
                "expertise",
                "Een jurist die naar onze statuten kijkt.",
                "A lawyer who looks at our articles of association.",
            ),
        ],
    },
    {
        "slug": {"nl": "zorgboerderij-de-heerlijkheid", "en": "care-farm-de-heerlijkheid"},
        "title": {"nl": "Zorgboerderij De Heerlijkheid", "en": "Care Farm De Heerlijkheid"},
        "kind": "zorgboerderij",
        "place": "Venlo",
        "province": "limburg",
        "latitude": Decimal("51.37040"),
        "longitude": Decimal("6.17240"),
        "founded_year": 2011,
        "people_reached": 75,
        "volunteers": 12,
        "volunteer_hours_per_week": 40,
        "themes": ["zorg-welzijn", "voedsel"],
        "tags": ["dagbesteding", "fruit"],
        "palette": "red",
        "intro": {
            "nl": "Werken in de boomgaard en de stal: dagbesteding voor jongeren en ouderen.",
            "en": "Working in the orchard and the stable: day activities for young and old.",
        },
        "needs": [
            need("vrijwilligers", "Hulp bij de appeloogst.", "Help with the apple harvest."),
        ],
    },
    {
        "slug": {"nl": "grondstoffenwinkel-zaanstad", "en": "materials-shop-zaanstad"},
        "title": {"nl": "Grondstoffenwinkel Zaanstad", "en": "Materials Shop Zaanstad"},
        "kind": "sociale-onderneming",
        "place": "Zaandam",
        "province": "noord-holland",
        "latitude": Decimal("52.44200"),
        "longitude": Decimal("4.82920"),
        "founded_year": 2019,
        "themes": ["afval-grondstoffen"],
        "tags": ["plastic", "recycling"],
        "palette": "orange",
        "intro": {
            "nl": "Buurtbewoners brengen gescheiden plastic en krijgen er punten voor, te "
            "besteden bij winkels in de wijk.",
            "en": "Residents bring sorted plastic and get points for it, to spend in shops in "
            "the neighbourhood.",
        },
    },
    {
        "slug": {"nl": "fietsmaatjes-arnhem", "en": "cycling-buddies-arnhem"},
        "title": {"nl": "Fietsmaatjes Arnhem", "en": "Cycling Buddies Arnhem"},
        "kind": "anders",
        "place": "Arnhem",
        "province": "gelderland",
        "founded_year": 2017,
        "people_reached": 330,
        "volunteers": 60,
        "volunteer_hours_per_week": 60,
        "themes": ["mobiliteit", "zorg-welzijn"],
        "tags": ["duofiets", "eenzaamheid"],
        "palette": "blue",
        "intro": {
            "nl": "Op de duofiets naar buiten: vrijwilligers fietsen met ouderen die dat zelf "
            "niet meer kunnen.",
            "en": "Out on the tandem tricycle: volunteers cycle with older people who can no "
            "longer do so themselves.",
        },
        "needs": [
            need(
                "vrijwilligers",
                "Fietsmaatjes voor doordeweekse middagen.",
                "Cycling buddies for weekday afternoons.",
            ),
        ],
    },
]


def po_lines(text):
    """wagtail-localize hands a text field's line breaks to translators as <br/>."""
    if not text:
        return None
    return {language: value.replace("\n", "<br/>") for language, value in text.items()}


def load_members(demo):
    index = demo.page(demo.home, MemberIndexPage, INDEX)
    demo.translate(index, INDEX)
    kinds = {kind.slug: kind for kind in OrganisationKind.objects.filter(locale=demo.nl)}
    for data in MEMBERS:
        fields = {key: value for key, value in data.items() if key not in ("palette", "needs")}
        fields["kind"] = kinds[data["kind"]]
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        fields["needs"] = [
            MemberNeed(
                kind=item["kind"], description=item["description"]["nl"], is_met=item["is_met"]
            )
            for item in data.get("needs", [])
        ]
        image = demo.image(data["title"]["nl"], "", data["palette"], data["themes"][0])
        member = demo.page(index, MemberPage, fields, listing_image=image)
        demo.translate(member, {**data, "offers_in_po_file": po_lines(data.get("offers"))})
