"""Files applicants send: what their content says they are, and where they are kept.

The name a browser sends proves nothing, so a file's type is read from its content: a magic
string alone is no proof either (an HTML page with "%PDF-" in it opens as a web page), so each
type's whole structure must hold: a PDF starts with its header and ends with its end marker,
an image decodes completely and stops where its format ends, an office document is a zip that
opens, checks out and ends with its directory, with the parts its format names. Files live
in the "private" storage (PRIVATE_MEDIA_ROOT, or the private bucket), which no URL serves; the
admin hands them out after a permission check (calls.admin_views).
"""

import hashlib
import secrets
import struct
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image

from portal.storage import NamedStorage, PrivateFileSystemStorage

MB = 1024 * 1024
# Above this a request is refused before Django reads it: what the largest form may
# carry (five file questions of five 20 MB files would be more than any call needs).
MAX_REQUEST_SIZE = 110 * MB
SNIFF_BYTES = 2048
# Readers look for a PDF's %%EOF in its last kilobyte (ISO 32000-1, implementation note 18).
PDF_TAIL_BYTES = 1024
# A 40 megapixel photo decodes in well under a second; more is refused rather than decoded.
MAX_IMAGE_PIXELS = 40_000_000
# What the parts of an office document may unpack to, together (a zip bomb stops here).
MAX_UNPACKED_SIZE = 200 * MB
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"
JPEG_END = b"\xff\xd9"
ZIP_END = b"PK\x05\x06"
ZIP_END_SIZE = 22


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extension: str


FILE_TYPES = {
    "pdf": FileType(_("PDF"), "application/pdf", "pdf"),
    "docx": FileType(
        _("Word document (.docx)"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "xlsx": FileType(
        _("Excel spreadsheet (.xlsx)"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    "odt": FileType(
        _("OpenDocument text (.odt)"), "application/vnd.oasis.opendocument.text", "odt"
    ),
    "ods": FileType(
        _("OpenDocument spreadsheet (.ods)"),
        "application/vnd.oasis.opendocument.spreadsheet",
        "ods",
    ),
    "jpg": FileType(_("JPEG image"), "image/jpeg", "jpg"),
    "png": FileType(_("PNG image"), "image/png", "png"),
}

OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def sniff(upload):
    """The code in FILE_TYPES whose whole structure the file's content has, or None."""
    head = _read(upload, 0, SNIFF_BYTES)
    if head.startswith(b"%PDF-"):
        return "pdf" if b"%%EOF" in _read(upload, -PDF_TAIL_BYTES) else None
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg" if _is_image(upload, "JPEG", JPEG_END) else None
    if head.startswith(PNG_SIGNATURE):
        return "png" if _is_image(upload, "PNG", PNG_END) else None
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _read(upload, offset, size=None):
    """``size`` bytes from ``offset`` (from the end when negative), the file left at 0."""
    try:
        if offset < 0:
            upload.seek(max(upload.size + offset, 0))
        else:
            upload.seek(offset)
        return upload.read(size if size is not None else -offset)
    finally:
        upload.seek(0)


def _is_image(upload, image_format, end):
    """Decodes completely, within the pixel limit, and ends where its format ends: no
    script or page rides along after the picture."""
    if not _read(upload, -len(end) - 64).rstrip(b"\x00").endswith(end):
        return False
    try:
        with Image.open(upload) as image:
            if image.format != image_format or image.width * image.height > MAX_IMAGE_PIXELS:
                return False
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except Exception:  # Pillow raises many kinds for a broken file; each means "no"
        return False
    finally:
        upload.seek(0)
    return True


def _sniff_zip(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            # Nothing may follow the zip's directory (an HTML page behind it, say).
            tail = _read(upload, -(ZIP_END_SIZE + len(archive.comment)))
            if not tail.startswith(ZIP_END):
                return None
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_SIZE:
                return None
            if archive.testzip() is not None:
                return None
            kind = _zip_kind(archive, infos)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, struct.error):
        return None
    finally:
        upload.seek(0)
    return kind


def _zip_kind(archive, infos):
    names = {info.filename for info in infos}
    # ODF puts its mimetype first, uncompressed, so that it can be read at a fixed offset.
    first = infos[0] if infos else None
    if first and first.filename == "mimetype" and first.file_size < 100:
        kind = ODF_MIMETYPES.get(archive.read("mimetype").strip())
        if kind:
            return kind
    if "[Content_Types].xml" in names:
        for kind, part in OOXML_PARTS.items():
            if part in names:
                return kind
    return None


def digest(upload):
    sha = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()


def clean_name(name, kind):
    """The applicant's own file name, made safe, with the extension its content deserves."""
    stem = get_valid_filename(PurePath(name or "").stem)[:80] or "bijlage"
    return f"{stem}.{FILE_TYPES[kind].extension}"


@deconstructible
class PrivateStorage(PrivateFileSystemStorage):
    """What attachments were stored with before STORAGES["private"]; migration 0002 names it."""

    def __eq__(self, other):
        return isinstance(other, PrivateStorage)


# PRIVATE_MEDIA_ROOT, or the private bucket (portal/storage.py).
private_storage = NamedStorage("private")


def private_upload_path(instance, filename):
    """A random folder per file: nothing in the path says whose it is."""
    return f"applications/{timezone.now():%Y/%m}/{secrets.token_hex(16)}/{filename}"
