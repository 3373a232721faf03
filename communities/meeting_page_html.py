"""The record lists of the meeting page and its attendance, written in one pass.

Through the template language every agenda item, decision and action took two or three
reversed URLs, an included removal confirmation and a dozen translations in nodes of their
own. Here each list reverses its URLs once and writes every row's number into them, and the
labels are translated once a list. The markup and its translations are those of the template
lines they replace (pinned by a test); every value is escaped where it is written."""

from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

from core.pk_url import PkUrl

from .written_html import csrf_input


@dataclass(frozen=True)
class _Tools:
    """The change link and the removal confirmation of a row, with the form token and labels
    every row of a list shares. A removal answers with its section (`section`) by HTMX and
    without script with the whole page; the confirmation is a <details>, opened by keyboard
    like any button."""

    section: str
    csrf: str
    change: str
    remove: str
    undone: str
    yes: str

    @classmethod
    def build(cls, section: str, csrf_token) -> "_Tools":
        return cls(
            section=section,
            csrf=csrf_input(csrf_token),
            change=escape(pgettext("verb", "Change")),
            remove=escape(gettext("Remove")),
            undone=escape(gettext("This cannot be undone.")),
            yes=escape(gettext("Yes, remove it")),
        )

    def change_link(self, url: str, what: str) -> str:
        return f'<a href="{url}">{self.change}<span class="visually-hidden"> {what}</span></a>'

    def remove_confirm(self, url: str, what: str, question: str) -> str:
        """`what` and `question` come escaped."""
        return (
            f'<details class="confirm-remove"><summary>{self.remove}'
            f'<span class="visually-hidden"> {what}</span></summary>\n'
            f'<form method="post" action="{url}" hx-post="{url}"'
            f' hx-target="#meeting-{self.section}" hx-swap="outerHTML">\n'
            f"  {self.csrf}<p>{question} {self.undone}</p>\n"
            '  <button type="submit" class="button button--small button--danger">'
            f"{self.yes}</button>\n</form></details>"
        )


