from decimal import Decimal

import pytest

from livinglabs.models import LivingLabPartner
from members.models import MemberNeed

from ..factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberPageFactory,
    organisation_kind,
)
from ..members.conftest import directory, directory_en, themes  # noqa: F401

SECRETS = ("Geheim Persoon", "geheim@example.org", "Lableider Verborgen", "lab@geheim.example",
           "06-99999999")  # fmt: skip


@pytest.fixture
def network(directory, themes, home_nl):  # noqa: F811
    """Initiatives, a lab and a story, each with a contact that must never be published."""
    member = MemberPageFactory(
        parent=directory,
        title="Energiecoöperatie Zonnedak",
        kind=organisation_kind("cooperatie"),
        province="overijssel",
        place="Zwolle",
        latitude=Decimal("52.51680"),
        longitude=Decimal("6.08300"),
        people_reached=2400,
        volunteers=22,
        themes=[themes["energie"]],
        contact_name="Geheim Persoon",
        contact_email="geheim@example.org",
        public_email="info@zonnedak.example",
        needs=[("ruimte", "Een groot dak")],
    )
    MemberPageFactory(parent=directory, title="Buurtmoestuin", province="utrecht")
    labs = LivingLabIndexPageFactory(parent=home_nl)
    lab = LivingLabPageFactory(
        parent=labs,
        title="Lab Zwolle",
        themes=[themes["energie"]],
        contact_name="Lableider Verborgen",
        contact_email="lab@geheim.example",
        contact_phone="06-99999999",
    )
    LivingLabPartner.objects.create(page=lab, member=member, role="initiatief", locale=lab.locale)
    stories = BlogIndexPageFactory(parent=home_nl)
    BlogPageFactory(parent=stories, title="Het dak ligt erop", themes=[themes["energie"]])
    assert MemberNeed.objects.exists()
    return {"member": member, "lab": lab}
