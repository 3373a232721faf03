import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def rounds_keep_their_version(apps, schema_editor):
    """Every existing round was answered with its survey's version."""
    Round = apps.get_model("surveys", "Round")
    Survey = apps.get_model("surveys", "Survey")
    Round.objects.filter(version__isnull=True).update(
        version=Subquery(Survey.objects.filter(pk=OuterRef("survey_id")).values("version_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0014_round_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="round",
            name="version",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="rounds",
                to="surveys.instrumentversion",
                verbose_name="instrument version",
            ),
        ),
        migrations.RunPython(rounds_keep_their_version, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="round",
            name="version",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="rounds",
                to="surveys.instrumentversion",
                verbose_name="instrument version",
            ),
        ),
    ]
