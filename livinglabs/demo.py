"""Demo living labs, after the programme the network's texts describe (../shared/seeds).

Nine labs in all five phases, in Dutch with English translations: the Regionomie expedition
of forty residents in Amersfoort, the Groningen discovery with twenty business cases of which
five were worked out, mushrooms on restaurants' coffee grounds, a generation house against
loneliness, a neighbourhood company that maintains a housing corporation's homes, a health
insurer's collective discount, a neighbourhood bookkeeping, Meppel's revival and a stopped
exchange house. Partners are the demo initiatives where the seeds name one.
"""

import datetime
from decimal import Decimal

from members.models import MemberPage
from portal.models import Theme

from .models import (
    LivingLabBusinessCase,
    LivingLabFigure,
    LivingLabIndexPage,
    LivingLabMilestone,
    LivingLabPage,
    LivingLabPartner,
)

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
    "body": [
        (
            "paragraph",
            {
                "nl": "<p>Het netwerk wil twaalf living labs ‘all inclusive wijk’ opstarten. Met "
                "een landelijke maatschappelijke call nodigen we partijen uit: breng je vraag in, "
                "en bepaal je positie in het speelveld.</p>",
                "en": "<p>The network wants to start twelve ‘all inclusive neighbourhood’ living "
                "labs. A national open call invites everyone to take part: bring in your "
                "question, and find your place on the playing field.</p>",
            },
        )
    ],
}


def t(nl, en):
    return {"nl": nl, "en": en}


def partner(who, role, nl="", en=""):
    """``who``: a demo initiative's Dutch slug (``@slug``) or an outside partner's name."""
    return {"who": who, "role": role, "contribution": t(nl, en) if nl else ""}


def case(nl, en, status, nl_text="", en_text=""):
    return {
        "title": t(nl, en),
        "status": status,
        "description": t(nl_text, en_text) if nl_text else "",
    }


def milestone(date, nl, en, nl_text="", en_text=""):
    return {"date": date, "title": t(nl, en), "description": t(nl_text, en_text) if nl_text else ""}


def elements(involvement, setting, stakeholders, methods, creation):
    names = ("user_involvement", "real_life_setting", "multi_stakeholder", "multi_method")
    values = dict(zip(names, (involvement, setting, stakeholders, methods), strict=True))
    return {**values, "co_creation": creation}


GRONINGEN_CASES = [
    case(
        "Zwammen op koffiedik",
        "Mushrooms on coffee grounds",
        "uitgewerkt",
        "Restaurants leveren koffiedik aan een zwammenkwekerij in de stad.",
        "Restaurants deliver coffee grounds to a mushroom farm in the city.",
    ),
    case(
        "Woongemeenschap voor jong en oud",
        "Housing community for young and old",
        "uitgewerkt",
        "Een duurzame woongemeenschap waar ook ouderen een plek krijgen.",
        "A sustainable housing community with a place for older people too.",
    ),
    case(
        "Dorpsenergie met zonnedaken",
        "Village energy from solar roofs",
        "uitgewerkt",
        "Dorpen wekken samen stroom op op de daken van boerenschuren.",
        "Villages generate power together on the roofs of farm barns.",
    ),
    case(
        "Wijkbedrijf voor het groen",
        "Neighbourhood company for green spaces",
        "uitgewerkt",
        "Bewoners onderhouden het openbaar groen in opdracht van de gemeente.",
        "Residents maintain public green spaces for the municipality.",
    ),
    case(
        "Repaircafé met leerwerkplek",
        "Repair café with work placements",
        "uitgewerkt",
        "Jongeren leren er een vak terwijl buren hun spullen laten maken.",
        "Young people learn a trade while neighbours have their things repaired.",
    ),
    case("Streekproducten in de kantine", "Regional produce in the canteen", "idee"),
    case("Deelauto's voor het dorp", "Shared cars for the village", "idee"),
    case("Boodschappendienst met de buurtbus", "Grocery service by neighbourhood bus", "idee"),
    case("Bouwmateriaal uit sloop", "Building material from demolition", "idee"),
    case("Wol van stadsschapen", "Wool from city sheep", "idee"),
    case("Kas op het schooldak", "Greenhouse on the school roof", "idee"),
    case("Warmte uit het zwembad", "Heat from the swimming pool", "idee"),
    case("Klusdienst voor ouderen", "Odd-job service for older people", "idee"),
    case("Broodfonds voor zzp'ers", "Bread fund for freelancers", "idee"),
    case("Textiel opnieuw naaien", "Sewing textiles anew", "idee"),
    case("Fietsenmakerij met statushouders", "Bicycle workshop with refugees", "idee"),
    case("Compost uit de markt", "Compost from the market", "idee"),
    case("Wijkkeuken met restvoedsel", "Neighbourhood kitchen with surplus food", "idee"),
    case("Zorgboerderij aan de stadsrand", "Care farm on the edge of town", "idee"),
    case("Lokale munt voor de binnenstad", "Local currency for the city centre", "idee"),
]

