import datetime
import functools
import html

from django import template
from django.utils import formats, timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext as _

from core.pk_url import PkUrl

from ..models import Application, Attendance, Programme, Session

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with another page number (keeps the catalogue's filters)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


@register.inclusion_tag("networks/_status.html")
def status_badge(application):
    return {"status": application.status, "label": application.get_status_display()}


@register.simple_tag
def pk_url(name, key="pk", **kwargs) -> PkUrl:
    """`{% pk_url 'networks:session_edit' slug=slug as edit_url %}`, then
    `{{ edit_url|with_pk:session.pk }}` in the loop; `key` names the id that changes."""
    return PkUrl(name, kwargs, key=key)


@register.filter
def with_pk(url: PkUrl, pk) -> str:
    return url.with_pk(pk)


def _months() -> dict[int, str]:
    """The month abbreviations of the current language, as the `M` of Django's date format."""
    return _months_in(get_language())


@functools.cache
def _months_in(language: str) -> dict[int, str]:
    # Translations do not change while the process runs: look them up once per language.
    with override(language):
        return {number: str(name).title() for number, name in MONTHS_3.items()}


def _day_month(value, months) -> str:
    """`value|date:"j M"`, with the month abbreviations looked up once per list."""
    return f"{value.day} {months[value.month]}"


def _esc(value) -> str:
    """`conditional_escape` for the one-pass rows: their own markup passes as it is."""
    return value if isinstance(value, SafeString) else html.escape(str(value))


@register.simple_tag(takes_context=True)
def edition_session_rows(context, sessions, slug) -> str:
    """The rows of the trainer's sessions table, built in one pass: with a few links, a
    form and several labels per session, template nodes per row cost far more."""
    months = _months()
    kinds = {value: _esc(label) for value, label in Session.Kind.choices}
    urls = {
        name: PkUrl(f"networks:{name}", {"slug": slug})
        for name in ("session_evaluation_start", "session_attendance", "session_edit")
    }
    delete_url = PkUrl("networks:session_delete", {"slug": slug})
    report_url = PkUrl("surveys:shared_report", {"slug": slug})
    for_label, present_label, evaluation_label = (
        _esc(_("For")),
        _esc(_("Present")),
        _esc(_("Evaluation")),
    )
    everyone, report, start = (
        _esc(_("everyone")),
        _esc(_("Report")),
        _esc(_("Start the evaluation")),
    )
    attendance, edit, delete = (_esc(_("Attendance")), _esc(_("Edit")), _esc(_("Delete")))
    csrf = context.get("csrf_token")
    csrf_input = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{_esc(csrf)}">'
        if csrf and csrf != "NOTPROVIDED"
        else ""
    )
    rows = []
    for s in sessions:
        when = f"{_day_month(s.date, months)} {s.date.year}"
        if s.end_date:
            when += f" – {_day_month(s.end_date, months)}"
        title = _esc(s.title)
        if s.evaluation_id:
            answers = ngettext("%(n)s answer", "%(n)s answers", s.evaluated) % {"n": s.evaluated}
            evaluation = (
                f'{_esc(answers)} · <a href="{report_url.with_pk(s.evaluation_id)}">{report}'
                f'<span class="visually-hidden"> {title}</span></a>'
            )
        elif s.present:
            evaluation = (
                f'<form method="post" action="{urls["session_evaluation_start"].with_pk(s.pk)}">'
                f'{csrf_input}<button type="submit" class="button">{start}</button></form>'
            )
        else:
            evaluation = "—"
        links = (
            f'<a href="{urls["session_attendance"].with_pk(s.pk)}">{attendance}</a> · '
            f'<a href="{urls["session_edit"].with_pk(s.pk)}">{edit}</a>'
        )
        if not s.recorded:
            links += f' · <a href="{delete_url.with_pk(s.pk)}">{delete}</a>'
        present = f"{s.present} / {s.recorded}" if s.recorded else "—"
        rows.append(
            f'<tr><td>{_esc(when)}</td><td><strong>{title}</strong><br><span class="muted">'
            f"{kinds.get(s.kind) or _esc(s.kind)}</span></td>"
            f'<td data-label="{for_label}">{_esc(s.group_name or everyone)}</td>\n'
            f'<td data-label="{present_label}">{present}</td>\n'
            f'<td data-label="{evaluation_label}">{evaluation}</td>\n<td>{links}</td></tr>\n'
        )
    return mark_safe("".join(rows))


