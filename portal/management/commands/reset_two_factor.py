"""Remove a user's authenticator app and recovery codes (a lost phone), from the shell.

    python manage.py reset_two_factor USERNAME

For when no administrator can sign in to do it under Settings → Users (the only superuser
lost their phone). At the next sign-in the user sets up a new app.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.twofactor import reset


class Command(BaseCommand):
    help = "Removes the second factor (authenticator app, recovery codes) of one user."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        reset(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor sign-in of {username} is reset: they set it up again at their "
                "next sign-in."
            )
        )
