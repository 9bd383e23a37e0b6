"""The network's shared demo content: themes, site settings, and (last) the navigation."""

from wagtail.models import Page

from .models import Navigation, SiteSettings, Theme

THEMES = [
    (
        "energie",
        "teal",
        "energy",
        {"nl": "Energie", "en": "Energy"},
        {
            "nl": "Energiecoöperaties, zonnedaken en samen energie besparen in de buurt.",
            "en": "Energy cooperatives, solar roofs and saving energy together in the neighbourhood.",
        },
    ),
    (
        "voedsel",
        "green",
        "food",
        {"nl": "Voedsel", "en": "Food"},
        {
            "nl": "Moestuinen, stadslandbouw, streekproducten en zwammen op koffiedik.",
            "en": "Vegetable gardens, urban farming, regional produce and mushrooms on coffee grounds.",
        },
    ),
    (
        "zorg-welzijn",
        "red",
        "care",
        {"nl": "Zorg & welzijn", "en": "Care & wellbeing"},
        {
            "nl": "Zorgboerderijen, dagbesteding, zorg in de buurt en ontmoeting tegen eenzaamheid.",
            "en": "Care farms, day activities, care close to home and meeting places against loneliness.",
        },
    ),
    (
        "wonen",
        "blue",
        "housing",
        {"nl": "Wonen", "en": "Housing"},
        {
            "nl": "Woongemeenschappen, generatiehuizen en onderhoud door mensen uit de wijk.",
            "en": "Housing communities, generation houses and maintenance by people from the neighbourhood.",
        },
    ),
    (
        "werk-inkomen",
        "purple",
        "work",
        {"nl": "Werk & inkomen", "en": "Work & income"},
        {
            "nl": "Werk voor mensen met afstand tot de arbeidsmarkt, wijkbedrijven en broodfondsen.",
            "en": "Work for people far from the labour market, neighbourhood companies and bread funds.",
        },
    ),
    (
        "afval-grondstoffen",
        "ochre",
        "waste",
        {"nl": "Afval & grondstoffen", "en": "Waste & resources"},
        {
            "nl": "Repaircafés, recycling en hergebruik van spullen en grondstoffen.",
            "en": "Repair cafés, recycling and reuse of goods and materials.",
        },
    ),
    (
        "mobiliteit",
        "orange",
        "mobility",
        {"nl": "Mobiliteit", "en": "Mobility"},
        {
            "nl": "Deelauto's, buurtbussen en chauffeurs voor de boodschappendienst.",
            "en": "Shared cars, neighbourhood buses and drivers for the grocery service.",
        },
    ),
    (
        "leefbaarheid",
        "brown",
        "liveability",
        {"nl": "Leefbaarheid", "en": "Liveability"},
        {
            "nl": "Buurthuizen in zelfbeheer, groen in de wijk en samen zorgen voor een leefbare buurt.",
            "en": "Self-managed community centres, greenery and keeping the neighbourhood a good place to live.",
        },
    ),
]


def load_themes(demo):
    for position, (slug, colour, icon, name, description) in enumerate(THEMES):
        theme = Theme.objects.filter(locale=demo.nl, slug=slug).first()
        if theme is None:
            theme = Theme.objects.create(
                locale=demo.nl,
                slug=slug,
                name=name["nl"],
                description=description["nl"],
                colour=colour,
                icon=icon,
                sort_order=position,
            )
            demo.say(f"  + theme: {theme.name}")
        demo.translate(theme, {"name": name, "description": description, "slug": slug})


def load_settings(demo):
    settings = SiteSettings.load()
    if not settings.postal_address:
        settings.organisation_name = "Wijkkracht"
        settings.contact_email = "info@wijkkracht.example"
        settings.security_email = "security@wijkkracht.example"
        settings.phone = "030 123 45 67"
        settings.postal_address = "Wijkkracht\nOudegracht 100\n3511 AX Utrecht"
        settings.mastodon_url = "https://mastodon.social/@wijkkracht"
        settings.linkedin_url = "https://www.linkedin.com/company/wijkkracht"
        settings.save()
    load_retention_periods()


def load_retention_periods():
    """Every kind of submission gets its default period as a row under Settings → Personal
    data, so that editors see (and can change) all of them; once."""
    from .models.privacy import PrivacySettings, RetentionPeriod, submission_models

    privacy = PrivacySettings.load()
    have = set(RetentionPeriod.objects.values_list("kind", flat=True))
    for order, model in enumerate(submission_models()):
        if model.privacy_kind() not in have:
            RetentionPeriod.objects.create(
                setting=privacy,
                kind=model.privacy_kind(),
                days=model.default_retention_days,
                sort_order=order,
            )


NAVIGATION = {
    "main": [
        "initiatieven",
        "verhalen",
        "living-labs",
        "open-oproep",
        "breng-je-vraag-in",
        "over-ons",
    ],
    "footer": [
        "voor-gemeenten",
        "voor-organisaties-en-bedrijven",
        "voor-bewoners",
        "over-ons",
        "privacyverklaring",
        "toegankelijkheidsverklaring",
    ],
    "text": {
        "nl": "Wijkkracht verbindt burgerinitiatieven, buurtcoöperaties en sociale ondernemingen "
        "in heel Nederland, en zet samen met hen living labs op.",
        "en": "Wijkkracht connects citizen initiatives, neighbourhood cooperatives and social "
        "enterprises across the Netherlands, and sets up living labs with them.",
    },
}


def load_navigation(demo):
    """The menus, built last: they link to pages the apps created by their Dutch slugs."""
    if Navigation.objects.filter(locale=demo.nl).exists():
        return

    def links(slugs):
        pages = {
            page.slug: page
            for page in Page.objects.filter(locale=demo.nl, slug__in=slugs, depth__gte=3)
        }
        return [
            ("link", {"page": pages[slug], "url": "", "label": ""})
            for slug in slugs
            if slug in pages
        ]

    navigation = Navigation.objects.create(
        locale=demo.nl,
        name="Navigatie",
        main_menu=links(NAVIGATION["main"]),
        footer_links=links(NAVIGATION["footer"]),
        footer_text=NAVIGATION["text"]["nl"],
    )
    demo.say("  + navigation")
    demo.translate(
        navigation, {"name": {"nl": "Navigatie", "en": "Navigation"}, "text": NAVIGATION["text"]}
    )