LABS = [
    {
        "slug": t("expeditie-nieuw-amersfoort", "expedition-new-amersfoort"),
        "title": t("Expeditie Nieuw Amersfoort", "Expedition New Amersfoort"),
        "phase": "uitvoering",
        "start_date": datetime.date(2025, 11, 12),
        "place": "Amersfoort",
        "province": "utrecht",
        "latitude": Decimal("52.15610"),
        "longitude": Decimal("5.38780"),
        "themes": ["werk-inkomen", "afval-grondstoffen"],
        "audiences": ["gemeente", "organisatie"],
        "palette": "blue",
        "summary": t(
            "Veertig Amersfoorters bouwen volgens de Regionomie-aanpak aan initiatieven en "
            "start-ups voor een sociale en duurzame economie in de regio.",
            "Forty residents of Amersfoort use the Regionomics approach to build initiatives and "
            "start-ups for a social and sustainable regional economy.",
        ),
        "question": t(
            "Hoe maken we van de vraagstukken in de regio Amersfoort levensvatbare business "
            "cases, die ook doorgaan als er geen subsidie meer is?",
            "How do we turn the questions of the Amersfoort region into viable business cases "
            "that carry on when there is no more subsidy?",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>De reis begint met het in kaart brengen van de vraagstukken in de regio. "
                    "Daarna onderzoeken de reizigers de context, zodat over sectoren heen verbindingen "
                    "ontstaan. Zo komen er concrete business cases uit, waarmee sociale en duurzame "
                    "start-ups aan de slag kunnen.</p>",
                    "<p>The journey starts by mapping the questions of the region. Then the "
                    "travellers look into their context, so that connections across sectors appear. "
                    "This leads to concrete business cases that social and sustainable start-ups can "
                    "take up.</p>",
                ),
            ),
        ],
        "results": t(
            "Na een jaar zijn er acht business cases benoemd. Twee zijn gestart: een deelbus voor "
            "Eemland en een kwekerij op koffiedik van kantoren.",
            "After a year, eight business cases have been named. Two have started: a shared bus "
            "for Eemland and a nursery on coffee grounds from offices.",
        ),
        **elements(
            t(
                "Veertig bewoners reizen mee en kiezen zelf de vraagstukken.",
                "Forty residents join the journey and choose the questions themselves.",
            ),
            t(
                "De regio Amersfoort: wijken, bedrijventerreinen en het buitengebied.",
                "The Amersfoort region: neighbourhoods, business parks and the countryside.",
            ),
            t(
                "Bewoners, gemeente, ondernemers en het netwerk Impact Midden.",
                "Residents, the municipality, entrepreneurs and the Impact Midden network.",
            ),
            t(
                "Systemic design: vraagstukken in kaart, contextonderzoek, ontwerpsessies.",
                "Systemic design: mapping questions, context research, design sessions.",
            ),
            t(
                "De reizigers ontwerpen de business cases samen met wie ze gaat uitvoeren.",
                "The travellers design the business cases with those who will run them.",
            ),
        ),
        "contact_name": "Sandra Barth",
        "contact_role": t("mede-initiatiefnemer Impact Midden", "co-founder of Impact Midden"),
        "contact_email": "expeditie@impactmidden.example",
        "partners": [
            partner(
                "@buurtbus-eemland",
                "initiatief",
                "Rijdt de deelbus en denkt mee over vervoer in de regio.",
                "Runs the shared bus and helps think about transport in the region.",
            ),
            partner("Impact Midden", "anders", "Organiseert de reis.", "Organises the journey."),
            partner(
                "Gemeente Amersfoort",
                "gemeente",
                "Stelt ruimte en kennis beschikbaar.",
                "Provides space and knowledge.",
            ),
            partner(
                "Red to be Blue",
                "bedrijf",
                "Begeleidt volgens de Blue Economy.",
                "Guides the work along Blue Economy lines.",
            ),
        ],
        "cases": [
            case(
                "Deelbus Eemland",
                "Shared bus Eemland",
                "gestart",
                "Een elektrische bus die buurtbewoners samen gebruiken.",
                "An electric bus that neighbours use together.",
            ),
            case(
                "Koffiedik van kantoren",
                "Coffee grounds from offices",
                "gestart",
                "Kantoren leveren koffiedik voor een kwekerij.",
                "Offices deliver coffee grounds to a nursery.",
            ),
            case("Hout uit de stadsbossen", "Timber from the city woods", "uitgewerkt"),
            case("Leerwerkplekken in de bouw", "Work placements in construction", "idee"),
        ],
        "figures": [("bewoners", 40), ("banen", 3)],
        "milestones": [
            milestone(
                datetime.date(2025, 11, 12),
                "Start van de expeditie",
                "The expedition sets off",
                "Veertig Amersfoorters gaan op reis.",
                "Forty residents set off.",
            ),
            milestone(
                datetime.date(2026, 3, 20),
                "Acht business cases benoemd",
                "Eight business cases named",
            ),
            milestone(
                datetime.date(2027, 1, 15),
                "Eerste oogst van de expeditie",
                "First harvest of the expedition",
                "De reizigers laten zien wat er is gestart.",
                "The travellers show what has started.",
            ),
            milestone(
                datetime.date(2027, 11, 12),
                "De expeditie draagt over aan de regio",
                "The expedition hands over to the region",
                "De business cases gaan verder zonder begeleiding van het programma.",
                "The business cases carry on without the programme's guidance.",
            ),
        ],
        "photos": [t("Ontwerpsessie in de bibliotheek", "Design session in the library")],
    },
    {
        "slug": t("ontdekking-van-groningen", "discovery-of-groningen"),
        "title": t("De ontdekking van Groningen", "The discovery of Groningen"),
        "phase": "geborgd",
        "start_date": datetime.date(2017, 5, 1),
        "end_date": datetime.date(2019, 6, 30),
        "place": "Groningen",
        "province": "groningen",
        "latitude": Decimal("53.21940"),
        "longitude": Decimal("6.56650"),
        "themes": ["afval-grondstoffen", "werk-inkomen", "voedsel"],
        "audiences": ["gemeente", "bewoner"],
        "palette": "teal",
        "summary": t(
            "De eerste Regionomie-reis: twintig business cases benoemd, waarvan er vijf zijn "
            "uitgewerkt tot concrete plannen.",
            "The first Regionomics journey: twenty business cases named, five of which were "
            "worked out into concrete plans.",
        ),
        "question": t(
            "Welke kansen liggen er in Groningen waar economische en maatschappelijke "
            "uitdagingen elkaar raken?",
            "What opportunities does Groningen hold where economic and social challenges meet?",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>In de Ontdekking van Groningen is de aanpak Regionomie voor het eerst "
                    "toegepast. Reststoffen van het ene bedrijf werden grondstof voor het andere.</p>",
                    "<p>The Discovery of Groningen was the first time the Regionomics approach was "
                    "used. One company's residues became another's raw material.</p>",
                ),
            ),
        ],
        "results": t(
            "Vijf van de twintig business cases zijn uitgewerkt; de aanpak wordt nu in andere "
            "regio's herhaald.",
            "Five of the twenty business cases were worked out; the approach is now being "
            "repeated in other regions.",
        ),
        **elements(
            t(
                "Bewoners en ondernemers brachten zelf de vraagstukken in.",
                "Residents and entrepreneurs brought in the questions themselves.",
            ),
            t(
                "De stad Groningen en de dorpen eromheen.",
                "The city of Groningen and the villages around it.",
            ),
            t(
                "Bewonersorganisaties, ondernemers, gemeente en hogeschool.",
                "Residents' organisations, entrepreneurs, the municipality and a university of "
                "applied sciences.",
            ),
            t(
                "Interviews, een kaart van reststromen en ontwerpateliers.",
                "Interviews, a map of residual flows and design studios.",
            ),
            t(
                "De business cases zijn samen met de ondernemers uitgewerkt.",
                "The business cases were worked out together with the entrepreneurs.",
            ),
        ),
        "contact_name": "Engbert Breuker",
        "contact_role": t("begeleider Regionomie", "Regionomics guide"),
        "contact_email": "ontdekking@regionomie.example",
        "partners": [
            partner(
                "@bewonersorganisatie-beijum",
                "initiatief",
                "Bracht de vragen uit Beijum in.",
                "Brought in the questions from Beijum.",
            ),
            partner(
                "@dorpsenergie-loppersum",
                "initiatief",
                "Werkte de dorpsenergie uit.",
                "Worked out the village energy case.",
            ),
            partner("Gemeente Groningen", "gemeente"),
            partner(
                "Hanzehogeschool Groningen",
                "kennisinstelling",
                "Studenten onderzochten de reststromen.",
                "Students researched the residual flows.",
            ),
        ],
        "cases": GRONINGEN_CASES,
        "figures": [("bewoners", 120), ("banen", 14)],
        "milestones": [
            milestone(datetime.date(2017, 5, 1), "Start van de ontdekking", "The discovery starts"),
            milestone(
                datetime.date(2018, 2, 1),
                "Twintig business cases benoemd",
                "Twenty business cases named",
            ),
            milestone(
                datetime.date(2019, 6, 30), "Vijf plannen uitgewerkt", "Five plans worked out"
            ),
        ],
        "photos": [t("Kaart van de reststromen", "Map of the residual flows")],
    },
    {
        "slug": t("zwammen-op-koffiedik", "mushrooms-on-coffee-grounds"),
        "title": t("Zwammen op koffiedik", "Mushrooms on coffee grounds"),
        "phase": "uitvoering",
        "start_date": datetime.date(2024, 9, 1),
        "place": "Rotterdam",
        "province": "zuid-holland",
        "latitude": Decimal("51.92250"),
        "longitude": Decimal("4.47917"),
        "themes": ["voedsel", "afval-grondstoffen"],
        "audiences": ["organisatie"],
        "palette": "brown",
        "summary": t(
            "Restaurants in Rotterdam staan hun koffieprut af aan een zwammenkwekerij, die er "
            "oesterzwammen op kweekt en mensen met afstand tot de arbeidsmarkt werk geeft.",
            "Restaurants in Rotterdam give their coffee grounds to a mushroom farm, which grows "
            "oyster mushrooms on them and employs people far from the labour market.",
        ),
        "question": t(
            "Hoe maken we van afval uit de horeca voedsel en werk in de wijk?",
            "How do we turn waste from restaurants into food and work in the neighbourhood?",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>Elke ochtend haalt een bakfiets het koffiedik op. In een oude garage groeien "
                    "de zwammen, die terug gaan naar dezelfde restaurants.</p>",
                    "<p>Every morning a cargo bike collects the coffee grounds. The mushrooms grow in "
                    "an old garage and go back to the same restaurants.</p>",
                ),
            ),
        ],
        "results": t(
            "Twintig restaurants doen mee. De kwekerij verkoopt elke week zwammen aan de horeca.",
            "Twenty restaurants take part. The farm sells mushrooms to restaurants every week.",
        ),
        **elements(
            t(
                "Medewerkers van de kwekerij bepalen mee hoe het werk wordt ingericht.",
                "The farm's workers help decide how the work is organised.",
            ),
            t(
                "Een garage in Rotterdam-West en de keukens van de restaurants.",
                "A garage in Rotterdam West and the restaurants' kitchens.",
            ),
            t(
                "Kwekerij, restaurants, gemeente en een re-integratiebedrijf.",
                "The farm, restaurants, the municipality and a re-integration company.",
            ),
            t(
                "Proefteelten, weegschalen bij elke keuken, gesprekken met koks.",
                "Trial crops, scales in every kitchen, talks with chefs.",
            ),
            t(
                "Koks en kwekers bedachten samen de gerechten met zwammen.",
                "Chefs and growers came up with the mushroom dishes together.",
            ),
        ),
        "contact_name": "Yusuf Demir",
        "contact_role": t("kweker", "grower"),
        "contact_email": "kweek@koffiedik.example",
        "partners": [
            partner(
                "@zwammerij-koffiedik", "initiatief", "Kweekt de zwammen.", "Grows the mushrooms."
            ),
            partner(
                "Restaurantcollectief West",
                "bedrijf",
                "Levert het koffiedik.",
                "Supplies the coffee grounds.",
            ),
            partner("Gemeente Rotterdam", "gemeente"),
        ],
        "cases": [
            case("Zwammen voor de horeca", "Mushrooms for restaurants", "gestart"),
            case("Kweekpakket voor scholen", "Growing kit for schools", "uitgewerkt"),
        ],
        "figures": [
            ("banen", 6),
            ("anders", 800, "kilo koffiedik per week", "kilos of coffee grounds a week"),
        ],
        "milestones": [
            milestone(datetime.date(2024, 9, 1), "Eerste ophaalronde", "First collection round"),
            milestone(datetime.date(2025, 4, 1), "Eerste oogst", "First harvest"),
            milestone(
                datetime.date(2026, 12, 1), "Tweede kweekruimte open", "Second growing room opens"
            ),
        ],
        "photos": [t("Oesterzwammen op koffiedik", "Oyster mushrooms on coffee grounds")],
    },
    {
        "slug": t("generatiehuis-gerkesklooster", "generation-house-gerkesklooster"),
        "title": t("Generatiehuis Gerkesklooster", "Generation house Gerkesklooster"),
        "phase": "geborgd",
        "start_date": datetime.date(2024, 3, 1),
        "place": "Gerkesklooster",
        "province": "friesland",
        "latitude": Decimal("53.21700"),
        "longitude": Decimal("6.15400"),
        "themes": ["wonen", "zorg-welzijn"],
        "audiences": ["gemeente", "bewoner"],
        "palette": "ochre",
        "summary": t(
            "In de oude school van het dorp wonen, werken en ontmoeten jong en oud elkaar. Zo "
            "gaat het generatiehuis eenzaamheid tegen.",
            "In the village's old school, young and old live, work and meet. That is how the "
            "generation house counters loneliness.",
        ),
        "question": t(
            "Hoe houden we voorzieningen in het dorp en kunnen ouderen blijven wonen waar ze "
            "geworteld zijn?",
            "How do we keep services in the village, so that older residents can stay where "
            "they have their roots?",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>De dorpscoöperatie kocht het schoolgebouw en verbouwde het met vrijwilligers "
                    "tot woningen, een huiskamer en werkplekken.</p>",
                    "<p>The village cooperative bought the school building and, with volunteers, "
                    "turned it into homes, a living room and workplaces.</p>",
                ),
            ),
        ],
        "results": t(
            "Twaalf mensen van drie generaties wonen in het huis. De huiskamer is elke dag open.",
            "Twelve people of three generations live in the house. The living room is open "
            "every day.",
        ),
        **elements(
            t(
                "Dorpsbewoners ontwierpen de woningen en de huiskamer zelf.",
                "Villagers designed the homes and the living room themselves.",
            ),
            t(
                "De voormalige dorpsschool midden in Gerkesklooster.",
                "The former village school in the middle of Gerkesklooster.",
            ),
            t(
                "Dorpscoöperatie, gemeente, woningcorporatie en thuiszorg.",
                "The village cooperative, the municipality, a housing corporation and home care.",
            ),
            t(
                "Keukentafelgesprekken, een proefwoning en een jaarlijkse meting van eenzaamheid.",
                "Kitchen-table talks, a trial home and a yearly measurement of loneliness.",
            ),
            t(
                "Het huurcontract en de huisregels zijn samen geschreven.",
                "The tenancy agreement and the house rules were written together.",
            ),
        ),
        "contact_name": "Anneke de Vries",
        "contact_role": t("bestuurslid dorpscoöperatie", "board member of the village cooperative"),
        "contact_email": "generatiehuis@gerkesklooster.example",
        "partners": [
            partner(
                "@dorpscooperatie-gerkesklooster-stroobos",
                "initiatief",
                "Eigenaar van het generatiehuis.",
                "Owner of the generation house.",
            ),
            partner("Gemeente Achtkarspelen", "gemeente"),
            partner(
                "Woningcorporatie Elkien",
                "woningcorporatie",
                "Verhuurt de woningen.",
                "Lets the homes.",
            ),
            partner("Thuiszorg Noordoost", "zorgorganisatie"),
        ],
        "cases": [
            case(
                "Generatiehuis",
                "Generation house",
                "gestart",
                "Woningen voor jong en oud in de oude school.",
                "Homes for young and old in the old school.",
            ),
            case("Dorpsauto", "Village car", "idee"),
        ],
        "figures": [("bewoners", 12), ("vrijwilligers", 25)],
        "milestones": [
            milestone(datetime.date(2024, 3, 1), "Start verbouwing", "Renovation starts"),
            milestone(datetime.date(2024, 9, 1), "Eerste bewoners", "First residents"),
            milestone(datetime.date(2025, 5, 10), "Huiskamer open", "Living room opens"),
        ],
        "photos": [t("De huiskamer van het generatiehuis", "The generation house's living room")],
    },
    {
        "slug": t("wijkbedrijf-onderhoud-schalkwijk", "neighbourhood-maintenance-schalkwijk"),
        "title": t(
            "Wijkbedrijf onderhoudt Schalkwijk", "Neighbourhood company maintains Schalkwijk"
        ),
        "phase": "opstart",
        "start_date": datetime.date(2026, 2, 1),
        "place": "Haarlem",
        "province": "noord-holland",
        "latitude": Decimal("52.36300"),
        "longitude": Decimal("4.66500"),
        "themes": ["wonen", "werk-inkomen"],
        "audiences": ["organisatie", "bewoner"],
        "palette": "purple",
        "summary": t(
            "Het wijkbedrijf voert het kleine onderhoud uit aan de woningen van de corporatie, "
            "met mensen uit de wijk die werk zoeken.",
            "The neighbourhood company does the small maintenance on the housing corporation's "
            "homes, with people from the neighbourhood who are looking for work.",
        ),
        "question": t(
            "Kan het onderhoud van de woningen werk opleveren voor mensen in de wijk?",
            "Can maintaining the homes provide work for people in the neighbourhood?",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>De woningcorporatie wil goed onderhouden woningen; de wijk wil werk. Het "
                    "wijkbedrijf neemt de opdracht aan en leidt buurtbewoners op.</p>",
                    "<p>The housing corporation wants well-maintained homes; the neighbourhood wants "
                    "work. The neighbourhood company takes on the job and trains residents.</p>",
                ),
            ),
        ],
        "results": t(
            "Het eerste half jaar: zes mensen aan het werk en een proef in twee straten.",
            "The first six months: six people at work and a trial in two streets.",
        ),
        **elements(
            t("Huurders melden zelf wat er moet gebeuren.", "Tenants report what needs doing."),
            t("Twee straten in Schalkwijk.", "Two streets in Schalkwijk."),
            t(
                "Wijkbedrijf, woningcorporatie, gemeente en huurders.",
                "The neighbourhood company, the housing corporation, the municipality and tenants.",
            ),
            t(
                "Een proef, een kostenvergelijking en een leerwerktraject.",
                "A trial, a cost comparison and a work-and-learn programme.",
            ),
            t(
                "Corporatie en wijkbedrijf schreven samen het bestek.",
                "The corporation and the company wrote the specifications together.",
            ),
        ),
        "contact_name": "Karim Benali",
        "contact_role": t("wijkondernemer", "neighbourhood entrepreneur"),
        "contact_email": "onderhoud@wijkbedrijfschalkwijk.example",
        "partners": [
            partner(
                "@wijkbedrijf-schalkwijk",
                "initiatief",
                "Voert het onderhoud uit.",
                "Carries out the maintenance.",
            ),
            partner(
                "Woningcorporatie Elan Wonen",
                "woningcorporatie",
                "Geeft de onderhoudsopdracht.",
                "Awards the maintenance contract.",
            ),
            partner(
                "Gemeente Haarlem",
                "gemeente",
                "Betaalt het leerwerktraject.",
                "Pays for the work-and-learn programme.",
            ),
        ],
        "cases": [
            case("Klein onderhoud in twee straten", "Small maintenance in two streets", "gestart"),
            case("Schilderploeg", "Painting crew", "uitgewerkt"),
            case("Groenonderhoud", "Green maintenance", "idee"),
        ],
        "figures": [("banen", 6), ("euro-bespaard", 40000)],
        "milestones": [
            milestone(datetime.date(2026, 2, 1), "Eerste klus", "First job"),
            milestone(datetime.date(2026, 9, 1), "Evaluatie van de proef", "Trial evaluated"),
            milestone(
                datetime.date(2027, 1, 1),
                "Hele wijk in onderhoud",
                "Whole neighbourhood under maintenance",
            ),
        ],
        "photos": [t("De schilderploeg aan het werk", "The painting crew at work")],
    },
    {
        "slug": t("gezond-in-de-k-buurt", "healthy-in-the-k-neighbourhood"),
        "title": t("Gezond in de K-buurt", "Healthy in the K-neighbourhood"),
        "phase": "verkenning",
        "start_date": datetime.date(2026, 9, 1),
        "place": "Amsterdam",
        "province": "noord-holland",
        "latitude": Decimal("52.31600"),
        "longitude": Decimal("4.98500"),
        "themes": ["zorg-welzijn"],
        "audiences": ["organisatie", "bewoner"],
        "palette": "red",
        "summary": t(
            "Een zorgverzekeraar geeft de buurt collectieve korting; met een deel daarvan "
            "organiseert de wijk een hardloopclub voor senioren.",
            "A health insurer gives the neighbourhood a collective discount; with part of it the "
            "neighbourhood organises a running club for older people.",
        ),
        "question": t(
            "Wat levert het op als een zorgverzekeraar investeert in een gezonde wijk?",
            "What does it bring when a health insurer invests in a healthy neighbourhood?",
        ),
        "body": [],
        "results": "",
        **elements(
            t("Senioren kiezen zelf de activiteiten.", "Older people choose the activities."),
            t("De K-buurt in Amsterdam Zuidoost.", "The K-neighbourhood in Amsterdam Southeast."),
            t("Bewoners, zorgverzekeraar en huisartsen.", "Residents, the insurer and GPs."),
            t("Verkennende gesprekken en een enquête.", "Exploratory talks and a survey."),
            t("", ""),
        ),
        "contact_name": "Gloria Mensah",
        "contact_role": t("buurtverbinder", "community connector"),
        "contact_email": "gezond@kbuurt.example",
        "partners": [
            partner("@hart-voor-de-k-buurt", "initiatief"),
            partner("Zorgverzekeraar Samen", "zorgverzekeraar"),
        ],
        "cases": [case("Hardloopclub voor senioren", "Running club for older people", "idee")],
        "figures": [],
        "milestones": [
            milestone(datetime.date(2026, 9, 1), "Eerste buurtgesprek", "First neighbourhood talk"),
            milestone(datetime.date(2027, 2, 1), "Besluit over de proef", "Decision on the trial"),
        ],
        "photos": [],
    },
    {
        "slug": t("wijkboekhouding-woensel", "neighbourhood-bookkeeping-woensel"),
        "title": t("Wijkboekhouding Woensel", "Neighbourhood bookkeeping Woensel"),
        "phase": "opstart",
        "start_date": datetime.date(2025, 10, 1),
        "place": "Eindhoven",
        "province": "noord-brabant",
        "latitude": Decimal("51.46000"),
        "longitude": Decimal("5.47000"),
        "themes": ["leefbaarheid", "werk-inkomen"],
        "audiences": ["gemeente"],
        "palette": "green",
        "summary": t(
            "De gemeente maakt haar begroting voor Woensel zichtbaar op wijkniveau; de "
            "wijkcoöperatie neemt het onderhoud van het openbaar groen over.",
            "The municipality shows its budget for Woensel at neighbourhood level; the "
            "neighbourhood cooperative takes over the upkeep of public green spaces.",
        ),
        "question": t(
            "Hoe kan een wijk verantwoord zelf een deel van het gemeentebudget besteden?",
            "How can a neighbourhood spend part of the municipal budget itself, accountably?",
        ),
        "body": [],
        "results": t(
            "De wijkboekhouding staat online; de coöperatie onderhoudt drie parken.",
            "The neighbourhood bookkeeping is online; the cooperative maintains three parks.",
        ),
        **elements(
            t(
                "Bewoners beslissen in de ledenvergadering.",
                "Residents decide in the members' meeting.",
            ),
            t("De parken en straten van Woensel.", "The parks and streets of Woensel."),
            t(
                "Wijkcoöperatie, gemeente en een hovenier.",
                "The cooperative, the municipality and a gardener.",
            ),
            t(
                "Een open begroting, een proef en een jaarverslag.",
                "An open budget, a trial and an annual report.",
            ),
            t(
                "Gemeente en wijk maakten samen de afspraken over verantwoording.",
                "Municipality and neighbourhood agreed together on accountability.",
            ),
        ),
        "contact_name": "Joost van den Berg",
        "contact_role": t("penningmeester", "treasurer"),
        "contact_email": "boekhouding@woensel.example",
        "partners": [
            partner(
                "@wijkcooperatie-woensel",
                "initiatief",
                "Onderhoudt het groen.",
                "Maintains the green spaces.",
            ),
            partner(
                "Gemeente Eindhoven",
                "gemeente",
                "Draagt 50.000 euro groenbudget over.",
                "Transfers 50,000 euros of green budget.",
            ),
        ],
        "cases": [
            case(
                "Groenonderhoud door de wijk", "Green maintenance by the neighbourhood", "gestart"
            ),
            case("Collectieve inkoop van energie", "Collective energy purchasing", "idee"),
        ],
        "figures": [("euro-bespaard", 12000), ("vrijwilligers", 30)],
        "milestones": [
            milestone(
                datetime.date(2025, 10, 1),
                "Begroting op wijkniveau",
                "Budget at neighbourhood level",
            ),
            milestone(
                datetime.date(2026, 4, 1),
                "Coöperatie neemt parken over",
                "Cooperative takes over parks",
            ),
        ],
        "photos": [],
    },
    {
        "slug": t("meppel-bloeit", "meppel-blossoms"),
        "title": t("Meppel bloeit", "Meppel blossoms"),
        "phase": "geborgd",
        "start_date": datetime.date(2019, 4, 1),
        "end_date": datetime.date(2022, 12, 31),
        "place": "Meppel",
        "province": "drenthe",
        "latitude": Decimal("52.69580"),
        "longitude": Decimal("6.19440"),
        "themes": ["werk-inkomen", "leefbaarheid"],
        "audiences": ["gemeente", "organisatie"],
        "palette": "orange",
        "summary": t(
            "Van saai dorp naar bloeiende plek om te wonen en werken: winkels en restaurants die "
            "duurzaam en sociaal ondernemen brachten banen voor jong en oud.",
            "From a dull village to a thriving place to live and work: shops and restaurants "
            "run sustainably and socially brought jobs for young and old.",
        ),
        "question": t(
            "Hoe houden we toeristen en hun bestedingen in het dorp?",
            "How do we keep visitors, and what they spend, in the village?",
        ),
        "body": [],
        "results": t(
            "Meppel is een gewilde plek om te wonen en werken. Het lab is afgerond; de "
            "ondernemersvereniging zet het werk voort.",
            "Meppel is a sought-after place to live and work. The lab has finished; the "
            "entrepreneurs' association carries on the work.",
        ),
        **elements(
            t(
                "Ondernemers en bewoners kozen samen de plannen.",
                "Entrepreneurs and residents chose the plans together.",
            ),
            t("De binnenstad en de grachten van Meppel.", "The centre and canals of Meppel."),
            t(
                "Ondernemers, gemeente, bewoners en onderwijs.",
                "Entrepreneurs, the municipality, residents and education.",
            ),
            t(
                "Regionomie: kaart van de vraagstukken, ontwerpsessies, proeven.",
                "Regionomics: a map of the questions, design sessions, trials.",
            ),
            t("Samen opgezette winkels en restaurants.", "Shops and restaurants set up together."),
        ),
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "partners": [
            partner("Ondernemersvereniging Meppel", "bedrijf"),
            partner("Gemeente Meppel", "gemeente"),
            partner(
                "Drenthe College",
                "school",
                "Leerlingen lopen stage in de nieuwe zaken.",
                "Students do placements in the new businesses.",
            ),
        ],
        "cases": [
            case("Grachtenterras", "Canal terrace", "gestart"),
            case("Streekwinkel", "Regional shop", "gestart"),
            case("Gondelvaart met gids", "Guided gondola trips", "gestart"),
        ],
        "figures": [("banen", 35)],
        "milestones": [
            milestone(datetime.date(2019, 4, 1), "Start in Meppel", "Start in Meppel"),
            milestone(datetime.date(2020, 6, 1), "Streekwinkel open", "Regional shop opens"),
            milestone(datetime.date(2022, 12, 31), "Lab afgerond", "Lab completed"),
        ],
        "photos": [t("Terras aan de gracht", "Terrace by the canal")],
    },
    {
        "slug": t("wisselwoning-malberg", "exchange-house-malberg"),
        "title": t("Wisselwoning Malberg", "Exchange house Malberg"),
        "phase": "gestopt",
        "start_date": datetime.date(2023, 1, 15),
        "end_date": datetime.date(2024, 6, 30),
        "place": "Maastricht",
        "province": "limburg",
        "latitude": Decimal("50.86300"),
        "longitude": Decimal("5.66000"),
        "themes": ["wonen"],
        "audiences": ["bewoner"],
        "palette": "brown",
        "summary": t(
            "Bewoners wilden samen een huis kopen en verhuren aan buren die tijdelijk niet thuis "
            "kunnen wonen. De financiering lukte niet; de lessen blijven.",
            "Residents wanted to buy a house together and let it to neighbours who temporarily "
            "cannot live at home. The financing did not work out; the lessons remain.",
        ),
        "question": t(
            "Kan een wijk samen een huis bezitten dat buren in nood onderdak biedt?",
            "Can a neighbourhood jointly own a house that shelters neighbours in need?",
        ),
        "body": [],
        "results": t(
            "Het lab is gestopt: geen bank wilde het huis financieren zonder borg van de "
            "gemeente. Wel staat er nu een broodfonds en weten buren elkaar te vinden.",
            "The lab stopped: no bank would finance the house without a municipal guarantee. A "
            "bread fund did start, and neighbours know where to find each other.",
        ),
        **elements(
            t("Bewoners brachten zelf het plan in.", "Residents brought in the plan themselves."),
            t("De wijk Malberg.", "The Malberg neighbourhood."),
            t(
                "BewonersBedrijf, banken en gemeente.",
                "The residents' company, banks and the municipality.",
            ),
            t(
                "Een haalbaarheidsstudie en gesprekken met banken.",
                "A feasibility study and talks with banks.",
            ),
            t("", ""),
        ),
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "partners": [
            partner("@bewonersbedrijf-malberg", "initiatief"),
            partner("Gemeente Maastricht", "gemeente"),
        ],
        "cases": [
            case(
                "Wisselwoning",
                "Exchange house",
                "uitgewerkt",
                "Het plan ligt klaar voor wie het wil oppakken.",
                "The plan is ready for whoever wants to take it up.",
            ),
        ],
        "figures": [("bewoners", 25)],
        "milestones": [
            milestone(datetime.date(2023, 1, 15), "Start", "Start"),
            milestone(datetime.date(2024, 6, 30), "Lab gestopt", "Lab stopped"),
        ],
        "photos": [],
    },
]

