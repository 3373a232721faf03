"""Isolation cases for surveys. The world's survey is a 360° about the world's leader (its
owner), so the leader may manage it and see its report."""

import datetime

from django.utils import timezone


def build(w):
    from surveys import services
    from surveys.loader import load_all
    from surveys.models import InstrumentVersion

    load_all()
    version = InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360")
    today = timezone.localdate()
    w.survey = services.survey_create(
        organisation=w.school,
        version=version,
        title="360° Het Anker",
        subject=w.leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=w.leader.user,
    )
    w.survey_group = w.survey.rater_groups.get(kind="teachers")
    w.survey_open_group = w.survey.rater_groups.get(kind="others")
    # Shared with the world's provider, whose trainer owns the provider-side pages.
    w.survey.shared_with_providers.add(w.provider)
    # The team's own pulse: the team's and its school's, nobody else's.
    from surveys import builder

    w.instrument = builder.instrument_create(organisation=w.school, title_nl="Pols", team=w.team)
    w.instrument_dimension = builder.dimension_save(instrument=w.instrument, title_nl="Welzijn").row
    w.instrument_item = builder.item_save(
        instrument=w.instrument,
        dimension=w.instrument_dimension,
        scale=builder.latest_version(w.instrument).scales.get(),
        code="rust",
        text_nl="Ik ervaar rust.",
    ).row
    w.shipped_version = InstrumentVersion.objects.get(instrument__code="teampols")
    owners = w.__dict__.setdefault("owner_for", {})
    owners["surveys:shared_list"] = w.trainer.user
    owners["surveys:shared_report"] = w.trainer.user


def _school(w):
    return {"slug": w.school.slug}


def _survey(w):
    return {"slug": w.school.slug, "pk": w.survey.pk}


def _provider(w):
    return {"slug": w.provider.slug}


def _shared(w):
    return {"slug": w.provider.slug, "pk": w.survey.pk}


def _instrument(w):
    return {"slug": w.school.slug, "pk": w.instrument.pk}


def _shipped(w):
    return {"slug": w.school.slug, "pk": w.shipped_version.pk}


def _new_part(w):
    return {"slug": w.school.slug, "pk": w.instrument.pk, "part": "item"}


def _part(w):
    return {**_new_part(w), "row": w.instrument_item.pk}


def _group(w):
    return {"slug": w.school.slug, "pk": w.survey.pk, "group_pk": w.survey_group.pk}


def _open_group(w):
    return {"slug": w.school.slug, "pk": w.survey.pk, "group_pk": w.survey_open_group.pk}


URLS = {
    "surveys:survey_list": _school,
    "surveys:survey_create": _school,
    "surveys:survey_detail": _survey,
    "surveys:invitees_add": _survey,
    "surveys:invitations_send": _survey,
    "surveys:reminders_send": _survey,
    "surveys:round_create": _survey,
    "surveys:round_close": _survey,
    "surveys:threshold_set": _group,
    "surveys:open_link_set": _open_group,
    "surveys:survey_share": _survey,
    "surveys:survey_share_provider": _survey,
    "surveys:shared_list": _provider,
    "surveys:shared_report": _shared,
    "surveys:report": _survey,
    "surveys:point_propose": _survey,
    "surveys:point_list": _school,
    "surveys:report_pdf": _survey,
    "surveys:report_xlsx": _survey,
    "surveys:instrument_list": _school,
    "surveys:instrument_create": _school,
    "surveys:instrument_copy": _shipped,
    "surveys:instrument_import": _school,
    "surveys:instrument_yaml": _instrument,
    "surveys:instrument_xlsx": _instrument,
    "surveys:instrument_detail": _instrument,
    "surveys:instrument_edit": _instrument,
    "surveys:instrument_share": _instrument,
    "surveys:instrument_preview": _instrument,
    "surveys:instrument_preview_frame": _instrument,
    "surveys:part_create": _new_part,
    "surveys:part_edit": _part,
    "surveys:part_delete": _part,
    "surveys:part_move": _part,
}

OPEN = {
    "surveys:open_answer": "Open link that anyone may answer, once per device; an unknown token "
    "is a 404 and the page shows only the questions (surveys/tests/test_open_links.py).",
    "surveys:answer": "Personal token link for answering without an account; an unknown token "
    "is a 404 (surveys/tests/test_answer.py) and the page shows only the questions.",
}
