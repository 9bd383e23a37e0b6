"""Demo stories, after the network's own posts (../shared/seeds): authors, tags, themes,
images and a few approved reactions, in Dutch and translated to English."""

import datetime
import io
import re

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from portal.demo_images import PALETTES
from portal.models import Theme

from .models import BlogIndexPage, BlogPage, BlogPageAuthor, Person, Reaction

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

PEOPLE = {
    "anouk": {
        "name": "Anouk Verbeek",
        "palette": "teal",
        "role": {"nl": "redacteur", "en": "editor"},
        "bio": {
            "nl": "Anouk schrijft voor Wijkkracht over initiatieven die de wijk sterker maken. Ze "
            "woonde jaren boven een buurtwinkel in Utrecht-Oost.",
            "en": "Anouk writes for Wijkkracht about initiatives that make neighbourhoods stronger. "
            "She lived above a neighbourhood shop in Utrecht-Oost for years.",
        },
    },
    "hamid": {
        "name": "Hamid El Amrani",
        "palette": "blue",
        "role": {"nl": "netwerkcoördinator", "en": "network coordinator"},
        "bio": {
            "nl": "Hamid brengt initiatieven, gemeenten en bedrijven met elkaar in contact en "
            "begeleidt de living labs.",
            "en": "Hamid connects initiatives, municipalities and companies and supports the "
            "living labs.",
        },
    },
    "marieke": {
        "name": "Marieke de Boer",
        "palette": "purple",
        "role": {"nl": "onderzoeker participatie", "en": "participation researcher"},
        "bio": {
            "nl": "Marieke onderzoekt wie er meedoet in de participatiesamenleving, en wat "
            "initiatieven daarvoor nodig hebben.",
            "en": "Marieke researches who takes part in the participation society, and what "
            "initiatives need to make that happen.",
        },
    },
    "joost": {
        "name": "Joost van Dijk",
        "palette": "orange",
        "role": {"nl": "coach regionale netwerken", "en": "regional networks coach"},
        "bio": {
            "nl": "Joost helpt bewoners en ondernemers om samen een wijkbedrijf of coöperatie op "
            "te zetten.",
            "en": "Joost helps residents and entrepreneurs to set up a neighbourhood company or "
            "cooperative together.",
        },
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
        "audiences": ["gemeente", "organisatie", "bewoner"],
        "tags": ["MAEX", "Kracht in NL"],
        "authors": ["anouk"],
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
            (
                "heading",
                {"nl": "Koop in bij de buurt", "en": "Buy from the neighbourhood"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Bedrijven, banken, fondsen en overheden worden steeds nieuwsgieriger "
                    "naar deze initiatieven. Samenwerken kan door hun producten en diensten af "
                    "te nemen, maatschappelijk verantwoord in te kopen en in de initiatieven te "
                    "investeren: streekproducten, energie, zorg aan huis of gerecycled "
                    "plastic.</p>",
                    "en": "<p>Companies, banks, funds and governments are increasingly curious about "
                    "these initiatives. Working together can mean buying their products and "
                    "services, procuring in a socially responsible way and investing in the "
                    "initiatives: regional produce, energy, home care or recycled plastic.</p>",
                },
            ),
            (
                "call_to_action",
                {
                    "title": {
                        "nl": "Zoek een initiatief om mee samen te werken",
                        "en": "Find an initiative to work with",
                    },
                    "text": {
                        "nl": "Op de MAEX staan ruim 1.250 initiatieven, met wat ze doen en wat "
                        "ze nodig hebben.",
                        "en": "More than 1,250 initiatives are listed on the MAEX, with what they "
                        "do and what they need.",
                    },
                    "link": {
                        "page": None,
                        "url": "https://www.maex.nl/",
                        "label": {"nl": "Naar de MAEX", "en": "Go to the MAEX"},
                    },
                },
            ),
        ],
        "reactions": [
            {
                "name": "Ingrid Postma",
                "text": {
                    "nl": "Herkenbaar! Onze energiecoöperatie levert stroom aan 400 huishoudens, "
                    "maar de gemeente kent ons nauwelijks.",
                    "en": "So true! Our energy cooperative supplies power to 400 households, but the "
                    "municipality hardly knows us.",
                },
            },
            {
                "name": "Ruud Jansen",
                "text": {
                    "nl": "Mooi om te lezen. Wij kopen sinds dit jaar onze koffie bij een "
                    "zorgboerderij in de buurt.",
                    "en": "Good to read. Since this year our office buys its coffee from a care "
                    "farm nearby.",
                },
            },
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
        "audiences": ["gemeente", "organisatie"],
        "tags": ["Amersfoort", "Blue Economy", "Impact Midden"],
        "authors": ["hamid"],
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
            (
                "heading",
                {"nl": "Levensvatbaar, ook zonder subsidie", "en": "Viable, also without subsidy"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Met goede begeleiding ontstaat een lokale community die zich inzet "
                    "voor een sociale, duurzame economie. Nieuwe bedrijven en coalities gaan "
                    "concrete oplossingen exploiteren, en dat werkt ook op de lange termijn: "
                    "anders dan bij projecten die stoppen zodra de subsidie op is.</p>",
                    "en": "<p>With good guidance a local community grows that works for a social, "
                    "sustainable economy. New companies and coalitions start to run concrete "
                    "solutions, and that lasts: unlike projects that stop as soon as the "
                    "subsidy runs out.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": "Apart van elkaar kunnen we de vraagstukken van vandaag niet "
                        "oplossen: overheid, bedrijfsleven, maatschappelijke organisaties en "
                        "burgers hebben elkaar nodig.",
                        "en": "Separately we cannot solve today's questions: government, "
                        "business, civil society organisations and citizens need each other.",
                    },
                    "attribution": {
                        "nl": "Een initiatiefnemer van Impact Midden",
                        "en": "An initiator of Impact Midden",
                    },
                },
            ),
        ],
        "reactions": [
            {
                "name": "Fatima Bouzid",
                "text": {
                    "nl": "Wij zitten in de regio Zwolle en willen dit ook. Wie weet hoe we "
                    "kunnen beginnen?",
                    "en": "We are in the Zwolle region and would like this too. Who knows how we "
                    "can start?",
                },
            },
        ],
    },
    {
        "slug": {
            "nl": "regionale-duurzaamheidsnetwerken",
            "en": "regional-sustainability-networks",
        },
        "title": {
            "nl": "Regionale duurzaamheidsnetwerken: de wijk als waardengemeenschap",
            "en": "Regional sustainability networks: the neighbourhood as a community of values",
        },
        "date": datetime.date(2026, 10, 20),
        "themes": ["werk-inkomen", "leefbaarheid"],
        "audiences": ["organisatie", "bewoner"],
        "tags": ["Haarlem", "Schalkwijk", "BEMM"],
        "authors": ["joost"],
        "palette": "purple",
        "intro": {
            "nl": "Steeds meer mensen willen zelf verantwoordelijkheid nemen voor hun passie. In "
            "Schalkwijk groeit daaruit een netwerk dat democratie en ondernemerschap "
            "verbindt.",
            "en": "More and more people want to take responsibility for their passion "
            "themselves. In Schalkwijk this is growing into a network that connects "
            "democracy and enterprise.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Die dromen gaan over duurzame oplossingen voor grondstoffen, over "
                    "de kwaliteit van ons voedsel en over wederkerigheid in zorg, verzekering "
                    "en energie. Maar ook over samen een gemeenschap vormen: diensten, "
                    "middelen en maaltijden delen, liefst met gesloten beurs.</p>"
                    "<p>Regionale duurzaamheidsnetwerken zijn succesvol omdat ze verankerd "
                    "zijn in de identiteit van hun regio. Mensen bundelen er hun kennis, "
                    "vaardigheden en netwerken.</p>",
                    "en": "<p>Those dreams are about sustainable solutions for raw materials, about "
                    "the quality of our food and about reciprocity in care, insurance and "
                    "energy. But also about forming a community together: sharing services, "
                    "resources and meals, preferably without money changing hands.</p>"
                    "<p>Regional sustainability networks succeed because they are rooted in the "
                    "identity of their region. People pool their knowledge, skills and "
                    "networks there.</p>",
                },
            ),
            (
                "heading",
                {"nl": "Kansen in Schalkwijk", "en": "Opportunities in Schalkwijk"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Goede kansen liggen waar economische en maatschappelijke uitdagingen "
                    "samenkomen: leegstaand vastgoed in de wijk, de mismatch op de "
                    "arbeidsmarkt, samenwerking tussen grote en kleine bedrijven en de "
                    "groeiende zorgvraag van een ouder wordende bevolking.</p>"
                    "<p>Collectieve inkoop, lokale partners inschakelen en informele "
                    "waarde-uitruil vergroten de koopkracht van iedereen in de wijk. Zo kunnen "
                    "ook mensen met een laag inkomen, en vooral jongeren, blijven meedoen.</p>",
                    "en": "<p>Good opportunities lie where economic and social challenges meet: "
                    "vacant property in the neighbourhood, the mismatch on the labour market, "
                    "collaboration between large and small companies and the growing demand "
                    "for care of an ageing population.</p>"
                    "<p>Collective purchasing, engaging local partners and informal exchange of "
                    "value increase the purchasing power of everyone in the neighbourhood. That "
                    "way people on a low income, and young people above all, can keep taking "
                    "part.</p>",
                },
            ),
            (
                "related_links",
                {
                    "title": {"nl": "Meer lezen", "en": "Read more"},
                    "links": [
                        {
                            "page": None,
                            "url": "https://www.lsabewoners.nl/",
                            "label": {
                                "nl": "Landelijk Samenwerkingsverband Actieve bewoners",
                                "en": "National Association of Active Residents (LSA)",
                            },
                        },
                        {
                            "page": None,
                            "url": "https://www.maex.nl/",
                            "label": {"nl": "De MAEX", "en": "The MAEX"},
                        },
                    ],
                },
            ),
        ],
        "reactions": [
            {
                "name": "Said Ouali",
                "text": {
                    "nl": "Collectieve inkoop heeft bij ons in de flat honderden euro's per "
                    "huishouden gescheeld. Het werkt echt.",
                    "en": "Collective purchasing saved hundreds of euros per household in our "
                    "block of flats. It really works.",
                },
            },
            {
                "name": "Lotte Smit",
                "text": {
                    "nl": "Goed dat jongeren genoemd worden. Zij worden vaak vergeten.",
                    "en": "Good that young people are mentioned. They are often forgotten.",
                },
            },
        ],
    },
    {
        "slug": {"nl": "de-all-inclusive-wijk", "en": "the-all-inclusive-neighbourhood"},
        "title": {
            "nl": "De all-inclusive wijk: collectief ondernemen, professioneel samenwerken",
            "en": "The all-inclusive neighbourhood: enterprising together, working together "
            "professionally",
        },
        "date": datetime.date(2026, 11, 3),
        "themes": ["wonen", "zorg-welzijn", "werk-inkomen"],
        "audiences": ["gemeente", "organisatie"],
        "tags": ["living labs"],
        "authors": ["anouk", "hamid"],
        "palette": "teal",
        "intro": {
            "nl": "Gemeenten, organisaties, bedrijven en bewoners kunnen in een wijk of dorp meer "
            "welvaart en welzijn realiseren. De all-inclusive wijk laat zien hoe.",
            "en": "Municipalities, organisations, companies and residents can create more "
            "prosperity and wellbeing in a neighbourhood or village. The all-inclusive "
            "neighbourhood shows how.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Gemeenten willen taken, werk en budget decentraliseren. Bedrijven "
                    "willen innoveren en dichter bij hun klanten staan. Bewoners willen een "
                    "leefbare omgeving en meer zeggenschap over onderwijs en zorg. De "
                    "all-inclusive wijk brengt die drie behoeften samen.</p>"
                    "<p>Het concept noemt de voorwaarden voor professionele samenwerking: lokale "
                    "coöperaties, wijkbedrijven, dorpsraden, een wijkboekhouding, broodfondsen, "
                    "leerkringen en aanvullende geldsystemen.</p>",
                    "en": "<p>Municipalities want to decentralise tasks, work and budgets. Companies "
                    "want to innovate and be closer to their customers. Residents want a "
                    "liveable environment and more say over education and care. The "
                    "all-inclusive neighbourhood brings those three needs together.</p>"
                    "<p>The concept names the conditions for professional collaboration: local "
                    "cooperatives, neighbourhood companies, village councils, neighbourhood "
                    "accounts, bread funds, learning circles and complementary currencies.</p>",
                },
            ),
            (
                "image",
                {
                    "image": "image:de-all-inclusive-wijk-straat",
                    "caption": {
                        "nl": "Een straat waar bewoners samen de huizen onderhouden.",
                        "en": "A street where residents maintain the houses together.",
                    },
                    "credit": {"nl": "Wijkkracht", "en": "Wijkkracht"},
                },
            ),
            (
                "heading",
                {"nl": "Twaalf living labs", "en": "Twelve living labs"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Samen leren, doen en proberen is de kern. Met een landelijke "
                    "maatschappelijke oproep nodigt het netwerk partijen uit om twaalf living "
                    "labs te starten, elk in een echte wijk of een echt dorp.</p>",
                    "en": "<p>Learning, doing and trying together is the core. With a national "
                    "open call the network invites partners to start twelve living labs, each "
                    "in a real neighbourhood or village.</p>",
                },
            ),
        ],
        "reactions": [
            {
                "name": "Wendy Kok",
                "text": {
                    "nl": "Een wijkboekhouding zou bij ons veel helderheid geven over waar het "
                    "geld naartoe gaat.",
                    "en": "Neighbourhood accounts would make it much clearer for us where the "
                    "money goes.",
                },
            },
        ],
    },
    {
        "slug": {
            "nl": "bewonersinitiatief-is-niet-elitair",
            "en": "residents-initiatives-are-not-elitist",
        },
        "title": {
            "nl": "Bewonersinitiatief is niet elitair",
            "en": "Residents' initiatives are not elitist",
        },
        "date": datetime.date(2026, 11, 12),
        "themes": ["leefbaarheid", "zorg-welzijn"],
        "audiences": ["gemeente", "bewoner"],
        "tags": ["MAEX", "LSA", "Kracht in NL"],
        "authors": ["marieke"],
        "palette": "red",
        "intro": {
            "nl": "Participatie is iets voor hoogopgeleiden, is vaak het beeld. Bewonersgroepen "
            "en maatschappelijke initiatieven laten iets anders zien.",
            "en": "Participation is something for the highly educated, is the common image. "
            "Residents' groups and civic initiatives show something else.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Maatschappelijk initiatief heeft een grote vlucht genomen, in aantal "
                    "en in impact. Er ontstaan steeds meer bewonersbedrijven, buurthuizen "
                    "blijven open in zelfbeheer en vrijwilligers zetten zorginitiatieven op. "
                    "Op de MAEX staan ruim 1.250 initiatieven die van waarde zijn voor meer "
                    "dan 2 miljoen Nederlanders.</p>"
                    "<p>Per initiatief wordt zo'n 50 uur vrijwilligerswerk per week "
                    "geleverd.</p>",
                    "en": "<p>Civic initiative has grown enormously, in number and in impact. More "
                    "and more residents' companies are starting, community centres stay open "
                    "under self-management and volunteers set up care initiatives. More than "
                    "1,250 initiatives are listed on the MAEX, of value to more than 2 million "
                    "people in the Netherlands.</p>"
                    "<p>Each initiative contributes about 50 hours of volunteer work a "
                    "week.</p>",
                },
            ),
            (
                "heading",
                {"nl": "Participatie is van iedereen", "en": "Participation belongs to everyone"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Initiatieven ontstaan in alle wijken, ook in aandachtswijken. De "
                    "mensen die erin investeren zijn divers: ze staan in de keuken van het "
                    "buurthuis, werken in de buurttuin of rijden voor de "
                    "boodschappendienst.</p>",
                    "en": "<p>Initiatives start in every neighbourhood, including deprived ones. The "
                    "people who invest in them are diverse: they work in the community centre's "
                    "kitchen, in the community garden or drive for the grocery service.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": "We spreken liever van een investeringsmaatschappij, waarin ieders "
                        "bijdrage telt en iedereen van waarde is.",
                        "en": "We prefer to speak of an investment society, in which everyone's "
                        "contribution counts and everyone is of value.",
                    },
                    "attribution": {"nl": "LSA en Kracht in NL", "en": "LSA and Kracht in NL"},
                },
            ),
        ],
        "reactions": [
            {
                "name": "Henk Bakker",
                "text": {
                    "nl": "Als vrijwilliger in ons buurthuis kan ik dit alleen maar beamen.",
                    "en": "As a volunteer in our community centre I can only agree.",
                },
            },
            {
                "name": "Nadia Yilmaz",
                "text": {
                    "nl": "De regels van de gemeente zijn voor ons nog steeds de grootste "
                    "drempel. Daar mag meer aandacht voor komen.",
                    "en": "The municipality's rules are still the biggest hurdle for us. That "
                    "deserves more attention.",
                },
            },
        ],
    },
    {
        "slug": {
            "nl": "als-de-wijk-zelf-de-huizen-onderhoudt",
            "en": "when-the-neighbourhood-maintains-its-own-houses",
        },
        "title": {
            "nl": "Als de wijk zelf de huizen onderhoudt",
            "en": "When the neighbourhood maintains its own houses",
        },
        "date": datetime.date(2026, 11, 18),
        "themes": ["wonen", "werk-inkomen"],
        "audiences": ["organisatie", "bewoner"],
        "tags": ["living labs"],
        "authors": ["joost"],
        "palette": "ochre",
        "intro": {
            "nl": "Een woningcorporatie wil goed onderhouden woningen, bewoners willen werk. Een "
            "wijkbedrijf brengt die twee bij elkaar.",
            "en": "A housing association wants well-maintained homes, residents want work. A "
            "neighbourhood company brings the two together.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Stel, je bent een woningcorporatie. Zou je het onderhoud door mensen "
                    "uit de wijk laten uitvoeren? Veel mensen willen dat graag doen. De "
                    "gemeente bespaart op dure re-integratietrajecten, bewoners klimmen uit "
                    "de schulden en wie eenzaam is, krijgt weer een nuttige rol.</p>"
                    "<p>Dan moet er wel een wijkbedrijf zijn dat zo'n opdracht kan aannemen en "
                    "uitvoeren, met vakmensen die anderen inwerken.</p>",
                    "en": "<p>Suppose you are a housing association. Would you let people from the "
                    "neighbourhood carry out the maintenance? Many people would love to. The "
                    "municipality saves on expensive reintegration programmes, residents climb "
                    "out of debt and those who are lonely get a useful role again.</p>"
                    "<p>That does need a neighbourhood company that can take on and carry out "
                    "such an assignment, with skilled people who train others.</p>",
                },
            ),
            (
                "heading",
                {"nl": "Een huis voor de wijk", "en": "A house for the neighbourhood"},
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Je kunt ook samen met je wijk een huis kopen en het inbrengen in een "
                    "lokale coöperatie. Een wijkondernemer verhuurt het aan bewoners die "
                    "tijdelijk niet thuis kunnen wonen, bijvoorbeeld omdat hun huis "
                    "energieneutraal wordt gemaakt. De inkomsten vloeien terug naar wie het "
                    "huis inbracht.</p>",
                    "en": "<p>You can also buy a house together with your neighbourhood and bring "
                    "it into a local cooperative. A neighbourhood entrepreneur rents it to "
                    "residents who temporarily cannot live at home, for instance because their "
                    "house is being made energy neutral. The income flows back to those who "
                    "brought in the house.</p>",
                },
            ),
        ],
        "reactions": [
            {
                "name": "Peter de Wit",
                "text": {
                    "nl": "Bij ons schildert een groep buurtbewoners nu alle kozijnen van de "
                    "corporatie. Iedereen blij.",
                    "en": "In our street a group of residents now paints all the housing "
                    "association's window frames. Everyone is happy.",
                },
            },
        ],
    },
    {
        "slug": {"nl": "zwammen-op-koffiedik", "en": "mushrooms-on-coffee-grounds"},
        "title": {
            "nl": "Zwammen op koffiedik: de reststroom van het ene bedrijf is de grondstof van "
            "het andere",
            "en": "Mushrooms on coffee grounds: one company's waste is another's raw material",
        },
        "date": datetime.date(2026, 11, 21),
        "themes": ["voedsel", "afval-grondstoffen"],
        "audiences": ["organisatie"],
        "tags": ["Blue Economy", "Groningen"],
        "authors": ["marieke", "anouk"],
        "palette": "brown",
        "intro": {
            "nl": "Restaurants geven hun koffieprut aan zwammenkwekers. Een klein voorbeeld van "
            "een groot idee: wat overblijft, is ergens anders nodig.",
            "en": "Restaurants give their coffee grounds to mushroom growers. A small example of "
            "a big idea: what is left over is needed somewhere else.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>In de Blue Economy worden reststoffen opnieuw gebruikt door "
                    "bedrijven met duurzame producten. Koffiedik is een goede voedingsbodem "
                    "voor oesterzwammen; wat de zwammen overlaten, wordt compost voor de "
                    "moestuin.</p>"
                    "<p>Zo ontstaat een kringloop in de buurt, met werk voor mensen die verder "
                    "van de arbeidsmarkt staan.</p>",
                    "en": "<p>In the Blue Economy, residual materials are reused by companies with "
                    "sustainable products. Coffee grounds are a good growing medium for oyster "
                    "mushrooms; what the mushrooms leave becomes compost for the vegetable "
                    "garden.</p>"
                    "<p>That creates a local cycle, with work for people who are further from "
                    "the labour market.</p>",
                },
            ),
        ],
        "reactions": [],
    },
]


