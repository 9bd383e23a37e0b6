"""Demo questions for "Breng je vraag in", after the network's own texts (../shared/seeds):
in Dutch and English, in every state of their path, some published anonymously, one that
may not be published and one that still waits for an editor."""

import datetime

from django.utils import timezone

from livinglabs.models import LivingLabPage
from portal.models import Theme

from ..models import Question, QuestionChange

EDITOR = "Redactie Wijkkracht"
QUESTIONS = [
    {
        "language": "nl",
        "days_ago": 150,
        "name": "Henk Bos",
        "email": "henk.demo@example.org",
        "role": "organisatie",
        "municipality": "Amersfoort",
        "theme": "werk-inkomen",
        "publish_as": "name",
        "public_name": "Impact Midden",
        "text": "Wij brengen in de regio Amersfoort vraagstukken in kaart en maken er "
        "business cases van. Hoe zorgen we dat die start-ups doorgaan als de subsidie op is?",
        "answer": "Door de vraagstukken over sectoren heen te verbinden, zodat bedrijven, "
        "gemeente en bewoners samen de opbrengst delen. Dat is de Regionomie-aanpak; we "
        "hebben jullie vraag meegenomen in de open oproep en er is een living lab uit "
        "ontstaan.",
        "state": "lab",
        "lab": "expeditie-nieuw-amersfoort",
    },
    {
        "language": "nl",
        "days_ago": 60,
        "name": "Annemiek de Graaf",
        "email": "annemiek.demo@example.org",
        "role": "gemeente",
        "municipality": "Zwolle",
        "theme": "leefbaarheid",
        "publish_as": "name",
        "public_name": "Gemeente Zwolle, wijkgericht werken",
        "text": "We willen het budget voor het onderhoud van het openbaar groen overhevelen "
        "naar een wijk. Hoe regelen we de uitvoering, de besteding en de verantwoording, "
        "zodat het democratisch gedragen blijft?",
        "answer": "Begin met een wijkboekhouding: daarin wordt de gemeentelijke begroting op "
        "wijkniveau zichtbaar. Een professioneel wijkbedrijf of een coöperatie kan het "
        "onderhoud dan uitvoeren en erover verantwoording afleggen aan de wijk én de raad.",
        "state": "in_call",
    },
    {
        "language": "nl",
        "days_ago": 40,
        "name": "Pieter van Dijk",
        "email": "pieter.demo@example.org",
        "role": "bedrijf",
        "municipality": "Utrecht",
        "theme": "zorg-welzijn",
        "publish_as": "anonymous",
        "text": "Wij zijn een zorgverzekeraar en willen in een wijk collectieve korting geven, "
        "als het wijkbedrijf met een deel daarvan een hardloopclub voor senioren organiseert. "
        "Met wie kunnen we zoiets opzetten?",
        "answer": "Met een wijkbedrijf of lokale coöperatie die al met bewoners werkt. In de "
        "gids van initiatieven vind je er een paar in Utrecht; we brengen jullie graag in "
        "contact.",
        "state": "answered",
    },
    {
        "language": "nl",
        "days_ago": 21,
        "name": "Marieke Jansen",
        "email": "marieke.demo@example.org",
        "role": "bewoner",
        "municipality": "Haarlem",
        "theme": "wonen",
        "publish_as": "name",
        "public_name": "Marieke",
        "text": "Met een paar buren willen we een huis kopen en inbrengen in een lokale "
        "coöperatie, voor bewoners die tijdelijk niet in hun eigen huis kunnen wonen. Hoe "
        "beginnen we zo'n coöperatie?",
        "answer": "Begin klein: een coöperatie heeft minstens drie leden en statuten bij de "
        "notaris nodig. Een wijkondernemer kan de verhuur regelen; de inkomsten vloeien terug "
        "naar wie het huis inbracht.",
        "state": "answered",
    },
    {
        "language": "nl",
        "days_ago": 9,
        "name": "Jan Hoekstra",
        "email": "jan.hoekstra.demo@example.org",
        "role": "organisatie",
        "municipality": "Leeuwarden",
        "theme": "wonen",
        "publish_as": "anonymous",
        "text": "Kunnen mensen uit de wijk het onderhoud van onze huurwoningen uitvoeren? Is er "
        "een wijkbedrijf dat zo'n opdracht kan aannemen?",
        "state": "received",
    },
    {
        "language": "nl",
        "days_ago": 3,
        "name": "Sanne Visser",
        "email": "sanne.demo@example.org",
        "role": "bewoner",
        "municipality": "Deventer",
        "theme": "werk-inkomen",
        "publish_as": "no",
        "text": "Ons broodfonds groeit snel. Hoe houden we het klein genoeg om elkaar te blijven "
        "kennen?",
        "state": "received",
        "status": "pending",
    },
    {
        "language": "en",
        "days_ago": 30,
        "name": "Sam Okafor",
        "email": "sam.demo@example.org",
        "role": "bewoner",
        "municipality": "Utrecht",
        "theme": "afval-grondstoffen",
        "publish_as": "name",
        "public_name": "Sam",
        "text": "I moved to Utrecht last year. How can I help at a repair café in my "
        "neighbourhood, even though my Dutch is still basic?",
        "answer": "Most repair cafés welcome volunteers who speak English: fixing things needs "
        "few words. Look for one near you in the directory of initiatives and send them a "
        "message with “I can help”.",
        "state": "answered",
    },
    {
        "language": "en",
        "days_ago": 12,
        "name": "Laura Meijer",
        "email": "laura.demo@example.org",
        "role": "bedrijf",
        "municipality": "Rotterdam",
        "theme": "energie",
        "publish_as": "anonymous",
        "text": "We are a social enterprise installing solar panels. Could we join a "
        "neighbourhood energy cooperative as a partner rather than a supplier?",
        "answer": "Yes: several cooperatives look for partners who share in the risk and the "
        "returns. We took your question into the open call, so that a neighbourhood and a "
        "company can apply together.",
        "state": "in_call",
    },
]


