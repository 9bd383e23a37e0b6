"""The open call's part of ``generate_scale_data``: many applications to the demo's call."""

import secrets
import time
from datetime import timedelta

from django.utils import timezone

from portal.models import Theme

from .models import Application, OpenCallPage

APPLICATIONS = 5_000
STATUSES = [
    Application.Status.SUBMITTED,
    Application.Status.SUBMITTED,
    Application.Status.IN_REVIEW,
    Application.Status.ACCEPTED,
    Application.Status.REJECTED,
    Application.Status.DRAFT,
]
PLACES = [("Utrecht", "utrecht"), ("Zwolle", "overijssel"), ("Arnhem", "gelderland")]


def generate_applications(scale):
    call = OpenCallPage.objects.filter(locale=scale.nl).first()
    if call is None:
        return
    rng = scale.rng
    themes = list(Theme.objects.filter(locale=scale.nl))
    now = timezone.now()
    started = time.perf_counter()
    first = Application.objects.filter(reference__startswith="AV-SCALE-").count()
    applications = []
    for n in range(first, first + scale.count(APPLICATIONS)):
        status = rng.choice(STATUSES)
        place, province = rng.choice(PLACES)
        sent = now - timedelta(minutes=n)
        applications.append(
            Application(
                reference=f"AV-SCALE-{n:06d}",
                submission_key=secrets.token_hex(32),
                language=rng.choice(["nl", "nl", "en"]),
                call_id=call.pk,
                status=status,
                name=f"Aanvrager {n}",
                email=f"aanvrager{n}@scale.example",
                title=f"Buurtplan {place} {n}",
                role="bewoner",
                municipality=place,
                province=province,
                question=f"Hoe maken we {place} samen sterker?",
                summary="Een plan van bewoners, gemeente en een zorgaanbieder.",
                budget=rng.randint(5, 50) * 1000,
                consent_at=sent,
                created_at=sent,
                submitted_at=None if status == Application.Status.DRAFT else sent,
            )
        )
    Application.objects.bulk_create(applications, batch_size=1000)
    through = Application.themes.through
    pks = [application.pk for application in applications]
    if None in pks:  # a database that does not return the new keys
        pks = Application.objects.filter(reference__startswith="AV-SCALE-").values_list(
            "pk", flat=True
        )
    rows = [
        through(application_id=pk, theme_id=theme.pk)
        for pk in pks
        for theme in rng.sample(themes, min(len(themes), 1))
    ]
    through.objects.bulk_create(rows, batch_size=2000)
    scale.record("applications", len(applications), started)
