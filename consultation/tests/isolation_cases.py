"""Isolation cases for the consultation structure of the world's school."""


def build(w):
    from consultation.models import Body

    w.body = Body.objects.create(organisation=w.school, name="Beleidsteam", kind="policy_team")
    w.body.members.add(w.staff)


def _org(w):
    return {"slug": w.school.slug}


def _body(w):
    return {"slug": w.school.slug, "pk": w.body.pk}


URLS = {
    "consultation:body_list": _org,
    "consultation:body_create": _org,
    "consultation:body_detail": _body,
    "consultation:body_edit": _body,
    "consultation:body_delete": _body,
}
