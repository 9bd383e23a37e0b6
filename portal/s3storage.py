"""The two kinds of bucket (django-storages' S3 backend, boto3): imported only when
STORAGES names them, so a site on local folders never loads boto3."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

from .settings.objectstorage import SIGNED_URL_SECONDS
from .storage import PRIVATE_URL_REFUSED


class PublicS3Storage(S3Storage):
    """Images, renditions and documents in the public bucket. A URL is ``MEDIA_URL`` plus the
    name, unsigned and without a round trip to the store; the bucket (or the CDN in front of
    it) answers for ``images/`` only, as the proxy did for ``MEDIA_ROOT/images``."""

    def __init__(self, media_url=None, **options):
        # Two uploads of "photo.jpg" must not overwrite each other (django-storages' default).
        options.setdefault("file_overwrite", False)
        options.setdefault("querystring_auth", False)
        super().__init__(**options)
        self.media_url = media_url or settings.MEDIA_URL

    def url(self, name, parameters=None, expire=None, http_method=None):
        return self.media_url + filepath_to_uri(name.lstrip("/"))


class PrivateS3Storage(S3Storage):
    """Personal files in the private bucket: no URL but a signed one, valid for a minute,
    made by the permission-checked view that hands the file out."""

    def __init__(self, **options):
        options.setdefault("file_overwrite", False)
        options.setdefault("querystring_auth", True)
        options.setdefault("querystring_expire", SIGNED_URL_SECONDS)
        super().__init__(**options)

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(PRIVATE_URL_REFUSED)

    def download_url(self, name, filename, content_type):
        """A signed GET of this object, valid for SIGNED_URL_SECONDS, that the store answers
        as a download named ``filename``."""
        parameters = {
            "ResponseContentDisposition": content_disposition_header(True, filename),
            "ResponseContentType": content_type,
            "ResponseCacheControl": "private, no-store",
        }
        return super().url(name, parameters=parameters, expire=SIGNED_URL_SECONDS)
