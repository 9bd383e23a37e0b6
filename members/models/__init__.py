from .kinds import KindMap, OrganisationKind, kinds_of_locale, localize_kind
from .pages import MemberIndexPage, MemberNeed, MemberPage, MemberPageTag, Need
from .submissions import HelpOffer, Registration

__all__ = [
    "HelpOffer",
    "KindMap",
    "MemberIndexPage",
    "MemberNeed",
    "MemberPage",
    "MemberPageTag",
    "Need",
    "OrganisationKind",
    "Registration",
    "kinds_of_locale",
    "localize_kind",
]