PAGE_FIELDS = (
    "slug",
    "title",
    "phase",
    "start_date",
    "end_date",
    "place",
    "province",
    "latitude",
    "longitude",
    "summary",
    "question",
    "audiences",
    "body",
    "results",
    "user_involvement",
    "real_life_setting",
    "multi_stakeholder",
    "multi_method",
    "co_creation",
    "contact_name",
    "contact_role",
    "contact_email",
)


def dutch(value):
    return value["nl"] if isinstance(value, dict) else value


def build_parts(demo, data, members):
    partners = []
    for n, item in enumerate(data["partners"]):
        member = members.get(item["who"][1:]) if item["who"].startswith("@") else None
        partners.append(
            LivingLabPartner(
                member=member,
                name="" if member else item["who"],
                role=item["role"],
                contribution=dutch(item["contribution"]),
                sort_order=n,
            )
        )
    cases = [
        LivingLabBusinessCase(
            title=dutch(item["title"]),
            description=dutch(item["description"]),
            status=item["status"],
            sort_order=n,
        )
        for n, item in enumerate(data["cases"])
    ]
    figures = [
        LivingLabFigure(kind=kind, value=value, label=rest[0] if rest else "", sort_order=n)
        for n, (kind, value, *rest) in enumerate(data["figures"])
    ]
    milestones = [
        LivingLabMilestone(
            date=item["date"],
            title=dutch(item["title"]),
            description=dutch(item["description"]),
            sort_order=n,
        )
        for n, item in enumerate(data["milestones"])
    ]
    return {
        "partners": partners,
        "business_cases": cases,
        "figures": figures,
        "milestones": milestones,
    }


