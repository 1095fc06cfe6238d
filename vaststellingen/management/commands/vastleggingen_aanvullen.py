from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vaststellingen.services import vastleggingen_aanvullen


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A property: argparse cannot format a lazy string.
        return _(
            "Records a vaststelling for every adopted reference date that has none (adopted "
            "before records were kept), with the figures as they are now."
        )

    def handle(self, *args, **options):
        aantal = vastleggingen_aanvullen()
        self.stdout.write(
            self.style.SUCCESS(_("%(count)s adoptions recorded.") % {"count": aantal})
        )
