"""Files applicants send: what their content says they are, and where they are kept.

The name a browser sends proves nothing, so a file's type is read from its first bytes (and,
for office documents, from the parts inside the zip). Files live in the "private" storage
(PRIVATE_MEDIA_ROOT, or the private bucket), which no URL serves; the admin hands them out
after a permission check (calls.admin_views).
"""

import hashlib
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from portal.storage import NamedStorage, PrivateFileSystemStorage

MB = 1024 * 1024
# Above this a request is refused before Django reads it: what the largest form may
# carry (five file questions of five 20 MB files would be more than any call needs).
MAX_REQUEST_SIZE = 110 * MB
SNIFF_BYTES = 2048


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
    """The code in FILE_TYPES that the file's content matches, or None."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 100:
                    kind = ODF_MIMETYPES.get(archive.read("mimetype").strip())
                    if kind:
                        return kind
            if "[Content_Types].xml" in names:
                for kind, part in OOXML_PARTS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        upload.seek(0)
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