def portrait(name, palette):
    """A square portrait placeholder: the person's initials on a coloured disc (JPEG)."""
    dark, _mid, light, _accent = PALETTES[palette]
    size = 400
    image = PILImage.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, size - 20, size - 20), fill=dark)
    initials = "".join(part[0] for part in name.split() if part[0].isupper())[:2]
    try:
        font = ImageFont.load_default(size=150)
    except TypeError:  # Pillow before 10.1 has one fixed size
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), initials, fill=light, font=font, anchor="mm")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85)
    return output.getvalue()


def portrait_image(name, palette):
    Image = get_image_model()
    title = f"Portret {name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        stream = io.BytesIO(portrait(name, palette))
        stream.name = f"portret-{slug}.jpg"
        image = Image(title=title, description="")
        image.file = ImageFile(stream, name=stream.name)
        image.save()
    return image


def load_people(demo):
    people = {}
    for key, data in PEOPLE.items():
        person = Person.objects.filter(locale=demo.nl, name=data["name"]).first()
        if person is None:
            person = Person.objects.create(
                locale=demo.nl,
                name=data["name"],
                role=data["role"]["nl"],
                bio=data["bio"]["nl"],
                photo=portrait_image(data["name"], data["palette"]),
            )
            demo.say(f"  + person: {person.name}")
        demo.translate(person, {"role": data["role"], "bio": data["bio"]})
        people[key] = person
    return people


