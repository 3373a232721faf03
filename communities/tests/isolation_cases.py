"""Isolation cases for PLG's: every URL of the app, reached for a PLG of the world's school.

The PLG is closed to joining, so only its members and the school's leaders and coaches see it.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone


def build(w):
    from communities import services
    from communities.models import ActionItem, Product

    plg = services.plg_start(
        organisation=w.school,
        type="lesson_study",
        name="Lesson study rekenen",
        learning_question="Hoe leren kleuters tellen met betekenis?",
        focus="pupils",
        is_open=False,
        starter=w.leader,
        approved=True,
    )
    member = services.plg_member_add(plg=plg, person=w.staff, roles=["note_taker"], actor=None)
    meeting = services.meeting_create(
        plg=plg,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Lokaal 3",
        agenda=[(datetime.time(15, 30), "Welkom", member)],
        actor=None,
    )
    w.plg_decision = services.decision_add(
        meeting=meeting, text="We observeren drie leerlingen.", actor=None
    )
    action = ActionItem.objects.create(
        plg=plg,
        meeting=meeting,
        description="Leerlijn opzoeken",
        owner=member,
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    product = Product.objects.create(
        plg=plg,
        kind="lesson_design",
        title="Onderzoeksles tellen",
        phase="study",
        organisation=w.school,
        community=w.community,
        subject="wiskunde",
        grade="K3",
    )
    w.plg_resource = services.resource_add(
        plg=plg,
        actor=None,
        kind="file",
        title="Leerlijn",
        file=SimpleUploadedFile("leerlijn.txt", b"Tellen tot tien"),
    )
    product.file = SimpleUploadedFile("les.txt", b"Onderzoeksles")
    product.save()
    w.plg, w.plg_member, w.plg_meeting, w.plg_action, w.plg_product = (
        plg,
        member,
        meeting,
        action,
        product,
    )


def _org(w):
    return {"slug": w.school.slug}


def _plg(w):
    return {"slug": w.school.slug, "pk": w.plg.pk}


def _member(w):
    return {**_plg(w), "member_pk": w.plg_member.pk}


def _meeting(w):
    return {**_plg(w), "meeting_pk": w.plg_meeting.pk}


def _agenda_item(w):
    return {**_meeting(w), "item_pk": w.plg_meeting.agenda.first().pk}


def _decision(w):
    return {**_meeting(w), "decision_pk": w.plg_decision.pk}


def _action(w):
    return {**_plg(w), "action_pk": w.plg_action.pk}


def _resource(w):
    return {**_plg(w), "resource_pk": w.plg_resource.pk}


def _product(w):
    return {"slug": w.school.slug, "product_pk": w.plg_product.pk}


def _react(w):
    return {**_product(w), "kind": "thanks"}


URLS = {
    "communities:plg_list": _org,
    "communities:plg_create": _org,
    "communities:coach_overview": _org,
    "communities:coach_group_create": _org,
    "communities:plg_detail": _plg,
    "communities:plg_edit": _plg,
    "communities:plg_approve": _plg,
    "communities:plg_close": _plg,
    "communities:plg_join": _plg,
    "communities:plg_leave": _plg,
    "communities:plg_members": _plg,
    "communities:plg_member_roles": _member,
    "communities:plg_member_remove": _member,
    "communities:plg_advance": _plg,
    "communities:plg_evidence_add": _plg,
    "communities:meeting_create": _plg,
    "communities:meeting_series": _plg,
    "communities:meeting_detail": _meeting,
    "communities:meeting_edit": _meeting,
    "communities:meeting_agenda_add": _meeting,
    "communities:agenda_item_edit": _agenda_item,
    "communities:agenda_item_delete": _agenda_item,
    "communities:meeting_roles": _meeting,
    "communities:meeting_attendance": _meeting,
    "communities:meeting_minutes": _meeting,
    "communities:meeting_decision_add": _meeting,
    "communities:decision_edit": _decision,
    "communities:decision_delete": _decision,
    "communities:meeting_action_add": _meeting,
    "communities:meeting_ical": _meeting,
    "communities:meeting_pdf": _meeting,
    "communities:action_done": _action,
    "communities:action_edit": _action,
    "communities:action_delete": _action,
    "communities:resource_list": _plg,
    "communities:resource_delete": _resource,
    "communities:resource_file": _resource,
    "communities:product_create": _plg,
    "communities:plg_report": _plg,
    "communities:plg_report_pdf": _plg,
    "communities:product_search": _org,
    "communities:shared_reports": _org,
    "communities:product_detail": _product,
    "communities:product_file": _product,
    "communities:product_react": _react,
    "communities:product_reuse_in": _product,
}

OPEN = {}
