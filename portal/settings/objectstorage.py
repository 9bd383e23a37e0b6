"""S3-compatible object storage (AWS S3, MinIO, SeaweedFS, ...) from environment variables.

Several hosts cannot share a local disk, so with ``S3_*`` (or django-storages' ``AWS_*``)
variables set, uploads go to two buckets instead of MEDIA_ROOT and PRIVATE_MEDIA_ROOT:

- the public bucket: original images, renditions and documents (``STORAGES["default"]``).
  Only its ``images/`` prefix (renditions) may be readable without a signature, as only
  ``MEDIA_ROOT/images`` was served before: originals and documents (whose collections may
  be private) go through the site, Wagtail's permission-checked document view included.
- the private bucket: application attachments and anything else personal
  (``STORAGES["private"]``), and built exports (``STORAGES["exports"]``, prefix
  ``exports/``). Nothing in it is ever readable without a signature.

A pure function of a mapping, so settings modules can call it without importing boto3, and
tests can build the same entries for their own server. README.md, *Object storage*, says how
to set up the buckets.
"""

from django.core.exceptions import ImproperlyConfigured

# Each value may come under our name or under the name django-storages documents.
NAMES = {
    "endpoint_url": ("S3_ENDPOINT_URL", "AWS_S3_ENDPOINT_URL"),
    "region_name": ("S3_REGION", "AWS_S3_REGION_NAME"),
    "access_key": ("S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"),
    "secret_key": ("S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"),
    "public_bucket": ("S3_PUBLIC_BUCKET", "AWS_STORAGE_BUCKET_NAME"),
    "private_bucket": ("S3_PRIVATE_BUCKET",),
    "public_prefix": ("S3_PUBLIC_PREFIX",),
    "addressing_style": ("S3_ADDRESSING_STYLE", "AWS_S3_ADDRESSING_STYLE"),
    "private_download": ("S3_PRIVATE_DOWNLOAD",),
}
# Seconds a signed link to a private object is valid (a reviewer's download redirect).
SIGNED_URL_SECONDS = 60


def read(environ):
    """The S3 configuration in ``environ``, or None when no bucket is named."""
    config = {}
    for key, names in NAMES.items():
        config[key] = next((environ[name] for name in names if environ.get(name)), "")
    if not config["public_bucket"] and not config["private_bucket"]:
        return None
    if not (config["public_bucket"] and config["private_bucket"]):
        raise ImproperlyConfigured("Object storage needs S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET.")
    if config["public_bucket"] == config["private_bucket"]:
        raise ImproperlyConfigured("S3_PRIVATE_BUCKET must not be the public bucket.")
    if config["private_download"] not in ("", "stream", "redirect"):
        raise ImproperlyConfigured("S3_PRIVATE_DOWNLOAD is 'stream' or 'redirect'.")
    config["public_prefix"] = config["public_prefix"].strip("/")
    config["addressing_style"] = config["addressing_style"] or (
        "path" if config["endpoint_url"] else "virtual"
    )
    config["private_download"] = config["private_download"] or "stream"
    return config


def public_base_url(config):
    """Where the public bucket answers without a signature (MEDIA_URL unless a CDN is set)."""
    bucket, prefix = config["public_bucket"], config["public_prefix"]
    if config["endpoint_url"]:
        base = f"{config['endpoint_url'].rstrip('/')}/{bucket}/"
    elif config["region_name"]:
        base = f"https://{bucket}.s3.{config['region_name']}.amazonaws.com/"
    else:
        base = f"https://{bucket}.s3.amazonaws.com/"
    return f"{base}{prefix}/" if prefix else base


def storages(config, media_url):
    """STORAGES entries for the three file storages on these buckets."""
    connection = {
        "endpoint_url": config["endpoint_url"] or None,
        "region_name": config["region_name"] or None,
        "access_key": config["access_key"] or None,
        "secret_key": config["secret_key"] or None,
        "addressing_style": config["addressing_style"],
        "signature_version": "s3v4",
    }
    private = {**connection, "bucket_name": config["private_bucket"]}
    return {
        "default": {
            "BACKEND": "portal.s3storage.PublicS3Storage",
            "OPTIONS": {
                **connection,
                "bucket_name": config["public_bucket"],
                "location": config["public_prefix"],
                "media_url": media_url,
            },
        },
        "private": {"BACKEND": "portal.s3storage.PrivateS3Storage", "OPTIONS": private},
        # Built exports (another part of the site writes them): private, beside the
        # attachments, under a prefix of their own that the orphan report leaves alone.
        "exports": {
            "BACKEND": "portal.s3storage.PrivateS3Storage",
            "OPTIONS": {**private, "location": "exports"},
        },
    }
