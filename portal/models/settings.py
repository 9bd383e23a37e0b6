import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.choices import OpenDataLicence
from portal.content import remember


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Facts about the organisation that are the same in every language."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=100, default="Wijkkracht"
    )
    contact_email = models.EmailField(_("contact e-mail"), default="info@wijkkracht.example")
    security_email = models.EmailField(
        _("security contact e-mail"),
        blank=True,
        help_text=_("Published in /.well-known/security.txt. Empty: the contact e-mail."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    open_data_licence = models.CharField(
        _("open data licence"),
        max_length=20,
        choices=OpenDataLicence,
        default=OpenDataLicence.CC_BY,
        help_text=_(
            "The licence every export and API answer of the directory, the labs and the "
            "stories carries."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("security_email"),
                FieldPanel("phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("open_data_licence"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def _get_or_create(cls):
        # Read on every page: kept until the settings (or content) change. A copy, as Wagtail
        # ties the instance it hands out to the request.
        return copy.copy(remember("site-settings", build=super()._get_or_create))

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Bluesky", self.bluesky_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]
