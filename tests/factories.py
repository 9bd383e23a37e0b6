import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageTag, Person, Reaction
from calls.models import OpenCallPage, QuestionPage
from home.models import HomePage, StandardPage
from livinglabs.models import LivingLabIndexPage, LivingLabPage
from members.models import MemberIndexPage, MemberNeed, MemberPage, OrganisationKind
from portal.models import Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    description = "Een korte omschrijving."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))

    class Meta:
        model = Theme


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Afbeelding {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Wijkkracht"
    slug = "home"
    hero_title = "Samen maken we de wijk sterker"
    hero_intro = "Het netwerk van burgerinitiatieven."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een inleiding."

    class Meta:
        model = StandardPage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verhalen"
    slug = "verhalen"
    intro = "Verhalen uit het netwerk."

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    intro = "Een verhaal uit de wijk."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        """``themes=[theme, ...]``: stored at once (a ParentalManyToManyField alone waits
        for the next save)."""
        if create and extracted:
            BlogPage.themes.through.objects.bulk_create(
                BlogPage.themes.through(blogpage=self, theme=theme) for theme in extracted
            )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """``authors=[person, ...]``: stored in order."""
        if create and extracted:
            for position, person in enumerate(extracted):
                BlogPageAuthor.objects.create(page=self, person=person, sort_order=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """``tags=["MAEX", ...]``: tag names, created when new."""
        if create and extracted:
            for name in extracted:
                tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
                BlogPageTag.objects.create(content_object=self, tag=tag)


class MemberIndexPageFactory(wagtail_factories.PageFactory):
    title = "Initiatieven"
    slug = "initiatieven"
    intro = "Alle initiatieven."

    class Meta:
        model = MemberIndexPage


def organisation_kind(slug="bewonersorganisatie", language="nl"):
    """One of the kinds of organisation the migrations add."""
    return OrganisationKind.objects.get(slug=slug, locale__language_code=language)


class MemberPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Initiatief {n}")
    intro = "Een initiatief in de wijk."
    kind = factory.LazyFunction(organisation_kind)
    place = "Utrecht"
    province = "utrecht"
    latitude = Decimal("52.09000")
    longitude = Decimal("5.12000")
    people_reached = 100
    volunteers = 10
    volunteer_hours_per_week = 50

    class Meta:
        model = MemberPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            return True
        return False

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        """``needs=[("vrijwilligers", "Chauffeurs gezocht"), ("geld", "Een bus", True)]``."""
        if create and extracted:
            self.needs = [
                MemberNeed(
                    kind=kind, description=description, is_met=bool(met and met[0]), sort_order=n
                )
                for n, (kind, description, *met) in enumerate(extracted)
            ]
            return True
        return False

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # Themes and needs are stored when the page is saved: one save for both (and the
        # needs' text goes into the search column).
        if create and results and any(results.values()):
            instance.save()


class LivingLabIndexPageFactory(wagtail_factories.PageFactory):
    title = "Living labs"
    slug = "living-labs"
    intro = "Het programma."

    class Meta:
        model = LivingLabIndexPage


class LivingLabPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lab {n}")
    summary = "Een lab in de wijk."
    place = "Amersfoort"
    province = "utrecht"
    phase = LivingLabPage.Phase.RUN
    start_date = datetime.date(2026, 3, 1)

    class Meta:
        model = LivingLabPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            return True
        return False

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # A ParentalManyToManyField is stored when the page is saved.
        if create and results and any(results.values()):
            instance.save()


class OpenCallPageFactory(wagtail_factories.PageFactory):
    title = "Open oproep"
    slug = "open-oproep"
    intro = "Start een living lab."
    # Editors pick minutes; revisions keep milliseconds only.
    opens_at = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=7)
    )
    closes_at = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=60)
    )

    class Meta:
        model = OpenCallPage


class QuestionPageFactory(wagtail_factories.PageFactory):
    title = "Breng je vraag in"
    slug = "breng-je-vraag-in"
    intro = "Stel je vraag."

    class Meta:
        model = QuestionPage


# blog


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Auteur {n}")
    role = "redacteur"
    bio = "Schrijft over initiatieven in de wijk."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))

    class Meta:
        model = Person


class ReactionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bewoner {n}")
    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    text = "Mooi verhaal, dit willen wij in onze wijk ook."
    status = Reaction.Status.APPROVED
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Reaction


# calls: applications to the open call


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted application; pass ``call`` (the Dutch call page)."""

    title = factory.Sequence(lambda n: f"Wijkbedrijf {n}")
    name = "Fatima el Amrani"
    email = factory.Sequence(lambda n: f"aanvrager{n}@example.org")
    phone = "06 12345678"
    role = "bewoner"
    municipality = "Haarlem"
    neighbourhood = "Schalkwijk"
    province = "noord-holland"
    question = "Hoe houden we het buurthuis open?"
    summary = "Een wijkbedrijf dat het groen onderhoudt."
    partners = "Woningcorporatie Elan"
    budget = 25000
    language = "nl"
    status = "submitted"
    submitted_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "calls.Application"


# livinglabs: the parts of a lab's case


def lab_parts(partners=(), cases=(), figures=(), milestones=()):
    """Inline rows for ``LivingLabPageFactory(**lab_parts(...))``, saved with the page.

    partners: (member page or name, role); cases: (title, status); figures: (kind, value);
    milestones: (date, title).
    """
    from livinglabs.models import (
        LivingLabBusinessCase,
        LivingLabFigure,
        LivingLabMilestone,
        LivingLabPartner,
    )

    return {
        "partners": [
            LivingLabPartner(
                member=who if not isinstance(who, str) else None,
                name=who if isinstance(who, str) else "",
                role=role,
                sort_order=n,
            )
            for n, (who, role) in enumerate(partners)
        ],
        "business_cases": [
            LivingLabBusinessCase(title=title, status=status, sort_order=n)
            for n, (title, status) in enumerate(cases)
        ],
        "figures": [
            LivingLabFigure(kind=kind, value=value, sort_order=n)
            for n, (kind, value) in enumerate(figures)
        ],
        "milestones": [
            LivingLabMilestone(date=date, title=title, sort_order=n)
            for n, (date, title) in enumerate(milestones)
        ],
    }


# calls: "Breng je vraag in"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A published question that may be shown anonymously; pass ``page`` (a QuestionPage)."""

    name = factory.Sequence(lambda n: f"Vraagsteller {n}")
    email = factory.Sequence(lambda n: f"vraag{n}@example.org")
    role = "bewoner"
    municipality = "Zwolle"
    text = factory.Sequence(lambda n: f"Hoe starten we een buurtcoöperatie, vraag {n}?")
    publish_as = "anonymous"
    status = "published"
    language = "nl"
    consent_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "calls.Question"
