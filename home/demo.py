"""Demo content of the home app: the home page and the pages per audience."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from .demo_statements import STATEMENT_PAGES
from .models import HomePage, StandardPage

HOME = {
    "title": {"nl": "Wijkkracht", "en": "Wijkkracht"},
    "slug": {"nl": "home", "en": "home-en"},
    "hero_title": {
        "nl": "Samen maken we de wijk sterker",
        "en": "Together we make neighbourhoods stronger",
    },
    "hero_intro": {
        "nl": "Wijkkracht is het netwerk van burgerinitiatieven, buurtcoöperaties en sociale "
        "ondernemingen die werken aan een duurzame en sociale economie in hun eigen wijk "
        "of dorp. Ontdek wat zij doen, werk met ze samen of begin zelf.",
        "en": "Wijkkracht is the network of citizen initiatives, neighbourhood cooperatives and "
        "social enterprises working on a sustainable and social economy in their own "
        "neighbourhood or village. Discover what they do, work with them, or start "
        "yourself.",
    },
    "ways_in_title": {"nl": "Bepaal je positie in het speelveld", "en": "Where do you stand?"},
    "ways_in_intro": {
        "nl": "Gemeenten, organisaties, bedrijven en bewoners hebben elkaar nodig. Kies waar jij "
        "staat en zie wat je samen met initiatieven kunt doen.",
        "en": "Municipalities, organisations, companies and residents need each other. Choose "
        "where you stand and see what you can do together with initiatives.",
    },
}

WAYS_IN = [
    (
        "gemeente",
        "voor-gemeenten",
        {"nl": "Ben jij een gemeente?", "en": "Are you a municipality?"},
        {
            "nl": "Leg taken en budget bij de wijk neer, met goede afspraken over uitvoering en "
            "verantwoording.",
            "en": "Hand tasks and budget to the neighbourhood, with sound agreements on delivery and "
            "accountability.",
        },
    ),
    (
        "organisatie",
        "voor-organisaties-en-bedrijven",
        {"nl": "Ben jij een organisatie of bedrijf?", "en": "Are you an organisation or company?"},
        {
            "nl": "Innoveer samen met ondernemende communities en koop maatschappelijk verantwoord in.",
            "en": "Innovate together with enterprising communities and buy in a socially "
            "responsible way.",
        },
    ),
    (
        "bewoner",
        "voor-bewoners",
        {"nl": "Ben jij een bewoner?", "en": "Are you a resident?"},
        {
            "nl": "Regel samen met je buren voedsel, energie, zorg of werk in je eigen wijk of dorp.",
            "en": "Organise food, energy, care or work together with your neighbours, in your own "
            "neighbourhood or village.",
        },
    ),
]

STANDARD_PAGES = [
    {
        "slug": {"nl": "voor-gemeenten", "en": "for-municipalities"},
        "audience": "gemeente",
        "title": {"nl": "Voor gemeenten", "en": "For municipalities"},
        "intro": {
            "nl": "Veel gemeenten willen taken, werk en budget dichter bij bewoners leggen. Dat "
            "kan, als de samenwerking professioneel is ingericht.",
            "en": "Many municipalities want to bring tasks, work and budgets closer to residents. "
            "That works when the collaboration is organised professionally.",
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Budget naar de wijk, met goede afspraken",
                    "en": "Budget to the neighbourhood, with sound agreements",
                },
            ),
            (
                "paragraph",
                {
                    "nl": "<p>Je kunt niet zomaar 50.000 euro voor het onderhoud van het openbaar "
                    "groen naar de wijkvereniging overmaken en zeggen: veel plezier ermee. Er "
                    "is governance nodig, zodat uitvoering, besteding, verantwoording en "
                    "democratische legitimatie goed geregeld zijn.</p>"
                    "<p>Een professioneel wijkbedrijf, een lokale coöperatie of een "
                    "wijkboekhouding waarin de gemeentelijke begroting op wijkniveau zichtbaar "
                    "wordt, maakt dat mogelijk. Wijkkracht helpt gemeenten en bewoners om dat "
                    "samen in te richten.</p>",
                    "en": "<p>You cannot simply transfer 50,000 euros for the upkeep of public green "
                    "space to the residents' association and wish them luck. Governance is "
                    "needed, so that delivery, spending, accountability and democratic "
                    "legitimacy are properly arranged.</p>"
                    "<p>A professional neighbourhood company, a local cooperative or "
                    "neighbourhood accounts that show the municipal budget at neighbourhood "
                    "level make this possible. Wijkkracht helps municipalities and residents to "
                    "set this up together.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": "De participatiesamenleving is geen synoniem voor een passieve "
                        "overheid. De overheid heeft juist een actieve, faciliterende rol.",
                        "en": "The participation society is not a synonym for a passive "
                        "government. On the contrary: government has an active, "
                        "facilitating role.",
                    },
                    "attribution": {"nl": "LSA en Kracht in NL", "en": "LSA and Kracht in NL"},
                },
            ),
        ],
    },
    {
        "slug": {"nl": "voor-organisaties-en-bedrijven", "en": "for-organisations-and-companies"},
        "audience": "organisatie",
        "title": {"nl": "Voor organisaties en bedrijven", "en": "For organisations and companies"},
        "intro": {
            "nl": "Initiatieven in de wijk leveren energie, zorg, voedsel en werk. Wie met ze "
            "samenwerkt, bouwt een band op met de mensen voor wie hij werkt.",
            "en": "Initiatives in the neighbourhood deliver energy, care, food and work. Whoever "
            "works with them builds a bond with the people they work for.",
        },
        "body": [
            ("heading", {"nl": "Samenwerken loont", "en": "Working together pays off"}),
            (
                "paragraph",
                {
                    "nl": "<p>Stel, je bent een zorgverzekeraar. Dan wil je graag gezonde klanten. "
                    "Geef in een wijk collectieve korting en vraag het wijkbedrijf om met een "
                    "deel daarvan een hardloopclub voor senioren te organiseren.</p>"
                    "<p>Of je bent een woningcorporatie en wilt goed onderhouden woningen. Laat "
                    "het onderhoud uitvoeren door mensen uit de wijk: de gemeente bespaart op "
                    "re-integratie, bewoners komen uit de schulden en wie eenzaam was, krijgt "
                    "een nuttige rol.</p>",
                    "en": "<p>Say you are a health insurer. Then you want healthy customers. Give a "
                    "neighbourhood a collective discount and ask the neighbourhood company to "
                    "use part of it for a running club for older residents.</p>"
                    "<p>Or you are a housing corporation that wants well-maintained homes. Have "
                    "the maintenance done by people from the neighbourhood: the municipality "
                    "saves on re-integration, residents get out of debt and those who were "
                    "lonely get a useful role.</p>",
                },
            ),
        ],
    },
    {
        "slug": {"nl": "voor-bewoners", "en": "for-residents"},
        "audience": "bewoner",
        "title": {"nl": "Voor bewoners", "en": "For residents"},
        "intro": {
            "nl": "Wil jij samen met anderen vitale functies in je wijk of dorp regelen, zoals "
            "voedsel, werk, mobiliteit of zorg? Dat kan met een wijkbedrijf of een lokale "
            "coöperatie.",
            "en": "Do you want to organise vital services in your neighbourhood or village with "
            "others, such as food, work, mobility or care? A neighbourhood company or a "
            "local cooperative makes it possible.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Je zou samen met je wijk een huis kunnen kopen en inbrengen in een "
                    "lokale coöperatie. Een wijkondernemer verhuurt het aan bewoners die "
                    "tijdelijk niet in hun eigen huis kunnen wonen. De inkomsten vloeien terug "
                    "naar wie het huis inbracht, en de gemeenschap wordt er sterker van.</p>"
                    "<p>Collectief en professioneel ondernemen met je wijk of dorp bespaart "
                    "geld, levert voedsel of energie op en creëert veel sociale waarde.</p>",
                    "en": "<p>Together with your neighbourhood you could buy a house and bring it "
                    "into a local cooperative. A neighbourhood entrepreneur rents it to "
                    "residents who temporarily cannot live in their own home. The income flows "
                    "back to those who brought in the house, and the community grows "
                    "stronger.</p>"
                    "<p>Running an enterprise together with your neighbourhood or village saves "
                    "money, produces food or energy and creates a lot of social value.</p>",
                },
            ),
        ],
    },
    {
        "slug": {"nl": "over-ons", "en": "about-us"},
        "title": {"nl": "Over Wijkkracht", "en": "About Wijkkracht"},
        "intro": {
            "nl": "Duizenden burgerinitiatieven en sociale ondernemingen werken aan een duurzaam "
            "en sociaal Nederland. Wijkkracht maakt ze zichtbaar en verbindt ze.",
            "en": "Thousands of citizen initiatives and social enterprises work on a sustainable "
            "and social Netherlands. Wijkkracht makes them visible and connects them.",
        },
        "body": [
            (
                "paragraph",
                {
                    "nl": "<p>Meer dan 10.000 initiatieven produceren duurzame energie, repareren "
                    "spullen, telen voedsel in moestuinen en verwerken afval. Op de "
                    "maatschappelijke beurs MAEX staan ruim 1.250 initiatieven die van waarde "
                    "zijn voor meer dan 2 miljoen Nederlanders. Per initiatief wordt zo'n 50 "
                    "uur vrijwillig werk per week gedaan.</p>"
                    "<p>Wijkkracht brengt deze initiatieven in beeld, verbindt ze met "
                    "gemeenten, organisaties en bedrijven, en zet samen met hen living labs op: "
                    "plekken waar een wijk of dorp samen leert, doet en probeert.</p>",
                    "en": "<p>More than 10,000 initiatives produce sustainable energy, repair goods, "
                    "grow food in vegetable gardens and process waste. The social stock "
                    "exchange MAEX lists over 1,250 initiatives that matter to more than 2 "
                    "million people in the Netherlands. Each initiative gives about 50 hours "
                    "of volunteer work a week.</p>"
                    "<p>Wijkkracht puts these initiatives on the map, connects them with "
                    "municipalities, organisations and companies, and sets up living labs with "
                    "them: places where a neighbourhood or village learns, acts and "
                    "experiments together.</p>",
                },
            ),
        ],
    },
]


def serve_site_at_base_url():
    """The default site's address is the one the site is served at (WAGTAILADMIN_BASE_URL:
    http://127.0.0.1:8000 for make run), not Wagtail's placeholder ``localhost:80``: that
    record builds every absolute link (mail, canonical, sitemap, feeds, calendars), and
    nothing listens on localhost:80. A site an operator has given its own address is left
    as it is."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    for site in Site.objects.filter(is_default_site=True, hostname="localhost", port=80):
        site.hostname, site.port = base.hostname, port
        site.save()  # not update(): saving a Site bumps the content version (portal.signals)


