"""The programme page: filters in the address, the map, figures computed from the labs."""

import datetime
import html
import json
import re
from decimal import Decimal

import pytest

from ..factories import (
    ImageFactory,
    LivingLabPageFactory,
    MemberPageFactory,
    lab_parts,
)
from ..utils import count_queries, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def labs(programme, themes, directory):
    wijkbedrijf = MemberPageFactory(parent=directory, title="Wijkbedrijf Schalkwijk")
    return {
        "amersfoort": LivingLabPageFactory(
            parent=programme,
            title="Expeditie Nieuw Amersfoort",
            phase="uitvoering",
            place="Amersfoort",
            province="utrecht",
            latitude=Decimal("52.15610"),
            longitude=Decimal("5.38780"),
            themes=[themes["werk-inkomen"]],
            **lab_parts(
                partners=[(wijkbedrijf, "initiatief"), ("Gemeente Amersfoort", "gemeente")],
                cases=[("Zwammen op koffiedik", "gestart"), ("Deelbus", "idee")],
                figures=[("bewoners", 40), ("banen", 3)],
            ),
        ),
        "gerkesklooster": LivingLabPageFactory(
            parent=programme,
            title="Generatiehuis Gerkesklooster",
            phase="geborgd",
            place="Gerkesklooster",
            province="friesland",
            latitude=Decimal("53.21700"),
            longitude=Decimal("6.15400"),
            themes=[themes["wonen"]],
            **lab_parts(
                partners=[("Woningcorporatie Elkien", "woningcorporatie")],
                cases=[("Generatiehuis", "uitgewerkt")],
                figures=[("bewoners", 60)],
            ),
        ),
        "utrecht": LivingLabPageFactory(
            parent=programme,
            title="Wijkbedrijf Overvecht",
            phase="uitvoering",
            place="Utrecht",
            province="utrecht",
            themes=[themes["wonen"], themes["werk-inkomen"]],
            **lab_parts(partners=[(wijkbedrijf, "initiatief")], figures=[("banen", 5)]),
        ),
    }


def titles(response):
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)<', response.text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            ["Expeditie Nieuw Amersfoort", "Generatiehuis Gerkesklooster", "Wijkbedrijf Overvecht"],
        ),
        ("?phase=uitvoering", ["Expeditie Nieuw Amersfoort", "Wijkbedrijf Overvecht"]),
        ("?phase=geborgd", ["Generatiehuis Gerkesklooster"]),
        ("?theme=wonen", ["Generatiehuis Gerkesklooster", "Wijkbedrijf Overvecht"]),
        ("?province=utrecht", ["Expeditie Nieuw Amersfoort", "Wijkbedrijf Overvecht"]),
        # combinations narrow down
        ("?phase=uitvoering&theme=wonen", ["Wijkbedrijf Overvecht"]),
        (
            "?province=utrecht&theme=werk-inkomen",
            ["Expeditie Nieuw Amersfoort", "Wijkbedrijf Overvecht"],
        ),
        ("?phase=uitvoering&theme=wonen&province=friesland", []),
        (
            "?phase=&theme=&province=",
            ["Expeditie Nieuw Amersfoort", "Generatiehuis Gerkesklooster", "Wijkbedrijf Overvecht"],
        ),
    ],
)
def test_filters_and_their_combination(client, programme, labs, query, expected):
    response = client.get(programme.url + query)

    assert response.status_code == 200
    assert titles(response) == expected
    assert f"{len(expected)} living lab" in response.text


