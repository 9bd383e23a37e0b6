"""Demo content: the privacy statement and the accessibility statement, in both languages.

The accessibility statement follows the Dutch model of toegankelijkheidsverklaring.nl:
status, standard, what was tested and how, known issues, contact and the complaint route.
The retention periods are the defaults an administrator can change per kind of submission.
"""

CONTACT = '<a href="mailto:privacy@wijkkracht.example">privacy@wijkkracht.example</a>'
INFO = '<a href="mailto:info@wijkkracht.example">info@wijkkracht.example</a>'
AP = '<a href="https://www.autoriteitpersoonsgegevens.nl">{}</a>'
OMBUDSMAN = '<a href="https://www.nationaleombudsman.nl">{}</a>'


def _list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


PRIVACY = {
    "slug": {"nl": "privacyverklaring", "en": "privacy-statement"},
    "title": {"nl": "Privacyverklaring", "en": "Privacy statement"},
    "intro": {
        "nl": "Wijkkracht gaat zorgvuldig om met wat je ons toevertrouwt. Hier lees je welke "
        "gegevens we bewaren als je een formulier op deze site invult, waarom, hoe lang, en hoe "
        "je ze zelf inziet, intrekt of laat wissen.",
        "en": "Wijkkracht takes good care of what you entrust to us. Here you can read which "
        "data we keep when you fill in a form on this site, why, for how long, and how you can "
        "view, withdraw or erase it yourself.",
    },
    "body": [
        ("heading", {"nl": "Wie wij zijn", "en": "Who we are"}),
        (
            "paragraph",
            {
                "nl": "<p>Wijkkracht, Oudegracht 100, 3511 AX Utrecht, is verantwoordelijk voor "
                f"wat er op deze website met persoonsgegevens gebeurt. Vragen over privacy stel je "
                f"via {CONTACT} of telefonisch via 030 123 45 67.</p>",
                "en": "<p>Wijkkracht, Oudegracht 100, 3511 AX Utrecht, the Netherlands, is "
                f"responsible for what happens to personal data on this website. Send your "
                f"questions about privacy to {CONTACT} or call +31 30 123 45 67.</p>",
            },
        ),
        ("heading", {"nl": "Wat we bewaren, en waarom", "en": "What we keep, and why"}),
        (
            "paragraph",
            {
                "nl": "<p>We krijgen alleen gegevens van je als je zelf een formulier invult. "
                "Per formulier:</p>"
                + _list(
                    [
                        "<b>Een reactie op een verhaal:</b> je naam, je e-mailadres en je "
                        "reactie. Je naam en je reactie verschijnen bij het verhaal zodra een "
                        "redacteur ze heeft goedgekeurd; je e-mailadres publiceren we nooit. We "
                        "gebruiken het alleen om je te laten weten dat je reactie geplaatst is, of "
                        "om je er een vraag over te stellen.",
                        "<b>Een aanmelding voor de open oproep:</b> je contactgegevens, je rol "
                        "en plaats, je plan met begroting en partners, je antwoorden op de vragen "
                        "van de oproep en de bijlagen die je meestuurt. Alleen de beoordelaars van "
                        "die oproep en de medewerkers die de oproep uitvoeren zien ze. Bijlagen "
                        "staan afgeschermd en zijn nooit via een openbaar adres te downloaden. We "
                        "gebruiken je aanmelding om haar te beoordelen en je over de uitkomst te "
                        "berichten.",
                        "<b>Een vraag via Breng je vraag in:</b> je naam, je e-mailadres, je rol, "
                        "je gemeente, het thema en je vraag. Je vraag en ons antwoord publiceren "
                        "we alleen als je daar toestemming voor gaf, onder de naam die je koos of "
                        "anoniem. We gebruiken je gegevens om je vraag te beantwoorden en je te "
                        "laten weten wat ermee gebeurt.",
                        "<b>De aanmelding van een initiatief:</b> de gegevens van het initiatief, "
                        "die na goedkeuring in de gids van initiatieven komen, en de naam en het "
                        "e-mailadres van de contactpersoon, die we niet publiceren. We gebruiken "
                        "die om de aanmelding af te handelen.",
                        "<b>Een bericht via Ik kan helpen:</b> je naam, je e-mailadres en je "
                        "bericht. We sturen ze door naar het initiatief dat je wilt helpen, zodat "
                        "het je kan antwoorden, en je krijgt zelf een kopie.",
                    ]
                )
                + "<p>We doen dit omdat je ons daar toestemming voor geeft, met het vinkje onder "
                "elk formulier. Bij een aanmelding voor de open oproep is het bovendien nodig "
                "voor de beoordeling waar je zelf om vraagt. We verkopen je gegevens niet en "
                "gebruiken ze niet voor nieuwsbrieven of reclame.</p>",
                "en": "<p>We only receive data from you when you fill in a form yourself. Form "
                "by form:</p>"
                + _list(
                    [
                        "<b>A reaction to a story:</b> your name, your e-mail address and your "
                        "reaction. Your name and your reaction appear with the story once an "
                        "editor has approved them; we never publish your e-mail address. We only "
                        "use it to tell you that your reaction has been published, or to ask you "
                        "a question about it.",
                        "<b>An application to the open call:</b> your contact details, your role "
                        "and place, your plan with its budget and partners, your answers to the "
                        "call's questions and the files you attach. Only the reviewers of that "
                        "call and the staff who run it can see them. Attachments are kept behind "
                        "a permission check and can never be downloaded from a public address. "
                        "We use your application to review it and to tell you the outcome.",
                        "<b>A question through Ask a question:</b> your name, your e-mail "
                        "address, your role, your municipality, the theme and your question. We "
                        "only publish your question and our answer if you allowed us to, under "
                        "the name you chose or anonymously. We use your data to answer your "
                        "question and to tell you what becomes of it.",
                        "<b>The registration of an initiative:</b> the details of the "
                        "initiative, which go into the directory of initiatives once approved, "
                        "and the name and e-mail address of the contact person, which we do not "
                        "publish. We use those to handle the registration.",
                        "<b>A message through I can help:</b> your name, your e-mail address and "
                        "your message. We forward them to the initiative you want to help, so "
                        "that it can reply to you, and you receive a copy yourself.",
                    ]
                )
                + "<p>We do this because you give us your consent, with the tick box below "
                "every form. For an application to the open call it is also needed for the "
                "review you ask for yourself. We do not sell your data and do not use it for "
                "newsletters or advertising.</p>",
            },
        ),
        ("heading", {"nl": "Hoe lang we je gegevens bewaren", "en": "How long we keep your data"}),
        (
            "paragraph",
            {
                "nl": "<p>De beheerder van de site stelt per soort inzending een bewaartermijn "
                "in, gerekend vanaf het moment dat we je inzending ontvingen. Standaard is "
                "dat:</p>"
                + _list(
                    [
                        "reacties op verhalen: 2 jaar;",
                        "aanmeldingen voor de open oproep: 2 jaar, tenzij de oproep zelf een "
                        "andere termijn noemt;",
                        "vragen: 1 jaar;",
                        "aanmeldingen van initiatieven: 1 jaar, en nooit zolang een redacteur "
                        "je aanmelding nog moet beoordelen;",
                        "berichten via Ik kan helpen: 1 jaar.",
                    ]
                )
                + "<p>Daarna wissen we je naam, je e-mailadres, je berichten en je bijlagen "
                "automatisch. Wat overblijft, zijn cijfers zonder persoonsgegevens, zoals hoeveel "
                "vragen er over een thema binnenkwamen. Het profiel van een initiatief in de gids "
                "blijft staan tot het initiatief vraagt om het weg te halen.</p>",
                "en": "<p>The site's administrator sets a retention period for each kind of "
                "submission, counted from the moment we received it. By default these "
                "are:</p>"
                + _list(
                    [
                        "reactions to stories: 2 years;",
                        "applications to the open call: 2 years, unless the call itself names "
                        "another period;",
                        "questions: 1 year;",
                        "registrations of initiatives: 1 year, and never while an editor still "
                        "has to review your registration;",
                        "messages through I can help: 1 year.",
                    ]
                )
                + "<p>After that we automatically erase your name, your e-mail address, your "
                "messages and your attachments. What remains are figures without personal "
                "data, such as how many questions came in about a theme. An initiative's profile "
                "in the directory stays until the initiative asks us to remove it.</p>",
            },
        ),
        (
            "heading",
            {"nl": "Zelf inzien, intrekken of wissen", "en": "View, withdraw or erase it yourself"},
        ),
        (
            "paragraph",
            {
                "nl": "<p>In elke bevestigingsmail die je van ons krijgt, staat een persoonlijke "
                "link. Daarmee zie je wat we van je bewaren, trek je je inzending in of laat je je "
                "persoonsgegevens meteen wissen, zonder account en zonder dat je ons hoeft te "
                "mailen. De link is persoonlijk en verloopt na een tijd: bewaar de mail en stuur "
                "hem niet door. Ben je de link kwijt of is hij verlopen, mail ons dan.</p>",
                "en": "<p>Every confirmation e-mail you receive from us contains a personal "
                "link. With it you can see what we keep about you, withdraw your submission or "
                "have your personal data erased at once, without an account and without having "
                "to e-mail us. The link is personal and expires after a while: keep the e-mail "
                "and do not forward it. If you have lost the link or it has expired, e-mail "
                "us.</p>",
            },
        ),
        ("heading", {"nl": "Je rechten", "en": "Your rights"}),
        (
            "paragraph",
            {
                "nl": "<p>Volgens de Algemene verordening gegevensbescherming (AVG) heb je het "
                "recht om:</p>"
                + _list(
                    [
                        "je gegevens in te zien en er een kopie van te krijgen;",
                        "onjuiste gegevens te laten verbeteren;",
                        "je gegevens te laten wissen;",
                        "de verwerking te laten beperken of er bezwaar tegen te maken;",
                        "je gegevens in een gangbaar bestandsformaat mee te nemen;",
                        "je toestemming in te trekken; wat we tot dan toe deden, blijft "
                        "rechtmatig.",
                    ]
                )
                + "<p>Veel hiervan regel je zelf met de link in je bevestigingsmail. Voor al het "
                f"andere mail je naar {CONTACT}; je krijgt binnen een maand antwoord. Ben je niet "
                "tevreden over hoe we met je gegevens omgaan, dan kun je een klacht indienen bij "
                f"de {AP.format('Autoriteit Persoonsgegevens')}.</p>",
                "en": "<p>Under the General Data Protection Regulation (GDPR, in Dutch AVG) you "
                "have the right to:</p>"
                + _list(
                    [
                        "see your data and receive a copy of it;",
                        "have incorrect data corrected;",
                        "have your data erased;",
                        "have the processing restricted, or object to it;",
                        "take your data with you in a common file format;",
                        "withdraw your consent; what we did until then remains lawful.",
                    ]
                )
                + "<p>You can arrange much of this yourself with the link in your confirmation "
                f"e-mail. For everything else, e-mail {CONTACT}; you will hear from us within a "
                "month. If you are not satisfied with how we handle your data, you can file a "
                f"complaint with the {AP.format('Dutch Data Protection Authority')} (Autoriteit "
                "Persoonsgegevens).</p>",
            },
        ),
        ("heading", {"nl": "Met wie we gegevens delen", "en": "Who we share data with"}),
        (
            "paragraph",
            {
                "nl": "<p>Alleen met wie ze nodig heeft: de beoordelaars van een oproep, het "
                "initiatief dat je wilt helpen, en de bedrijven die deze site voor ons hosten en "
                "onze e-mail verzenden. Met die bedrijven hebben we een verwerkersovereenkomst, "
                "en je gegevens blijven binnen de Europese Unie.</p>",
                "en": "<p>Only with those who need it: the reviewers of a call, the initiative "
                "you want to help, and the companies that host this site and send our e-mail for "
                "us. We have a data processing agreement with those companies, and your data "
                "stays within the European Union.</p>",
            },
        ),
        (
            "heading",
            {
                "nl": "Cookies, en wat je browser ophaalt",
                "en": "Cookies, and what your browser fetches",
            },
        ),
        (
            "paragraph",
            {
                "nl": "<p>Deze site plaatst geen cookies om je te volgen of om advertenties te "
                "tonen, en meet je bezoek niet met analysediensten. We onthouden alleen de taal "
                "die je kiest. Een video laadt pas iets van YouTube of Vimeo als je op afspelen "
                "klikt. De kaart van initiatieven haalt haar achtergrond op bij PDOK, de "
                "kaartdienst van de overheid; die ziet daarbij je IP-adres.</p>"
                "<p>We passen deze verklaring aan als de site verandert. Deze versie is van 23 "
                "november 2026.</p>",
                "en": "<p>This site sets no cookies to follow you or to show advertisements, and "
                "does not measure your visit with analytics services. We only remember the "
                "language you choose. A video loads nothing from YouTube or Vimeo until you "
                "press play. The map of initiatives fetches its background from PDOK, the Dutch "
                "government's map service, which sees your IP address when it does.</p>"
                "<p>We update this statement when the site changes. This version dates from 23 "
                "November 2026.</p>",
            },
        ),
    ],
}


