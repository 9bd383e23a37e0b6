"""Demo open call and question page."""

import datetime

from django.utils import timezone

from .models import OpenCallPage, QuestionPage

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


def load_calls(demo):
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.datetime.combine(today.replace(day=1), datetime.time(9)))
    closes = opens + datetime.timedelta(days=120, hours=8)
    call = demo.page(demo.home, OpenCallPage, CALL, opens_at=opens, closes_at=closes)
    demo.translate(call, CALL)
    questions = demo.page(demo.home, QuestionPage, QUESTIONS)
    demo.translate(questions, QUESTIONS)