def test_filters_work_the_same_in_english(client, programme_en, labs):
    for lab in labs.values():
        translated(lab)

    response = client.get(programme_en.url + "?theme=wonen&phase=geborgd")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert titles(response) == ["Generatiehuis Gerkesklooster"]
    assert "1 living lab" in response.text
    assert "Phase: embedded" in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?phase=klaar", "Er is geen fase “klaar”, dus de lijst toont alle fases."),
        ("?theme=bestaat-niet", "Er is geen thema “bestaat-niet”"),
        ("?province=vlaanderen", "Er is geen provincie “vlaanderen”"),
        ("?phase=uitvoering&province=x", "Er is geen provincie “x”"),
    ],
)
def test_an_unknown_filter_value_is_left_out_with_a_message_that_says_which(
    client, programme, labs, query, message
):
    response = client.get(programme.url + query)

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert "Geen living labs" not in response.text
    assert titles(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["2", "0", "x", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_a_404(client, programme, labs, page):
    assert client.get(f"{programme.url}?page={page}").status_code == 404


def test_many_labs_are_paged_and_the_filters_stay(client, programme, themes):
    for n in range(14):
        LivingLabPageFactory(parent=programme, title=f"Lab {n:02}", themes=[themes["wonen"]])

    first = client.get(programme.url + "?theme=wonen")
    second = client.get(programme.url + "?theme=wonen&page=2")

    assert len(titles(first)) == 12 and len(titles(second)) == 2
    assert 'href="?page=2&amp;theme=wonen"' in first.text


def test_the_map_shows_every_matching_lab_with_a_location(client, programme, labs):
    response = client.get(programme.url + "?province=utrecht")

    markers = json.loads(
        re.search(
            r'id="programme-map-markers" type="application/json">(.*?)</script>', response.text
        ).group(1)
    )
    assert [marker["title"] for marker in markers] == [
        "Expeditie Nieuw Amersfoort"
    ]  # Overvecht has none
    assert markers[0]["url"] == labs["amersfoort"].url
    assert "leaflet.js" in response.text


def figure_map(html):
    """{label: value} of the programme's figures, as the visitor reads them."""
    section = html.split('id="programme-figures"')[1].split("</dl>")[0]
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", section, re.S)
    return {re.sub(r"<span.*?</span>", "", dt, flags=re.S).strip(): dd for dt, dd in pairs}


def test_programme_figures_match_the_labs(client, programme, labs):
    html = client.get(programme.url).text
    figures = figure_map(html)

    assert figures["living labs"] == "3"
    assert figures["partners"] == "4"  # 2 + 1 + 1 rows, one initiative in two labs
    assert "waarvan 1 initiatief uit het netwerk" in html
    assert figures["business cases"] == "3"
    assert "1 uitgewerkt, 1 gestart" in html
    assert figures["betrokken bewoners"] == "100"
    assert figures["banen"] == "8"
    assert phase_counts(html) == [
        ("Verkenning: 0", None),
        ("Opstart: 0", None),
        ("Uitvoering: 2", "?phase=uitvoering"),
        ("Geborgd: 1", "?phase=geborgd"),
        ("Gestopt: 0", None),
    ]


def phase_counts(html):
    """(text as read, link's query or None) of each phase in the programme's figures."""
    section = html.split('<ul class="programme-phases">')[1].split("</ul>")[0]
    items = re.findall(r'<li class="programme-phases__item[^"]*">(.*?)</li>', section, re.S)
    return [
        (
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip(),
            link.group(1) if (link := re.search(r'href="[^"?]*(\?[^"]*)"', item)) else None,
        )
        for item in items
    ]


def test_figures_count_only_live_labs_and_follow_a_publish(client, programme, labs):
    assert figure_map(client.get(programme.url).text)["living labs"] == "3"

    labs["utrecht"].unpublish()

    after = client.get(programme.url).text
    assert figure_map(after)["living labs"] == "2"
    assert figure_map(after)["banen"] == "3"
    assert "Wijkbedrijf Overvecht" not in after


def test_programme_queries_do_not_grow_with_labs_partners_and_cases(
    client, programme, themes, directory
):
    members = [MemberPageFactory(parent=directory) for _ in range(3)]

    def lab(n, size):
        return LivingLabPageFactory(
            parent=programme,
            title=f"Lab {n}",
            latitude=Decimal("52.1"),
            longitude=Decimal("5.1"),
            listing_image=ImageFactory(),
            themes=list(themes.values())[: 1 + n % 2],
            **lab_parts(
                partners=[(members[i % 3], "initiatief") for i in range(size)]
                + [(f"Partner {i}", "bedrijf") for i in range(size)],
                cases=[(f"Case {i}", "idee") for i in range(size)],
                figures=[("banen", i) for i in range(size)],
                milestones=[(datetime.date(2026, 1, 1 + i), f"Stap {i}") for i in range(size)],
            ),
        )

    lab(0, 1)
    lab(1, 1)
    few = count_queries(client, programme.url, cached=False)
    few_filtered = count_queries(client, programme.url + "?theme=wonen&province=utrecht")
    for n in range(2, 30):
        lab(n, 8)

    assert count_queries(client, programme.url, cached=False) == few
    assert count_queries(client, programme.url + "?theme=wonen&province=utrecht") == few_filtered
    warm = count_queries(client, programme.url)
    assert warm <= 15
    print(f"programme page: {warm} queries warm, {few} with an empty cache")  # noqa: T201