ACCESSIBILITY = {
    "slug": {"nl": "toegankelijkheidsverklaring", "en": "accessibility-statement"},
    "title": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
    "intro": {
        "nl": "Wijkkracht wil dat iedereen deze website kan gebruiken, ook wie slecht ziet, doof "
        "is, alleen een toetsenbord gebruikt of een schermlezer. Hier lees je hoe ver we zijn, "
        "hoe we dat hebben gecontroleerd en wat nog niet goed werkt.",
        "en": "Wijkkracht wants everyone to be able to use this website, including people who "
        "have low vision, are deaf, use only a keyboard or a screen reader. Here you can read "
        "how far we have come, how we checked it and what does not work well yet.",
    },
    "body": [
        ("heading", {"nl": "Status", "en": "Status"}),
        (
            "paragraph",
            {
                "nl": "<p><b>B: voldoet gedeeltelijk.</b> De website voldoet gedeeltelijk aan "
                "de eisen. Onder Bekende problemen staat wat nog niet voldoet en wat we eraan "
                "doen.</p>"
                "<p>Deze verklaring volgt het model van toegankelijkheidsverklaring.nl. Wijkkracht "
                "is geen overheidsorganisatie, maar houdt zich vrijwillig aan de eisen die het "
                "Besluit digitale toegankelijkheid overheid aan overheidswebsites stelt.</p>",
                "en": "<p><b>B: partially compliant.</b> The website partially meets the "
                "requirements. Under Known issues you can read what does not comply yet and what "
                "we are doing about it.</p>"
                "<p>This statement follows the Dutch model of toegankelijkheidsverklaring.nl. "
                "Wijkkracht is not a government body, but voluntarily meets the requirements that "
                "the Dutch Digital Accessibility (Government) Decree sets for government "
                "websites.</p>",
            },
        ),
        ("heading", {"nl": "Aan welke eisen we toetsen", "en": "The standard we test against"}),
        (
            "paragraph",
            {
                "nl": "<p>We toetsen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op "
                "niveau A en AA, zoals opgenomen in de Europese norm EN 301 549. Waar het kan, "
                "houden we ook rekening met de nieuwe eisen van WCAG 2.2 op niveau AA, zoals "
                "klikdoelen die groot genoeg zijn en een focus die nooit achter iets anders "
                "verdwijnt.</p>",
                "en": "<p>We test against the Web Content Accessibility Guidelines (WCAG) 2.1 at "
                "level A and AA, as included in the European standard EN 301 549. Where we can, "
                "we also meet the new requirements of WCAG 2.2 at level AA, such as targets that "
                "are large enough to click and a focus that never disappears behind something "
                "else.</p>",
            },
        ),
        ("heading", {"nl": "Wat we hebben getest, en hoe", "en": "What we tested, and how"}),
        (
            "paragraph",
            {
                "nl": _list(
                    [
                        "<b>Automatisch, bij elke wijziging:</b> de testset van de site opent elk "
                        "soort pagina in het Nederlands en in het Engels in een browser en "
                        "controleert die met axe-core op WCAG 2.1 AA. Een wijziging die een fout "
                        "oplevert, gaat niet live.",
                        "<b>Geldige HTML:</b> de HTML van elk soort pagina controleren we met de "
                        "Nu HTML Checker van het W3C.",
                        "<b>Met alleen het toetsenbord:</b> in de tests vullen we formulieren, "
                        "zoals een vraag inbrengen, reageren op een verhaal en een initiatief "
                        "aanmelden, in en versturen we ze zonder muis.",
                        "<b>Handmatig:</b> we controleren koppen, linkteksten, foutmeldingen, "
                        "kleurcontrast, vergroting tot 200 procent, een smal scherm van 320 "
                        "pixels breed en het gebruik zonder JavaScript.",
                    ]
                )
                + "<p>Dit onderzoek doen we zelf; de laatste controle was op 23 november 2026. "
                "In 2027 laten we de site ook onderzoeken door een onafhankelijke deskundige, "
                "volgens de onderzoeksmethode WCAG-EM.</p>",
                "en": _list(
                    [
                        "<b>Automatically, with every change:</b> the site's test suite opens "
                        "every kind of page in Dutch and in English in a browser and checks it "
                        "with axe-core against WCAG 2.1 AA. A change that causes an error does "
                        "not go live.",
                        "<b>Valid HTML:</b> we check the HTML of every kind of page with the "
                        "W3C's Nu HTML Checker.",
                        "<b>With the keyboard alone:</b> in the tests we fill in and send forms, "
                        "such as asking a question, reacting to a story and registering an "
                        "initiative, without a mouse.",
                        "<b>By hand:</b> we check headings, link texts, error messages, colour "
                        "contrast, zooming to 200 percent, a narrow screen 320 pixels wide and "
                        "use without JavaScript.",
                    ]
                )
                + "<p>We do this research ourselves; the latest check was on 23 November 2026. "
                "In 2027 an independent expert will also evaluate the site, following the "
                "WCAG-EM evaluation method.</p>",
            },
        ),
        ("heading", {"nl": "Bekende problemen", "en": "Known issues"}),
        (
            "paragraph",
            {
                "nl": _list(
                    [
                        "<b>De kaart van initiatieven</b> is met toetsenbord en schermlezer maar "
                        "beperkt te gebruiken (WCAG 1.1.1 en 2.1.1). De lijst bij de kaart toont "
                        "dezelfde initiatieven met hun plaats; daarmee vind je alles wat op de "
                        "kaart staat.",
                        "<b>Oudere pdf-documenten</b> van partners zijn niet altijd toegankelijk "
                        "(WCAG 1.3.1). Vraag ons om een toegankelijke versie; die sturen we je "
                        "binnen vijf werkdagen.",
                        "<b>Video's van partners</b> hebben niet altijd ondertiteling (WCAG "
                        "1.2.2). Bij elke video staat een samenvatting of een uitgeschreven "
                        "tekst, en nieuwe video's plaatsen we alleen met ondertiteling.",
                        "<b>Foto's die initiatieven zelf plaatsen</b> hebben niet altijd een "
                        "goede beschrijving (WCAG 1.1.1). Redacteuren vullen die aan als ze een "
                        "aanmelding goedkeuren.",
                    ]
                ),
                "en": _list(
                    [
                        "<b>The map of initiatives</b> can only partly be used with a keyboard "
                        "and a screen reader (WCAG 1.1.1 and 2.1.1). The list next to the map "
                        "shows the same initiatives with their place; with it you find "
                        "everything that is on the map.",
                        "<b>Older PDF documents</b> from partners are not always accessible (WCAG "
                        "1.3.1). Ask us for an accessible version; we will send it to you within "
                        "five working days.",
                        "<b>Videos from partners</b> do not always have captions (WCAG 1.2.2). "
                        "Every video comes with a summary or a transcript, and we only publish "
                        "new videos with captions.",
                        "<b>Photos that initiatives upload themselves</b> do not always have a "
                        "good description (WCAG 1.1.1). Editors add one when they approve a "
                        "registration.",
                    ]
                ),
            },
        ),
        ("heading", {"nl": "Contact", "en": "Contact"}),
        (
            "paragraph",
            {
                "nl": "<p>Loop je tegen een probleem aan, of mis je iets? Laat het ons weten via "
                f"{INFO} of bel 030 123 45 67, op werkdagen van 9 tot 17 uur. Je krijgt binnen "
                "vijf werkdagen antwoord. Binnen drie weken laten we weten hoe en wanneer we het "
                "oplossen, of we bieden je de informatie op een andere manier aan.</p>",
                "en": "<p>Have you run into a problem, or is something missing? Let us know at "
                f"{INFO} or call +31 30 123 45 67 on working days from 9:00 to 17:00. You will "
                "hear from us within five working days. Within three weeks we will tell you how "
                "and when we will solve it, or we will offer you the information in another "
                "way.</p>",
            },
        ),
        ("heading", {"nl": "Niet tevreden?", "en": "Not satisfied?"}),
        (
            "paragraph",
            {
                "nl": "<p>Ben je niet tevreden over hoe we je melding hebben behandeld, dien dan "
                "eerst een klacht bij ons in, via hetzelfde adres. Kom je er met ons niet uit, "
                f"dan kun je terecht bij de {OMBUDSMAN.format('Nationale ombudsman')}.</p>",
                "en": "<p>If you are not satisfied with how we handled your report, first file a "
                "complaint with us, at the same address. If we cannot resolve it together, you "
                f"can turn to the {OMBUDSMAN.format('Nationale ombudsman')} (the Dutch National "
                "Ombudsman).</p>",
            },
        ),
    ],
}

STATEMENT_PAGES = [PRIVACY, ACCESSIBILITY]
