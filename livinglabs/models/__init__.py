from .pages import LivingLabIndexPage, LivingLabPage
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
