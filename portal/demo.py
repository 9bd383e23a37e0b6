"""Building blocks for the demo content that every app's ``demo.py`` uses.

Pages are written in Dutch and translated through wagtail-localize's own path: submit for
translation, fill in the exported PO file, import it, publish. A text is given as
``{"nl": ..., "en": ...}``; ``dutch()`` picks the Dutch side and ``english_map()`` pairs
every Dutch string (rich text per paragraph) with its English one for the PO file.
Running the loader again changes nothing: what exists is left alone.
"""

import html
import re

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from .demo_images import illustration

BLOCK_ELEMENT = re.compile(r"<(p|h2|h3|h4|li)[^>]*>(.*?)</\1>", re.S)
LINK = re.compile(r"<a\s[^>]*>")


def numbered_links(text):
    """``text`` with its links as wagtail-localize's segments show them: <a id="a1">…"""
    numbers = iter(range(1, 1000))
    return LINK.sub(lambda match: f'<a id="a{next(numbers)}">', text)


def dutch(value):
    """The Dutch side of a bilingual structure."""
    if isinstance(value, dict) and set(value) == {"nl", "en"}:
        return value["nl"]
    if isinstance(value, dict):
        return {key: dutch(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(dutch(item) for item in value)
    return value


def english_map(value, mapping=None):
    """{Dutch string: English string} for every text in a bilingual structure."""
    mapping = {} if mapping is None else mapping
    if isinstance(value, dict) and set(value) == {"nl", "en"}:
        nl, en = value["nl"], value["en"]
        nl_blocks, en_blocks = BLOCK_ELEMENT.findall(nl), BLOCK_ELEMENT.findall(en)
        if nl_blocks and len(nl_blocks) == len(en_blocks):
            for (_tag, nl_text), (_tag_en, en_text) in zip(nl_blocks, en_blocks, strict=True):
                mapping[nl_text.strip()] = en_text.strip()
                # wagtail-localize hands out a link as <a id="a1">, its address kept aside.
                mapping[numbered_links(nl_text.strip())] = numbered_links(en_text.strip())
        mapping[nl] = en
    elif isinstance(value, dict):
        for item in value.values():
            english_map(item, mapping)
    elif isinstance(value, list | tuple):
        for item in value:
            english_map(item, mapping)
    elif isinstance(value, str):
        mapping.setdefault(value, value)
    return mapping


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.nl = Locale.objects.get(language_code="nl")
        self.en = Locale.objects.get(language_code="en")
        self.created = 0

    @property
    def home(self):
        """The Dutch home page: the default site's root."""
        return Site.objects.get(is_default_site=True).root_page.specific

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    def image(self, title, alt, palette="teal", scene="wonen"):
        """The demo image called ``title``; drawn as ``scene`` (a theme slug) when new."""
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = illustration(title, scene, palette)
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
            image = Image(title=title, description=alt)
            image.file = ImageFile(_named_bytes(data, f"{slug}.jpg"), name=f"{slug}.jpg")
            image.save()
        return image

    def page(self, parent, model, data, **extra):
        """The child of ``parent`` with the Dutch slug of ``data``; created and published
        from the Dutch side of ``data`` when it does not exist yet."""
        fields = {**dutch(data), **extra}
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing:
            return existing.specific
        with transaction.atomic():
            page = model(**{k: v for k, v in fields.items() if not _is_m2m(model, k)})
            parent.add_child(instance=page)
            for name, value in fields.items():
                if _is_m2m(model, name):
                    getattr(page, name).set(value)
            page.save_revision().publish()
        self.created += 1
        self.say(f"  + {model._meta.verbose_name}: {page.title}")
        return page

    def translate(self, instance, data):
        """Translate ``instance`` to English through a PO file, then publish it."""
        if instance.has_translation(self.en):
            return instance.get_translation(self.en)
        mapping = english_map(data)

        def english_for(msgid):
            if msgid in mapping:
                return mapping[msgid]
            # Plain-text segments reach the PO file HTML-escaped.
            plain = mapping.get(html.unescape(msgid))
            return html.escape(plain, quote=False) if plain is not None else None

        return translate_instance(instance, self.en, english_for)


def translate_instance(instance, locale, translate):
    """Submit ``instance`` for translation into ``locale``, fill the exported PO file with
    ``translate(msgid)``, import it and publish: wagtail-localize's own path."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        entry.msgstr = translate(entry.msgid) or ""
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise ValueError(f"No translation for {instance}: {missing}")
    translation.import_po(po)
    is_page = isinstance(instance, Page)
    with transaction.atomic():
        translation.save_target(publish=not is_page)
    target = instance.get_translation(locale)
    if is_page:
        # wagtail-localize publishes a page on commit, from the object it created; when its
        # children are translated in the same transaction that object's child count is
        # stale, and publishing it would leave the tree with a parent of "no children".
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def _is_m2m(model, name):
    field = next((f for f in model._meta.get_fields() if f.name == name), None)
    return bool(field and field.many_to_many)


def _named_bytes(data, name):
    import io

    stream = io.BytesIO(data)
    stream.name = name
    return stream
