"""What every open-data answer says about itself: its licence, its source, when it was built.

The licence is the operator's choice in the site settings (CC BY 4.0 unless changed); the
source is the organisation and the page the data comes from. Files carry it in their HTTP
headers (a CSV has no place for it without breaking readers that expect one header row):
``Link`` with ``rel="license"`` and ``rel="describedby"`` (the open-data page that explains
the fields), and ``Last-Modified`` for the moment it was built. GeoJSON and the API carry it
in the body as well.
"""

from django.utils import timezone

from .choices import LICENCE_URLS, OpenDataLicence


def licence():
    from .models import SiteSettings

    code = SiteSettings.load().open_data_licence or OpenDataLicence.CC_BY
    return {"id": code, "name": OpenDataLicence(code).label, "url": LICENCE_URLS[code]}


def provenance(source_url="", built_at=None, about_url=""):
    """``{"licence", "source", "built_at"}`` as plain data for a file or an answer."""
    from .models import SiteSettings

    built_at = built_at or timezone.now()
    return {
        "licence": licence(),
        "source": {
            "name": SiteSettings.load().organisation_name,
            "url": source_url,
            "about": about_url,
        },
        "built_at": built_at.isoformat(timespec="seconds"),
    }


def add_headers(response, meta):
    """The licence and the page that explains the fields, as ``Link`` headers."""
    links = [f'<{meta["licence"]["url"]}>; rel="license"']
    if meta["source"].get("about"):
        links.append(f'<{meta["source"]["about"]}>; rel="describedby"')
    response["Link"] = ", ".join(links)
    response["X-Open-Data-Licence"] = meta["licence"]["id"]
    response["X-Open-Data-Built"] = meta["built_at"]
    return response
