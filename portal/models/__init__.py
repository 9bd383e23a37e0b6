from .pages import BasePage
from .settings import SiteSettings
from .snippets import Navigation, Theme
from .submissions import BaseSubmission

__all__ = ["BasePage", "BaseSubmission", "Navigation", "SiteSettings", "Theme"]
