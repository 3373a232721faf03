"""Ship the public, certain part of the Flemish reference framework for educational quality
(Referentiekader voor onderwijskwaliteit, OK): its four rubrics, the expectations K1–K3 and
BL1–BL7 with short descriptions in Leerkring's own words, and the inspectorate's four-level
scale. A school adds the rest of the framework itself; no other code is invented here."""

from django.db import migrations

from development.reference import NAME, ship_reference_framework


def ship(apps, schema_editor):
    ship_reference_framework(
        apps.get_model("development", "QualityFramework"),
        apps.get_model("development", "QualityExpectation"),
    )


def unship(apps, schema_editor):
    apps.get_model("development", "QualityFramework").objects.filter(
        organisation=None, name=NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0004_quality_frameworks_and_core_tasks"),
    ]

    operations = [migrations.RunPython(ship, unship)]
