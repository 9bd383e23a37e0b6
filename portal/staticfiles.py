"""Whitenoise's compressed, hashed static files, with each file's address worked out once.

The manifest storage looks a file's hashed name up and joins it to ``STATIC_URL`` on every
``{% static %}``: a listing page asks dozens of times (a theme icon per theme per card).
The manifest does not change while the process runs, so the address is kept per name.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
