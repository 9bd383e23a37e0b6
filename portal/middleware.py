from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Addresses outside i18n_patterns: an unknown one there is a plain 404, not a redirect to a
# Dutch page (every /nl/... address looks valid to Django because Wagtail serves any path).
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/", "/.well-known/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