def _meeting_kwargs(plg, meeting) -> dict:
    return {"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk}


# The pages under a meeting's own URL, each as `communities:meeting_<key>` routes it (pinned by
# a test): the meeting page reverses one URL instead of one per button and form.
_MEETING_PAGES = {
    "ical": "ical/",
    "pdf": "pdf/",
    "edit": "edit/",
    "roles": "roles/",
    "attendance": "attendance/",
    "minutes": "minutes/",
    "agenda_add": "agenda/",
    "decision_add": "decisions/",
    "action_add": "actions/",
}


def meeting_page_urls(plg, meeting) -> dict[str, str]:
    """The URLs of the meeting's pages by key (`ical`: `communities:meeting_ical`, ...)."""
    base = reverse("communities:meeting_detail", kwargs=_meeting_kwargs(plg, meeting))
    return {key: base + suffix for key, suffix in _MEETING_PAGES.items()}


def _person(member) -> str:
    return "" if member is None else escape(member.person.user)


def agenda_rows_html(agenda, *, plg, meeting, can_keep: bool, csrf_token) -> str:
    """The agenda's table rows: time, item and owner; who keeps the record may change or
    remove each item."""
    if not agenda:
        return mark_safe(f'<tr><td colspan="3">{escape(gettext("No agenda yet."))}</td></tr>')
    if can_keep:
        kwargs = _meeting_kwargs(plg, meeting)
        edit_url = PkUrl("communities:agenda_item_edit", kwargs, key="item_pk").html
        delete_url = PkUrl("communities:agenda_item_delete", kwargs, key="item_pk").html
        tools = _Tools.build("agenda", csrf_token)
        question = gettext("Remove “%(title)s” from the agenda?")
    rows = []
    for item in agenda:
        title = escape(item.title)
        cell = title
        if can_keep:
            confirm = tools.remove_confirm(delete_url(item.pk), title, question % {"title": title})
            cell += (
                f'\n      <div class="item-tools">{tools.change_link(edit_url(item.pk), title)}\n'
                f"      {confirm}</div>"
            )
        rows.append(
            f"<tr><td>{item.time:%H:%M}</td><td>{cell}</td><td>{_person(item.owner)}</td></tr>\n"
        )
    return mark_safe("".join(rows))  # noqa: S308 - escaped as written


def decision_items_html(decisions, *, plg, meeting, can_keep: bool, csrf_token) -> str:
    """The decisions as list items, their line breaks kept; who keeps the record may change or
    remove each one (named by its first eight words)."""
    if not decisions:
        return mark_safe(f'<li class="muted">{escape(gettext("No decisions recorded."))}</li>')
    if can_keep:
        kwargs = _meeting_kwargs(plg, meeting)
        edit_url = PkUrl("communities:decision_edit", kwargs, key="decision_pk").html
        delete_url = PkUrl("communities:decision_delete", kwargs, key="decision_pk").html
        tools = _Tools.build("decisions", csrf_token)
        question = escape(gettext("Remove this decision?"))
    items = []
    for decision in decisions:
        item = linebreaksbr(decision.text, autoescape=True)
        if can_keep:
            what = escape(Truncator(decision.text).words(8, truncate=" …"))
            item += (
                f'\n    <div class="item-tools">{tools.change_link(edit_url(decision.pk), what)}\n'
                f"    {tools.remove_confirm(delete_url(decision.pk), what, question)}</div>"
            )
        items.append(f"<li>{item}</li>")
    return mark_safe("".join(items))  # noqa: S308 - escaped as written


def action_items_html(actions, *, plg, can_keep: bool, member_pk, csrf_token) -> str:
    """The actions as list items: description, owner, deadline and whether it is done. An open
    action may be marked done by who keeps the record and by its owner (`member_pk`: the
    reader's membership, if any); only who keeps the record may change or remove it."""
    if not actions:
        return mark_safe(f'<li class="muted">{escape(gettext("No action items."))}</li>')
    kwargs = {"slug": plg.organisation.slug, "pk": plg.pk}
    done_url = PkUrl("communities:action_done", kwargs, key="action_pk").html
    tools = _Tools.build("actions", csrf_token)
    deadline = escape(gettext("deadline"))
    done = f" · <strong>{escape(gettext('done'))}</strong>"
    mark_done = escape(gettext("Mark as done"))
    if can_keep:
        edit_url = PkUrl("communities:action_edit", kwargs, key="action_pk").html
        delete_url = PkUrl("communities:action_delete", kwargs, key="action_pk").html
        question = gettext("Remove the action “%(action)s”?")
    items = []
    for action in actions:
        description = escape(action.description)
        item = (
            f"<li>{description} — {_person(action.owner)}, {deadline} "
            f"{date_format(action.deadline, 'j F Y')}{done if action.done_at else ''}\n"
            '      <div class="item-tools">'
        )
        if not action.done_at and (can_keep or action.owner_id == member_pk):
            item += (
                f'<form method="post" action="{done_url(action.pk)}" class="inline-form">'
                f'{tools.csrf}<button type="submit" class="button button--small '
                f'button--secondary">{mark_done}</button></form>'
            )
        if can_keep:
            item += (
                f"\n      {tools.change_link(edit_url(action.pk), description)}\n      "
                + tools.remove_confirm(
                    delete_url(action.pk), description, question % {"action": description}
                )
            )
        items.append(f"{item}</div></li>\n")
    return mark_safe("".join(items))  # noqa: S308 - escaped as written


def attendance_html(attendance, *, can_keep: bool, taken: bool) -> str:
    """The members as list items (`attendance`: pairs of member and present): for who keeps
    the record a labelled checkbox each, ticked when present or when nobody was recorded yet;
    for the others each one's name with present or absent."""
    items = []
    if can_keep:
        for member, present in attendance:
            checked = " checked" if present or not taken else ""
            items.append(
                f'<li><label><input type="checkbox" name="present" value="{int(member.pk)}"'
                f"{checked}> {escape(member.person.user)}</label></li>\n"
            )
    else:
        said = {True: escape(gettext("present")), False: escape(gettext("absent"))}
        for member, present in attendance:
            items.append(f"<li>{escape(member.person.user)}: {said[bool(present)]}</li>")
    return mark_safe("".join(items))  # noqa: S308 - escaped as written
