"""Carry the existing register over: each location's soort and beheerder move to its
periods, and its gemeente gets a share of 100%."""

from django.db import migrations


def overnemen(apps, schema_editor):
    Opvanglocatie = apps.get_model("realisatie", "Opvanglocatie")
    Capaciteitsperiode = apps.get_model("realisatie", "Capaciteitsperiode")
    Locatieaandeel = apps.get_model("realisatie", "Locatieaandeel")
    Historisch = apps.get_model("realisatie", "HistoricalCapaciteitsperiode")
    for locatie in Opvanglocatie.objects.all().iterator():
        Capaciteitsperiode.objects.filter(locatie=locatie).update(
            soort_id=locatie.soort, beheerder=locatie.beheerder
        )
        Locatieaandeel.objects.get_or_create(
            locatie=locatie, gemeente_id=locatie.gemeente_id, defaults={"percentage": 100}
        )
        # Earlier versions of its periods read as the location read then: same kind.
        Historisch.objects.filter(locatie_id=locatie.pk).update(
            soort_id=locatie.soort, beheerder=locatie.beheerder
        )
    # Versions of periods of deleted locations: the kind is no longer known.
    Historisch.objects.filter(beheerder__isnull=True).update(beheerder="")


def terug(apps, schema_editor):
    Opvanglocatie = apps.get_model("realisatie", "Opvanglocatie")
    Capaciteitsperiode = apps.get_model("realisatie", "Capaciteitsperiode")
    for locatie in Opvanglocatie.objects.all().iterator():
        laatste = Capaciteitsperiode.objects.filter(locatie=locatie).order_by("-van").first()
        if laatste is not None:
            locatie.soort, locatie.beheerder = laatste.soort_id, laatste.beheerder
            locatie.save(update_fields=["soort", "beheerder"])


class Migration(migrations.Migration):
    dependencies = [
        ("realisatie", "0006_register_onzekerheid_aandelen_soort_per_periode"),
    ]

    operations = [migrations.RunPython(overnemen, terug)]
