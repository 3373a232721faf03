"""Isolation cases for the value stream maps of the world's school."""


def build(w):
    from valuestreams import services

    w.value_stream = services.map_create(
        organisation=w.school, process="Inschrijving", kind="core", actor=w.leader.user
    )
    w.step = services.step_add(value_stream=w.value_stream, name="Aanmelding", waiting_minutes=60)
    w.pain_point = services.pain_point_add(
        step=w.step, description="Ouders wachten lang.", actor=w.leader.user
    )
    w.future, _ = services.future_map_make(current=w.value_stream, actor=w.leader.user)


def _school(w):
    return {"slug": w.school.slug}


def _map(w):
    return {"slug": w.school.slug, "pk": w.value_stream.pk}


def _step(w):
    return {**_map(w), "step": w.step.pk}


def _pain(w):
    return {**_map(w), "pain": w.pain_point.pk}


URLS = {
    "valuestreams:map_list": _school,
    "valuestreams:map_create": _school,
    "valuestreams:map_detail": _map,
    "valuestreams:map_edit": _map,
    "valuestreams:future_make": _map,
    "valuestreams:map_compare": _map,
    "valuestreams:map_pdf": _map,
    "valuestreams:step_add": _map,
    "valuestreams:step_edit": _step,
    "valuestreams:step_move": _step,
    "valuestreams:step_delete": _step,
    "valuestreams:pain_point_add": _step,
    "valuestreams:pain_point_delete": _pain,
    "valuestreams:pain_point_send": _pain,
}