@register.simple_tag
def edition_application_rows(applications, slug, table) -> str:
    """The rows of one of the trainer's application tables ("review", "accepted" or
    "waiting"), built in one pass like the sessions."""
    months = _months()
    statuses = {value: _esc(label) for value, label in Application.Status.choices}
    detail_url = PkUrl("networks:application_detail", {"slug": slug})
    school_label, people_label, submitted = (
        _esc(_("School")),
        _esc(_("People")),
        _esc(_("Submitted")),
    )
    last_label = _esc(
        {"review": _("Status"), "accepted": _("Decided"), "waiting": _("Since")}[table]
    )
    intake = _esc(_("intake"))

    def when(moment, *, time=True) -> str:
        if moment is None:
            return ""
        moment = timezone.localtime(moment)
        text = f"{_day_month(moment, months)} {moment.year}"
        return f"{text} {moment:%H:%M}" if time else text

    rows = []
    for number, a in enumerate(applications, start=1):
        cells = (
            f'<td><a href="{detail_url.with_pk(a.pk)}">{_esc(a.applicant_name)}</a></td>'
            f'<td data-label="{school_label}">{_esc(a.school_name or "—")}</td>'
            f'<td data-label="{people_label}">{int(a.size)}</td>'
        )
        if table == "review":
            status = (
                f'<span class="status status--{_esc(a.status)}">'
                f"{statuses.get(a.status) or _esc(a.status)}</span>"
            )
            if a.intake_at:
                moment = _day_month(timezone.localtime(a.intake_at), months)
                status += f' <span class="muted">{intake} {_esc(moment)}</span>'
            cells += (
                f'<td data-label="{last_label}">{status}</td>'
                f'<td data-label="{submitted}">{_esc(when(a.created_at))}</td>'
            )
        elif table == "accepted":
            cells += f'<td data-label="{last_label}">{_esc(when(a.decided_at, time=False))}</td>'
        else:
            cells = (
                f'<td data-label="#">{number}</td>{cells}'
                f'<td data-label="{last_label}">{_esc(when(a.waitlisted_at))}</td>'
            )
        rows.append(f"<tr>{cells}</tr>\n")
    return mark_safe("".join(rows))


@register.simple_tag
def edition_groups(groups, slug, membership_pk) -> str:
    """The learning groups of the trainer's overview, each with its trainer, its members,
    the link to its 360° profile for its own trainer and its warnings, built in one pass."""
    group_url = PkUrl("networks:group_detail", {"slug": slug})
    profile_url = PkUrl("networks:group_profile", {"slug": slug})
    no_trainer, profile = _esc(_("no trainer yet")), _esc(_("Combined 360° profile of the group"))
    warning = _esc(_("Warning:"))
    parts = []
    for g in groups:
        members = ngettext("%(n)s member", "%(n)s members", g.member_count) % {"n": g.member_count}
        parts.append(
            f'<h3><a href="{group_url.with_pk(g.pk)}">{_esc(g.name)}</a> <span class="muted">— '
            f"{_esc(g.trainer_name) if g.trainer_name else no_trainer}, {_esc(members)}</span>"
            "</h3>\n"
        )
        if g.trainer_id and g.trainer_id == membership_pk:
            parts.append(f'<p><a href="{profile_url.with_pk(g.pk)}">{profile}</a></p>\n')
        if g.warnings:
            items = "".join(f"<li>{warning} {_esc(w)}</li>" for w in g.warnings)
            parts.append(f'<ul class="warning-list">{items}</ul>\n')
    return mark_safe("".join(parts))


@register.simple_tag
def edition_assignment_rows(assignments, slug) -> str:
    """The rows of the trainer's assignments table, built in one pass like the sessions."""
    months = _months()
    assignment_url = PkUrl("networks:assignment_detail", {"slug": slug})
    group = _esc(_("group"))
    rows = []
    for a in assignments:
        kind = f' <span class="muted">({group})</span>' if a.is_group else ""
        due = f"{_day_month(a.due_on, months)} {a.due_on.year}"
        rows.append(
            f'<tr><td><a href="{assignment_url.with_pk(a.pk)}">{_esc(a.title)}</a>{kind}</td>'
            f"<td>{_esc(due)}</td><td>{int(a.submitted)}</td><td>{int(a.outstanding)}</td></tr>\n"
        )
    return mark_safe("".join(rows))


