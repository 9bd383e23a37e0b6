"""A panel at the top of every project page's editor: where the page came from.

Apps tell it through the ``portal_page_provenance`` hook: ``fn(page, user)`` returns a
note (safe HTML, one sentence) or None; ``calls`` says which application a lab was made
from. portal imports none of the apps; the panel shows nothing when no app answers.
"""

from wagtail import hooks
from wagtail.admin.panels import Panel


class ProvenancePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/provenance_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page, user = self.instance, getattr(self.request, "user", None)
            self.notes = []
            if page is not None and page.pk and user is not None:
                for note_of in hooks.get_hooks("portal_page_provenance"):
                    if note := note_of(page, user):
                        self.notes.append(note)

        def is_shown(self):
            return bool(self.notes)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notes"] = self.notes
            return context
