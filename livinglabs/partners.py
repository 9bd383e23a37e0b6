"""Partners from free text, as an applicant to the open call names them (calls.lab)."""

import re

from members.models import MemberPage

from .models import LivingLabPartner, PartnerRole

MAX_PARTNERS = 30
SEPARATORS = re.compile(r"[\n;]+")
LEADING_MARKS = re.compile(r"^[\s\-–•*·\d.)]+")
# The first matching word decides a partner's role; an editor checks them in the draft.
ROLE_WORDS = (
    ("gemeente", PartnerRole.MUNICIPALITY),
    ("municipality", PartnerRole.MUNICIPALITY),
    ("woningcorporatie", PartnerRole.HOUSING),
    ("woningbouw", PartnerRole.HOUSING),
    ("wonen", PartnerRole.HOUSING),
    ("housing", PartnerRole.HOUSING),
    ("zorgverzeker", PartnerRole.INSURER),
    ("insurer", PartnerRole.INSURER),
    ("zorg", PartnerRole.CARE),
    ("care", PartnerRole.CARE),
    ("school", PartnerRole.SCHOOL),
    ("universiteit", PartnerRole.KNOWLEDGE),
    ("hogeschool", PartnerRole.KNOWLEDGE),
    ("university", PartnerRole.KNOWLEDGE),
    ("fonds", PartnerRole.FUND),
    ("fund", PartnerRole.FUND),
    ("bank", PartnerRole.FUND),
    ("bewoners", PartnerRole.RESIDENTS),
    ("residents", PartnerRole.RESIDENTS),
    (" b.v.", PartnerRole.COMPANY),
    (" bv", PartnerRole.COMPANY),
)


def guess_role(name):
    lowered = f" {name.lower()}"
    for word, role in ROLE_WORDS:
        if word in lowered:
            return role
    return PartnerRole.OTHER


def partners_from_text(text, locale):
    """Unsaved partner rows, one per line (or ``;``) of ``text``: an initiative of the
    network when a live profile in ``locale`` has exactly that name, else a named partner."""
    names = []
    for part in SEPARATORS.split(text or ""):
        name = LEADING_MARKS.sub("", part).strip()[:150]
        if name and name.lower() not in {known.lower() for known in names}:
            names.append(name)
    names = names[:MAX_PARTNERS]
    if not names:
        return []
    members = {
        member.title.lower(): member
        for member in MemberPage.objects.live().filter(locale=locale, title__in=names)
    }
    partners = []
    for name in names:
        member = members.get(name.lower())
        if member:
            partners.append(LivingLabPartner(member=member, role=PartnerRole.INITIATIVE))
        else:
            partners.append(LivingLabPartner(name=name, role=guess_role(name)))
    return partners