@register.simple_tag
def participant_session_rows(sessions, participant, reflected, today) -> str:
    """The rows of a participant's sessions table, built in one pass like the trainer's."""
    months = _months()
    kinds = {value: str(label) for value, label in Session.Kind.choices}
    reflection_url = PkUrl("networks:reflection", {"pk": participant.pk}, key="session_pk")
    place_label, attendance_label = _("Place"), _("Attendance")
    statuses = {
        Attendance.Status.PRESENT: _("present"),
        Attendance.Status.EXCUSED: _("missed (excused)"),
        Attendance.Status.ABSENT: _("missed"),
    }
    to_come, not_recorded = _("still to come"), _("not recorded")
    mine, write = _("My reflection"), _("Write a reflection")
    rows = []
    for s in sessions:
        when = f"{_day_month(s.date, months)} {s.date.year}"
        if s.end_date:
            when += f" – {_day_month(s.end_date, months)} {s.end_date.year}"
        place = f"{s.location}, {s.room}" if s.room else s.location
        status = statuses.get(s.my_status) or (to_come if s.date > today else not_recorded)
        reflection = (
            format_html(
                '<a href="{}">{}</a>',
                reflection_url.with_pk(s.pk),
                mine if s.pk in reflected else write,
            )
            if s.date <= today
            else ""
        )
        rows.append(
            format_html(
                '<tr>\n<td>{}<br><span class="muted">{}–{}</span></td>\n'
                '<td><strong>{}</strong><br><span class="muted">{}</span></td>\n'
                '<td data-label="{}">{}</td>\n<td data-label="{}">{}</td>\n<td>{}</td>\n</tr>\n',
                when,
                f"{s.start_time:%H:%M}",
                f"{s.end_time:%H:%M}",
                s.title,
                kinds.get(s.kind, s.kind),
                place_label,
                place,
                attendance_label,
                status,
                reflection,
            )
        )
    return mark_safe("".join(rows))


def _day_month_year(value) -> str:
    """`value|date:"j F Y"` (a datetime in the current time zone)."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return f"{value.day} {MONTHS[value.month]} {value.year}"


@register.simple_tag
def catalogue_cards(editions, provider) -> str:
    """The cards of the public catalogue (rows of catalogue_sql), built in one pass: a dozen
    facts per edition as template nodes cost far more than the page around them."""
    edition_url = PkUrl("networks:edition", {"provider_slug": provider.slug})
    audiences = {value: str(label) for value, label in Programme.Audience.choices}
    labels = [
        _esc(label) for label in (_("Edition"), _("Dates"), _("Place"), _("Fee"), _("Registration"))
    ]
    free_label, online, free_of_charge = _esc(_("Free places")), _("online"), _("free")
    closed, full = _("closed"), _("full — waiting list")
    now = timezone.now()
    cards = []
    for edition in editions:
        facts = [edition.code, audiences.get(edition.audience, edition.audience)]
        if edition.theme:
            facts.append(edition.theme)
        dates = _day_month_year(edition.starts_on)
        if edition.ends_on != edition.starts_on:
            dates += f" – {_day_month_year(edition.ends_on)}"
        place = online if edition.is_online else (edition.city or "—")
        fee = f"€ {formats.localize(edition.fee)}" if edition.fee else free_of_charge
        registration = (
            _("until %(date)s") % {"date": _day_month_year(edition.registration_deadline)}
            if now <= edition.registration_deadline
            else closed
        )
        values = (edition.name, dates, place, fee, registration)
        facts_list = "".join(
            f"<dt>{label}</dt><dd>{_esc(value)}</dd>\n"
            for label, value in zip(labels, values, strict=True)
        )
        summary = f"<p>{_esc(edition.summary)}</p>\n" if edition.summary else ""
        cards.append(
            f'<li class="card">\n<h2><a href="{edition_url.with_pk(edition.pk)}">'
            f"{_esc(edition.title)}</a></h2>\n"
            f'<p class="muted">{_esc(" · ".join(facts))}</p>\n{summary}'
            f'<dl class="edition-facts">\n{facts_list}<dt>{free_label}</dt>'
            f"<dd>{_esc(edition.free if edition.free > 0 else full)}</dd>\n</dl>\n</li>\n"
        )
    return mark_safe("".join(cards))