def load_home(demo):
    """Dutch home and audience pages first, then their translations, parents before children."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=demo.nl, depth=2).first()
    if home is None:
        # Wagtail's placeholder page would hold the slug "home".
        Page.objects.filter(depth=2, content_type__model="page").delete()
        image = demo.image("Straat met rijtjeshuizen", "", "teal")
        home = demo.page(root, HomePage, HOME, hero_image=image, listing_image=image)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = home
        site.site_name = "Wijkkracht"
        site.save()
    serve_site_at_base_url()

    pages = {data["slug"]["nl"]: demo.page(home, StandardPage, data) for data in STANDARD_PAGES}
    if not home.ways_in:
        home.ways_in = [
            (
                "way_in",
                {
                    "audience": audience,
                    "title": title["nl"],
                    "text": text["nl"],
                    "page": pages[slug],
                },
            )
            for audience, slug, title, text in WAYS_IN
        ]
        home.save_revision().publish()

    demo.translate(home, {**HOME, "ways_in": [(title, text) for _a, _s, title, text in WAYS_IN]})
    for data in STANDARD_PAGES:
        demo.translate(pages[data["slug"]["nl"]], data)
    # The privacy and accessibility statements, linked from the footer (portal.demo_content).
    for data in STATEMENT_PAGES:
        demo.translate(demo.page(home, StandardPage, data), data)
