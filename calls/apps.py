from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Open call and questions")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Application
        from .permissions import ApplicationPermissionPolicy

        # Before any admin view asks: Wagtail would otherwise make a plain model policy.
        register_permission_policy(Application, ApplicationPermissionPolicy(Application))

        from .models import Question
        from .questions.viewsets import QuestionPermissionPolicy

        register_permission_policy(Question, QuestionPermissionPolicy(Question))