def load_questions(demo, page_nl, page_en, call):
    if Question.objects.filter(page__in=[page_nl, page_en]).exists():
        return
    themes = {
        (theme.locale_id, theme.slug): theme
        for theme in Theme.objects.filter(locale__in=[demo.nl, demo.en])
    }
    labs = {lab.slug: lab for lab in LivingLabPage.objects.filter(locale=demo.nl)}
    now = timezone.now()
    for data in QUESTIONS:
        data = dict(data)
        english = data.pop("language") == "en"
        locale = demo.en if english else demo.nl
        asked = now - datetime.timedelta(days=data.pop("days_ago"), hours=3)
        state = data.pop("state")
        lab = labs.get(data.pop("lab", ""))
        question = Question.objects.create(
            page=page_en if english else page_nl,
            language=locale.language_code,
            theme=themes.get((locale.pk, data.pop("theme"))),
            status=data.pop("status", "published"),
            created_at=asked,
            consent_at=asked,
            **data,
        )
        QuestionChange.objects.create(
            question=question, field="state", to_value="received", created_at=asked
        )
        QuestionChange.objects.create(
            question=question, field="status", to_value="pending", created_at=asked
        )
        moment, previous = asked, "received"
        path = ["answered", "in_call", "lab"]
        for step in path[: path.index(state) + 1] if state in path else []:
            moment += datetime.timedelta(days=5)
            if step == "answered":
                question.answered_at = moment
            elif step == "in_call":
                question.call, question.call_at = call, moment
            else:
                question.lab, question.lab_at = lab, moment
            QuestionChange.objects.create(
                question=question,
                field="state",
                from_value=previous,
                to_value=step,
                user_name=EDITOR,
                created_at=moment,
            )
            previous = step
        question.state = state
        if question.status == "published":
            question.published_at = asked + datetime.timedelta(days=2)
            QuestionChange.objects.create(
                question=question,
                field="status",
                from_value="pending",
                to_value="published",
                user_name=EDITOR,
                created_at=question.published_at,
            )
        question.save()
        demo.say(f"  + question: {question.reference}")
