from django.db import migrations

from communities.markdown import render_markdown

# Source field -> field with its HTML, per model.
FIELDS = {
    "Meeting": ("minutes", "minutes_html"),
    "Evidence": ("text", "text_html"),
    "PhaseRecord": ("conclusion", "conclusion_html"),
}


def render_existing(apps, schema_editor):
    for name, (source, target) in FIELDS.items():
        model = apps.get_model("communities", name)
        changed = []
        for item in model.objects.only("pk", source).iterator(chunk_size=500):
            setattr(item, target, render_markdown(getattr(item, source)))
            changed.append(item)
        model.objects.bulk_update(changed, [target], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0005_stored_markdown_html"),
    ]

    operations = [
        migrations.RunPython(render_existing, migrations.RunPython.noop),
    ]
