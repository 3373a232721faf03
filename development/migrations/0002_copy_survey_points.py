"""Copy the development points the survey reports stored (surveys.DevelopmentPoint) into the
development app; their origin is the survey round they were sent from."""

from django.db import migrations
from django.urls import NoReverseMatch, reverse


def _link(point) -> str:
    try:
        url = reverse(
            "surveys:report",
            kwargs={"slug": point.organisation.slug, "pk": point.survey_id},
        )
    except NoReverseMatch:
        return point.anchor
    return f"{url}?round={point.round.number}#{point.anchor}"


def copy_points(apps, schema_editor):
    Old = apps.get_model("surveys", "DevelopmentPoint")
    New = apps.get_model("development", "DevelopmentPoint")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old_points = Old.objects.select_related("organisation", "round").order_by("pk")
    if not old_points.exists():
        return
    round_type, _ = ContentType.objects.get_or_create(app_label="surveys", model="round")
    for old in old_points.iterator():
        point = New.objects.create(
            organisation_id=old.organisation_id,
            content_type=round_type,
            object_id=old.round_id,
            source=old.source,
            key=old.code,
            anchor=_link(old),
            description=old.description,
            status="proposed",
            created_by_id=old.created_by_id,
        )
        # auto_now_add sets the time of the copy; keep the time it was sent.
        New.objects.filter(pk=point.pk).update(created_at=old.created_at)


def copy_back(apps, schema_editor):
    Old = apps.get_model("surveys", "DevelopmentPoint")
    New = apps.get_model("development", "DevelopmentPoint")
    Round = apps.get_model("surveys", "Round")
    ContentType = apps.get_model("contenttypes", "ContentType")
    round_type = ContentType.objects.filter(app_label="surveys", model="round").first()
    if round_type is None:
        return
    rounds = Round.objects.in_bulk(
        New.objects.filter(content_type=round_type).values_list("object_id", flat=True)
    )
    for new in New.objects.filter(content_type=round_type).order_by("pk"):
        round_ = rounds.get(new.object_id)
        if round_ is None:
            continue
        old = Old.objects.create(
            organisation_id=new.organisation_id,
            survey_id=round_.survey_id,
            round=round_,
            source=new.source,
            code=new.key,
            anchor=new.anchor.rpartition("#")[2][:60],
            description=new.description,
            created_by_id=new.created_by_id,
        )
        Old.objects.filter(pk=old.pk).update(created_at=new.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0001_development_points"),
        ("surveys", "0008_self_text"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_points, copy_back)]
