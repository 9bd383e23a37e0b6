"""The network in figures, computed from the live profiles.

An initiative is counted once, as members.network defines it (its figures are synchronised
between its language versions, so the Dutch page stands for it). Totals are kept in the
cache under the content version, so they follow every publish and cost no queries until
then.
"""

from dataclasses import dataclass

from django.db.models import Count, Sum

from portal.choices import Province
from portal.content import remember
from portal.i18n import themes_of_locale

from .network import one_per_initiative

MEASURES = ("initiatives", "volunteers", "volunteer_hours_per_week", "people_reached")


@dataclass
class Row:
    code: str
    name: str
    initiatives: int = 0
    volunteers: int = 0
    volunteer_hours_per_week: int = 0
    people_reached: int = 0

    def values(self):
        return [getattr(self, measure) for measure in MEASURES]


def _sums(queryset, group_by):
    return (
        queryset.order_by()
        .values(group_by)
        .annotate(
            initiatives=Count("pk", distinct=True),
            volunteers=Sum("volunteers"),
            volunteer_hours_per_week=Sum("volunteer_hours_per_week"),
            people_reached=Sum("people_reached"),
        )
    )


def _row(code, name, values):
    return Row(code, name, *[values.get(measure) or 0 for measure in MEASURES])


def compute():
    """Totals, per province and per theme, as plain data for the cache."""
    members = one_per_initiative()
    totals = members.aggregate(
        initiatives=Count("pk"),
        volunteers=Sum("volunteers"),
        volunteer_hours_per_week=Sum("volunteer_hours_per_week"),
        people_reached=Sum("people_reached"),
    )
    provinces = {row["province"]: row for row in _sums(members, "province")}
    # A theme row of either language stands for the theme: group by its translation key.
    themes = {
        row["themes__translation_key"]: row for row in _sums(members, "themes__translation_key")
    }
    return {"totals": totals, "provinces": provinces, "themes": themes}


def network_figures():
    """``{"total": Row, "provinces": [Row], "themes": [Row]}`` in the visitor's language.

    Every province is listed, with zeros where there is no initiative yet; themes are
    listed as the site's themes are ordered. An initiative may work on several themes, so
    the theme rows may add up to more than the total; the province rows add up to it.
    """
    data = remember("member-figures", build=compute)
    total = _row("total", "", data["totals"])
    provinces = [
        _row(code, label, data["provinces"].get(code, {})) for code, label in Province.choices
    ]
    themes = [
        _row(theme.slug, theme.name, data["themes"].get(translation_key, {}))
        for translation_key, theme in sorted(
            themes_of_locale().items(), key=lambda item: (item[1].sort_order, item[1].name)
        )
    ]
    return {"total": total, "provinces": provinces, "themes": themes}
