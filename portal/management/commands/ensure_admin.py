import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Creates the development admin account 'admin' with a random password and prints it. "
        "Run again, it prints the password while it still works."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@wijkkracht.example", password)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
            self.report(password, "created")
            return
        stored = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
        if stored and user.check_password(stored):
            self.report(stored, "exists")
        else:
            self.stdout.write(
                "The admin account exists and its password was changed; "
                "reset it with: python manage.py changepassword admin"
            )

    def report(self, password, state):
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin account {state}: http://127.0.0.1:8000/admin/ "
                f"user 'admin', password '{password}'"
            )
        )
        self.stdout.write(
            "The first sign-in links an authenticator app (two-factor sign-in); "
            "'python manage.py reset_two_factor admin' starts that over."
        )
