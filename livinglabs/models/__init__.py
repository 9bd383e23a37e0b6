from .pages import ENOLL_ELEMENTS, LivingLabIndexPage, LivingLabPage
from .parts import (
    BusinessCaseStatus,
    FigureKind,
    LivingLabBusinessCase,
    LivingLabFigure,
    LivingLabMilestone,
    LivingLabPartner,
    PartnerRole,
)

__all__ = [
    "ENOLL_ELEMENTS",
    "BusinessCaseStatus",
    "FigureKind",
    "LivingLabBusinessCase",
    "LivingLabFigure",
    "LivingLabIndexPage",
    "LivingLabMilestone",
    "LivingLabPage",
    "LivingLabPartner",
    "PartnerRole",
]
