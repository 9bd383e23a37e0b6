"""Demo open call (with its questions and review criteria) and the question page."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from portal.models import Theme

from .models import Application, OpenCallPage, QuestionPage, StatusChange
from .questions.demo import load_questions

CALL = {
    "slug": {"nl": "open-oproep", "en": "open-call"},
    "title": {
        "nl": "Open oproep: start een living lab in jouw wijk",
        "en": "Open call: start a living lab in your neighbourhood",
    },
    "intro": {
        "nl": "We zoeken wijken en dorpen die samen met gemeente, organisaties en bedrijven een "
        "living lab willen starten. Twaalf plannen krijgen begeleiding, een netwerk en "
        "een startbudget.",
        "en": "We are looking for neighbourhoods and villages that want to start a living lab "
        "together with their municipality, organisations and companies. Twelve plans "
        "receive guidance, a network and a starting budget.",
    },
    "eligibility": {
        "nl": "<p>Iedereen die in een wijk of dorp samen wil ondernemen en samenwerken: "
        "bewoners en initiatieven, maatschappelijke organisaties en bedrijven, en gemeenten.</p>"
        "<ul><li>Je werkt aan een vraag van de wijk of het dorp zelf: voedsel, werk, zorg, "
        "energie, wonen of mobiliteit.</li>"
        "<li>Er doen minstens twee partijen uit het speelveld mee: bijvoorbeeld bewoners en "
        "een woningcorporatie, of een coöperatie en de gemeente.</li>"
        "<li>Je wilt je ervaringen delen met de andere labs.</li></ul>",
        "en": "<p>Anyone who wants to do business and work together in a neighbourhood or "
        "village: residents and initiatives, civil-society organisations and companies, and "
        "municipalities.</p>"
        "<ul><li>You work on a question of the neighbourhood or village itself: food, work, "
        "care, energy, housing or mobility.</li>"
        "<li>At least two parties from the playing field take part: for example residents "
        "and a housing association, or a cooperative and the municipality.</li>"
        "<li>You want to share what you learn with the other labs.</li></ul>",
    },
    "offer": {
        "nl": "<p>Samen leren, doen en proberen is de kern. Elk lab krijgt:</p>"
        "<ul><li>een startbudget van ten hoogste 50.000 euro;</li>"
        "<li>begeleiding bij professionele samenwerking, zoals een wijkbedrijf, een "
        "coöperatie of een wijkboekhouding;</li>"
        "<li>een plek in het netwerk van ruim 1.250 initiatieven.</li></ul>",
        "en": "<p>Learning, doing and trying together is the heart of it. Each lab gets:</p>"
        "<ul><li>a starting budget of at most 50,000 euros;</li>"
        "<li>guidance in working together professionally, such as a neighbourhood company, "
        "a cooperative or neighbourhood accounts;</li>"
        "<li>a place in the network of more than 1,250 initiatives.</li></ul>",
    },
    "audience_notes": [
        (
            "note",
            {
                "audiences": ["gemeente"],
                "heading": {
                    "nl": "Als gemeente doe je mee als partner",
                    "en": "As a municipality you take part as a partner",
                },
                "text": {
                    "nl": "<p>Een lab vraagt om een gemeente die ruimte geeft: budget dat de wijk "
                    "zelf besteedt, met heldere afspraken over uitvoering en verantwoording. Dien "
                    "samen met bewoners een plan in, of zeg je steun toe aan een plan uit jouw "
                    "gemeente.</p>",
                    "en": "<p>A lab needs a municipality that makes room: budget the neighbourhood "
                    "spends itself, with clear agreements on delivery and accountability. Send in "
                    "a plan together with residents, or pledge your support to a plan from your "
                    "municipality.</p>",
                },
            },
        ),
        (
            "note",
            {
                "audiences": ["organisatie"],
                "heading": {
                    "nl": "Als organisatie of bedrijf breng je kennis, ruimte of middelen in",
                    "en": "As an organisation or company you bring in knowledge, space or means",
                },
                "text": {
                    "nl": "<p>Een woningcorporatie, zorgverzekeraar of ondernemer die meedoet, "
                    "bouwt een band op met de mensen voor wie hij werkt. Doe mee als partner in "
                    "een plan, en koop maatschappelijk verantwoord in bij de wijk.</p>",
                    "en": "<p>A housing association, health insurer or entrepreneur that takes "
                    "part builds a bond with the people it works for. Join a plan as a partner, "
                    "and buy in from the neighbourhood in a socially responsible way.</p>",
                },
            },
        ),
        (
            "note",
            {
                "audiences": ["bewoner"],
                "heading": {
                    "nl": "Als bewoner of initiatief neem je het voortouw",
                    "en": "As a resident or initiative you take the lead",
                },
                "text": {
                    "nl": "<p>Het lab begint bij een vraag van je wijk of dorp. Zoek twee partijen "
                    "uit het speelveld die met je meedoen, en dien samen het plan in: wij helpen "
                    "je om het professioneel te organiseren.</p>",
                    "en": "<p>The lab starts with a question from your neighbourhood or village. "
                    "Find two parties from the playing field to join you, and send in the plan "
                    "together: we help you organise it professionally.</p>",
                },
            },
        ),
    ],
    "next_steps": {
        "nl": "Na de sluiting leest een commissie van bewoners, gemeenten en organisaties alle "
        "plannen. Binnen zes weken hoor je of jouw plan een van de twaalf living labs wordt.",
        "en": "After the closing date a committee of residents, municipalities and "
        "organisations reads every plan. Within six weeks you hear whether your plan becomes "
        "one of the twelve living labs.",
    },
    "questions": [
        (
            "long_text",
            {
                "label": {
                    "nl": "Welke partijen uit het speelveld doen mee, en wat brengen ze in?",
                    "en": "Which parties from the playing field take part, and what do they bring?",
                },
                "help_text": {
                    "nl": "Bijvoorbeeld vastgoed, budget, menskracht of kennis.",
                    "en": "For example property, budget, people or knowledge.",
                },
                "required": True,
                "max_words": 200,
            },
        ),
        (
            "number",
            {
                "label": {
                    "nl": "Hoeveel bewoners doen nu al mee?",
                    "en": "How many residents take part already?",
                },
                "help_text": {"nl": "Een schatting is goed.", "en": "An estimate is fine."},
                "required": True,
                "min_value": 0,
                "max_value": 100000,
            },
        ),
        (
            "choice",
            {
                "label": {
                    "nl": "Hoe ver is jullie samenwerking?",
                    "en": "How far along is your cooperation?",
                },
                "help_text": {"nl": "", "en": ""},
                "required": True,
                "choices": [
                    {"nl": "Het is nog een idee", "en": "It is still an idea"},
                    {"nl": "We zijn net begonnen", "en": "We have just started"},
                    {
                        "nl": "We werken al langer samen",
                        "en": "We have worked together for a while",
                    },
                ],
            },
        ),
        (
            "multiple_choice",
            {
                "label": {
                    "nl": "Welke vormen van samenwerking willen jullie uitproberen?",
                    "en": "Which forms of cooperation do you want to try?",
                },
                "help_text": {
                    "nl": "Kies er zoveel als je wilt.",
                    "en": "Choose as many as you like.",
                },
                "required": False,
                "choices": [
                    {"nl": "Wijkbedrijf", "en": "Neighbourhood company"},
                    {"nl": "Lokale coöperatie", "en": "Local cooperative"},
                    {"nl": "Wijkboekhouding", "en": "Neighbourhood accounts"},
                    {"nl": "Broodfonds", "en": "Bread fund"},
                ],
            },
        ),
        (
            "yes_no",
            {
                "label": {
                    "nl": "Heeft de gemeente al toegezegd mee te doen?",
                    "en": "Has the municipality already agreed to take part?",
                },
                "help_text": {"nl": "", "en": ""},
                "required": True,
            },
        ),
        (
            "date",
            {
                "label": {
                    "nl": "Wanneer willen jullie starten?",
                    "en": "When do you want to start?",
                },
                "help_text": {"nl": "", "en": ""},
                "required": False,
            },
        ),
        (
            "file",
            {
                "label": {"nl": "Plan van aanpak", "en": "Plan of action"},
                "help_text": {
                    "nl": "Heb je al een plan op papier? Voeg het toe.",
                    "en": "Do you have a plan on paper already? Add it.",
                },
                "required": False,
                "max_files": 2,
                "max_size_mb": 10,
                "file_types": ["pdf", "docx", "odt"],
            },
        ),
    ],
    "criteria": [
        (
            "criterion",
            {
                "label": {"nl": "Vraag van de wijk", "en": "Question of the neighbourhood"},
                "description": {
                    "nl": "Komt het plan voort uit een vraag die de wijk of het dorp zelf heeft?",
                    "en": "Does the plan come from a question the neighbourhood or village has itself?",
                },
                "max_score": 5,
            },
        ),
        (
            "criterion",
            {
                "label": {
                    "nl": "Samenwerking in het speelveld",
                    "en": "Cooperation in the playing field",
                },
                "description": {
                    "nl": "Doen bewoners, organisaties, bedrijven en gemeente echt samen mee?",
                    "en": "Do residents, organisations, companies and municipality really take part together?",
                },
                "max_score": 5,
            },
        ),
        (
            "criterion",
            {
                "label": {
                    "nl": "Leerwaarde voor andere wijken",
                    "en": "Lessons for other neighbourhoods",
                },
                "description": {"nl": "", "en": ""},
                "max_score": 5,
            },
        ),
    ],
}

QUESTIONS = {
    "slug": {"nl": "breng-je-vraag-in", "en": "ask-a-question"},
    "title": {"nl": "Breng je vraag in", "en": "Ask a question"},
    "intro": {
        "nl": "Loop je in je wijk, organisatie of gemeente tegen een vraag aan die je niet "
        "alleen kunt oplossen? Breng hem in: we zoeken mensen en initiatieven die kunnen "
        "helpen.",
        "en": "Have you run into a question in your neighbourhood, organisation or municipality "
        "that you cannot solve alone? Bring it in: we look for people and initiatives "
        "who can help.",
    },
}

# Made-up applicants, so that the review screens have something to show.
APPLICATIONS = [
    {
        "title": "Wijkbedrijf Schalkwijk",
        "name": "Fatima el Amrani",
        "email": "fatima.demo@example.org",
        "phone": "06 12345678",
        "role": "bewoner",
        "municipality": "Haarlem",
        "neighbourhood": "Schalkwijk",
        "province": "noord-holland",
        "question": "Hoe laten we ondernemers en bewoners samen ongebruikt vastgoed in de wijk benutten?",
        "summary": "Een wijkbedrijf dat leegstaande winkels inzet voor reparatie, kinderopvang en een buurtkeuken, met werk voor bewoners met een afstand tot de arbeidsmarkt.",
        "partners": "Woningcorporatie Elan Wonen\nOndernemersvereniging Schalkwijk",
        "budget": 45000,
        "themes": ["werk-inkomen", "wonen"],
        "status": "submitted",
    },
    {
        "title": "Energiecoöperatie Gerkesklooster",
        "name": "Jan de Vries",
        "email": "jan.demo@example.org",
        "phone": "0512 123456",
        "role": "organisatie",
        "organisation": "Dorpscoöperatie Gerkesklooster-Stroobos",
        "municipality": "Achtkarspelen",
        "neighbourhood": "Gerkesklooster",
        "province": "friesland",
        "question": "Kan het dorp zijn eigen energie opwekken en de opbrengst in het generatiehuis steken?",
        "summary": "Zonnepanelen op het voormalige schoolgebouw, eigendom van de dorpscoöperatie; de opbrengst betaalt de activiteiten in het generatiehuis.",
        "partners": "Gemeente Achtkarspelen",
        "budget": 50000,
        "themes": ["energie"],
        "status": "in_review",
    },
]


def load_calls(demo):
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.datetime.combine(today.replace(day=1), datetime.time(9)))
    closes = opens + datetime.timedelta(days=120, hours=8)
    privacy = Page.objects.filter(locale=demo.nl, slug="privacyverklaring").first()
    call = demo.page(
        demo.home,
        OpenCallPage,
        CALL,
        opens_at=opens,
        closes_at=closes,
        max_budget=50000,
        privacy_page=privacy,
    )
    demo.translate(call, CALL)
    questions = demo.page(demo.home, QuestionPage, QUESTIONS)
    questions_en = demo.translate(questions, QUESTIONS)
    load_questions(demo, questions, questions_en, call)
    load_applications(demo, call)


def load_applications(demo, call):
    if Application.objects.filter(call=call).exists():
        return
    for data in APPLICATIONS:
        data = dict(data)
        themes = Theme.objects.filter(locale=demo.nl, slug__in=data.pop("themes"))
        application = Application.objects.create(
            call=call,
            language="nl",
            submitted_at=timezone.now(),
            consent_at=timezone.now(),
            **data,
        )
        application.themes.set(themes)
        StatusChange.objects.create(application=application, from_status="", to_status="submitted")
        if application.status != "submitted":
            StatusChange.objects.create(
                application=application,
                from_status="submitted",
                to_status=application.status,
                user_name="Wijkkracht",
                note="Compleet; naar de commissie.",
            )
        demo.say(f"  + application: {application.reference}")
