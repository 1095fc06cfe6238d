"""Housing of statushouders: a whole calendar month or a whole half year, and no two
periods of the same area overlap (they would be counted twice).

PostgreSQL only (a CHECK on the shape and an EXCLUDE constraint over date ranges, with no
extension needed: the area is compared as a one-value int8range). SQLite, for local
development only, relies on `realisatie.invoer.services.huisvesting_opslaan`, which checks
the same before writing.
"""

from django.db import migrations

NIVEAUS = ("provincie", "veiligheidsregio", "subregio", "gemeente")

HELE_PERIODE = """
ALTER TABLE realisatie_huisvesting ADD CONSTRAINT huisvesting_hele_periode CHECK (
    EXTRACT(DAY FROM van) = 1 AND (
        tot_en_met = (van + INTERVAL '1 month' - INTERVAL '1 day')::date
        OR (EXTRACT(MONTH FROM van) IN (1, 7)
            AND tot_en_met = (van + INTERVAL '6 months' - INTERVAL '1 day')::date)
    )
)
"""

GEEN_OVERLAP = """
ALTER TABLE realisatie_huisvesting ADD CONSTRAINT huisvesting_geen_overlap_{niveau}
EXCLUDE USING gist (
    int8range({niveau}_id, {niveau}_id, '[]') WITH &&,
    daterange(van, tot_en_met, '[]') WITH &&
) WHERE ({niveau}_id IS NOT NULL)
"""


def aanbrengen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(HELE_PERIODE)
    for niveau in NIVEAUS:
        schema_editor.execute(GEEN_OVERLAP.format(niveau=niveau))


def weghalen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE realisatie_huisvesting DROP CONSTRAINT IF EXISTS huisvesting_hele_periode"
    )
    for niveau in NIVEAUS:
        schema_editor.execute(
            "ALTER TABLE realisatie_huisvesting "
            f"DROP CONSTRAINT IF EXISTS huisvesting_geen_overlap_{niveau}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("realisatie", "0004_aantallen_begrensd_tekst_zonder_stuurtekens"),
    ]

    operations = [migrations.RunPython(aanbrengen, weghalen)]
