"""The read-only open-data API: ``/api/v1/<language>/...``, described at ``/api/v1/schema/``.

Django REST framework with drf-spectacular for the OpenAPI 3 description. ``portal`` owns
the shape every answer shares; the apps add their lists with the ``portal_open_data_api``
hook (``fn()`` returns ``[(route, view class), ...]``, a subclass of ``OpenDataList``).

- Public and the same for everyone: no authentication, no session, no cookie, JSON only.
- Pages with stable cursors (``?cursor=``, ordered by id: a new item never shifts a page
  already read), ``?page_size=`` up to ``MAX_PAGE_SIZE``. A page is a fixed number of
  queries, whatever its size: the rows as plain values, then one query per relation.
- Every answer has ``meta``: licence (site settings), source, and the moment it was made.
- Limited per address in the shared cache (``OPEN_DATA_RATE_LIMITS["api"]``): 429 with
  Retry-After past it.
"""

from django.conf import settings
from django.urls import path, register_converter
from django.urls import reverse as url_reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from wagtail import hooks
from wagtail.models import Site

from . import ratelimit
from .content import remember
from .provenance import provenance

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class LanguageConverter:
    # Any segment: an unknown language is the API's own 404 (JSON), not the site's page.
    regex = "[^/]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LanguageConverter, "language")


class OpenDataThrottle(BaseThrottle):
    """Counted per address in the shared cache (portal.ratelimit), not in DRF's lists."""

    def allow_request(self, request, view):
        self.seconds = ratelimit.take(request, "api")
        return not self.seconds

    def wait(self):
        return self.seconds


# -- what every answer shares --------------------------------------------------------------


class CodeName(serializers.Serializer):
    code = serializers.CharField(help_text="A stable code, the same in both languages.")
    name = serializers.CharField(help_text="The name in the language of the address.")


class LocationSerializer(serializers.Serializer):
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


class LicenceSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="SPDX identifier, such as CC-BY-4.0.")
    name = serializers.CharField()
    url = serializers.URLField()


class SourceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField()
    about = serializers.CharField()


class MetaSerializer(serializers.Serializer):
    licence = LicenceSerializer()
    source = SourceSerializer()
    built_at = serializers.DateTimeField(help_text="When this answer was made.")


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


def meta(request):
    return provenance(request.build_absolute_uri(), about_url="")


def site_root_paths():
    return remember("site-root-paths", build=Site.get_site_root_paths)


def page_url(url_path, language):
    """A page's full address from its tree path, without a query (what Wagtail's
    ``get_full_url`` computes per page, from the remembered site roots)."""
    for root in site_root_paths():
        if url_path.startswith(root.root_path) and root.language_code == language:
            with translation.override(language):
                tail = url_path[len(root.root_path) :]
                return root.root_url + url_reverse("wagtail_serve", args=(tail,))
    return ""


def themes_of(keys_names_slugs, theme_map):
    """Themes as ``[{"code", "name"}]`` in theme order and the active language."""
    themes = []
    for key, name, slug, sort_order in keys_names_slugs:
        theme = theme_map.get(key)
        if theme is not None:
            name, slug, sort_order = theme.name, theme.slug, theme.sort_order
        themes.append((sort_order, name, slug))
    return [{"code": slug, "name": name} for _order, name, slug in sorted(themes)]


class OpenDataPagination(CursorPagination):
    ordering = "id"
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        return Response(
            {
                "meta": meta(self.request),
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.cursor_query_param:
                # What get_next_link hands out: URL-safe base64.
                parameter["schema"] = {"type": "string", "pattern": "^[A-Za-z0-9_=-]{1,200}$"}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}
        return parameters

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["meta", "next", "previous", "results"],
            "properties": {
                "meta": {"$ref": "#/components/schemas/Meta"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A filter has a value it does not know."),
    404: OpenApiResponse(ErrorSerializer, description="No such cursor or language."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: see Retry-After."),
}


class OpenDataView(generics.GenericAPIView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [OpenDataThrottle]
    renderer_classes = [JSONRenderer]

    def dispatch(self, request, *args, **kwargs):
        language = kwargs.get("language")
        known = language in dict(settings.LANGUAGES)
        with translation.override(language if known else settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if kwargs.get("language") not in dict(settings.LANGUAGES):
            raise NotFound("There is no such language: use nl or en.")


class OpenDataList(OpenDataView):
    """A list of one language: ``rows(language)`` gives a values queryset with ``id``;
    ``present(rows)`` turns one page of them into the answer's items."""

    pagination_class = OpenDataPagination
    # A Django form that checks the filters (the site's own listing form).
    filter_form = None

    def filters(self):
        if self.filter_form is None:
            return {}
        form = self.filter_form(data=self.request.query_params)
        if not form.is_valid():
            raise ValidationError(
                {"detail": "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())}
            )
        return form.cleaned_data

    def get(self, request, language):
        rows = self.paginate_queryset(self.rows(language, self.filters()))
        return self.get_paginated_response(self.present(rows, language))


def language_parameter():
    return OpenApiParameter(
        "language",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        enum=[code for code, _name in settings.LANGUAGES],
        description="The language of the names and addresses: nl or en.",
    )


def filter_parameter(name, description, enum=None, pattern=r"^[a-z0-9-]{1,80}$"):
    """A filter: a code of its list (``enum`` where the list is fixed), or a word."""
    schema = {"type": "string", "enum": enum} if enum else {"type": "string", "pattern": pattern}
    return OpenApiParameter(
        name, schema, OpenApiParameter.QUERY, description=description, required=False
    )


def routes():
    found = []
    for hook in hooks.get_hooks("portal_open_data_api"):
        found.extend(hook())
    return found


class SchemaView(SpectacularAPIView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [OpenDataThrottle]
    urlconf = "portal.api"


def urlpatterns_for_api():
    patterns = [path("api/v1/schema/", SchemaView.as_view(), name="api_schema")]
    for route, view in routes():
        name = route.strip("/").replace("/", "_")
        patterns.append(
            path(f"api/v1/<language:language>/{route}", view.as_view(), name=f"api_{name}")
        )
    return patterns


# Made when portal.urls is first imported: every app's hooks are loaded by then.
urlpatterns = urlpatterns_for_api()