def load_reactions(page, reactions, language):
    """Approved reactions under a story, a day apart after its date; once."""
    if page.reactions.exists():
        return
    for number, data in enumerate(reactions, start=1):
        moment = timezone.make_aware(
            datetime.datetime.combine(page.date, datetime.time(10 + number, 15 * number))
        ) + datetime.timedelta(days=number)
        Reaction.objects.create(
            page=page,
            name=data["name"],
            email=f"{data['name'].split()[0].lower()}@example.org",
            text=data["text"][language],
            language=language,
            status=Reaction.Status.APPROVED,
            consent_at=moment,
            created_at=moment,
            moderated_at=moment + datetime.timedelta(hours=2),
        )


def resolve_images(demo, value, palette, scene="wonen"):
    """Replace "image:<slug>" markers in a body with demo images."""
    if isinstance(value, str) and value.startswith("image:"):
        return demo.image(value.removeprefix("image:"), "", palette, scene)
    if isinstance(value, dict) and set(value) != {"nl", "en"}:
        return {key: resolve_images(demo, item, palette, scene) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(resolve_images(demo, item, palette, scene) for item in value)
    return value


def load_blog(demo):
    people = load_people(demo)
    index = demo.page(demo.home, BlogIndexPage, INDEX)
    demo.translate(index, INDEX)
    for data in STORIES:
        fields = {
            key: value
            for key, value in data.items()
            if key not in ("palette", "authors", "reactions", "tags")
        }
        # A picture in the story shows its last theme, the card its first.
        scene = data["themes"][-1] if data["themes"] else "wonen"
        fields["body"] = resolve_images(demo, data["body"], data["palette"], scene)
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        post = demo.page(
            index,
            BlogPage,
            fields,
            listing_image=demo.image(
                data["title"]["nl"], "", data["palette"], next(iter(data["themes"]), "wonen")
            ),
            authors=[BlogPageAuthor(person=people[key]) for key in data["authors"]],
            tags=data["tags"],
        )
        english = demo.translate(post, {**data, "body": fields["body"]})
        load_reactions(post, data["reactions"], "nl")
        load_reactions(english, data["reactions"], "en")