def gallery(demo, data):
    # The photos go round the lab's themes, so a gallery shows more than one scene.
    themes = data["themes"]
    return [
        (
            "image",
            {
                "image": demo.image(
                    caption["nl"], caption["nl"], data["palette"], themes[n % len(themes)]
                ),
                "caption": caption["nl"],
                "credit": "",
            },
        )
        for n, caption in enumerate(data["photos"])
    ]


def english_texts(data):
    """The lab's bilingual texts for the PO file, the inlines' and photos' included."""
    texts = {name: data[name] for name in PAGE_FIELDS if name in data}
    texts["inlines"] = [
        [item["contribution"] for item in data["partners"]],
        [(item["title"], item["description"]) for item in data["cases"]],
        [t(rest[0], rest[1]) for _kind, _value, *rest in data["figures"] if rest],
        [(item["title"], item["description"]) for item in data["milestones"]],
        data["photos"],
    ]
    return texts


def load_living_labs(demo):
    index = demo.page(demo.home, LivingLabIndexPage, INDEX)
    demo.translate(index, INDEX)
    members = {member.slug: member for member in MemberPage.objects.filter(locale=demo.nl)}
    for data in LABS:
        fields = {name: data[name] for name in PAGE_FIELDS if name in data and data[name] != ""}
        fields["themes"] = list(Theme.objects.filter(locale=demo.nl, slug__in=data["themes"]))
        fields["gallery"] = gallery(demo, data)
        fields.update(build_parts(demo, data, members))
        image = demo.image(data["title"]["nl"], "", data["palette"], data["themes"][0])
        lab = demo.page(index, LivingLabPage, fields, listing_image=image)
        demo.translate(lab, english_texts(data))
