"""What the directory's and the profiles' addresses answer; their pages' routes call these."""

from .directory import (
    directory,
    directory_context,
    directory_csv,
    directory_geojson,
    figures,
    figures_csv,
    open_data_page,
)
from .help import offer_help, offer_help_thanks
from .profile import member_context
from .register import register, register_thanks

__all__ = [
    "directory",
    "directory_context",
    "directory_csv",
    "directory_geojson",
    "figures",
    "figures_csv",
    "member_context",
    "offer_help",
    "offer_help_thanks",
    "open_data_page",
    "register",
    "register_thanks",
]
