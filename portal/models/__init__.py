from .mail import OutgoingMail
from .pages import BasePage
from .privacy import PersonalDataLog, PrivacySettings, RetentionPeriod
from .settings import SiteSettings
from .snippets import Navigation, Theme
from .submissions import BaseSubmission

__all__ = [
    "BasePage",
    "BaseSubmission",
    "Navigation",
    "OutgoingMail",
    "PersonalDataLog",
    "PrivacySettings",
    "RetentionPeriod",
    "SiteSettings",
    "Theme",
]
