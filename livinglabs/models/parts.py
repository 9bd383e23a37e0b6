"""What a lab's case is made of: partners, business cases, results in figures, milestones.

Each is an inline of the lab (a child relation), translatable with the lab: wagtail-localize
copies the rows to the translation on every sync (dates, numbers, statuses, the chosen
initiative and pages) and only the words go through the translation editor. A partner's name
is a name in both languages, so it is synchronised too.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class PartnerRole(models.TextChoices):
    """Where a partner stands in the playing field. Stored codes; the labels translate."""

    INITIATIVE = "initiatief", _("citizen initiative")
    RESIDENTS = "bewoners", _("residents")
    MUNICIPALITY = "gemeente", _("municipality")
    HOUSING = "woningcorporatie", _("housing corporation")
    INSURER = "zorgverzekeraar", _("health insurer")
    CARE = "zorgorganisatie", _("care organisation")
    COMPANY = "bedrijf", _("company")
    SCHOOL = "school", _("school")
    KNOWLEDGE = "kennisinstelling", _("knowledge institution")
    FUND = "fonds", _("fund or bank")
    OTHER = "anders", _("other")


class BusinessCaseStatus(models.TextChoices):
    IDEA = "idee", _("idea")
    WORKED_OUT = "uitgewerkt", _("worked out")
    STARTED = "gestart", _("started")


class FigureKind(models.TextChoices):
    """Results that add up across labs; ``other`` takes its own label."""

    RESIDENTS = "bewoners", _("residents involved")
    JOBS = "banen", _("jobs")
    EUROS_SAVED = "euro-bespaard", _("euros saved a year")
    VOLUNTEERS = "vrijwilligers", _("volunteers")
    OTHER = "anders", _("other")


class LivingLabPartner(TranslatableMixin, Orderable):
    """A partner: an initiative of the network (its profile then lists the lab) or a named
    outside partner."""

    page = ParentalKey(
        "livinglabs.LivingLabPage", on_delete=models.CASCADE, related_name="partners"
    )
    member = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("initiative in the network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lab_partnerships",
    )
    name = models.CharField(
        _("name"),
        max_length=150,
        blank=True,
        help_text=_("For an outside partner. An initiative from the network shows its own name."),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole)
    contribution = models.CharField(
        _("what they bring"),
        max_length=255,
        blank=True,
        help_text=_("For example: the maintenance contract, a meeting place, twenty volunteers."),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        PageChooserPanel("member", "members.MemberPage"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("contribution"),
        FieldPanel("website"),
    ]
    override_translatable_fields = [SynchronizedField("name", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.member.title if self.member_id and self.member else self.name

    def clean(self):
        super().clean()
        if not self.member_id and not self.name.strip():
            raise ValidationError(
                {"name": _("Choose an initiative from the network or give the partner's name.")}
            )


class LivingLabBusinessCase(TranslatableMixin, Orderable):
    """A business case that came out of the lab, with how far it has come."""

    page = ParentalKey(
        "livinglabs.LivingLabPage", on_delete=models.CASCADE, related_name="business_cases"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=600, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=BusinessCaseStatus, default=BusinessCaseStatus.IDEA
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The initiative, story or page that tells more about it."),
    )
    link_url = models.URLField(_("web address"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("status")]),
        FieldPanel("description"),
        FieldRowPanel([PageChooserPanel("link_page"), FieldPanel("link_url")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")

    def __str__(self):
        return self.title


class LivingLabFigure(TranslatableMixin, Orderable):
    """A result in figures: what kind, how many."""

    page = ParentalKey("livinglabs.LivingLabPage", on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(_("what"), max_length=20, choices=FigureKind)
    value = models.PositiveIntegerField(_("number"))
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Required for “other”, for example: kilos of coffee grounds a week."),
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("value"), FieldPanel("label")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("result in figures")
        verbose_name_plural = _("results in figures")

    def __str__(self):
        return f"{self.value} {self.display_label}"

    @property
    def display_label(self):
        return self.label or self.get_kind_display()

    def clean(self):
        super().clean()
        if self.kind == FigureKind.OTHER and not self.label.strip():
            raise ValidationError({"label": _("Say what this number counts.")})


class LivingLabMilestone(TranslatableMixin, Orderable):
    """A dated step on the lab's timeline (and an event in its calendar file)."""

    page = ParentalKey(
        "livinglabs.LivingLabPage", on_delete=models.CASCADE, related_name="milestones"
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("what happens"), max_length=150)
    description = models.TextField(_("description"), max_length=600, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("title")]), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"
