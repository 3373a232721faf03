"""Widgets drawn in Python instead of through the form templates.

A select with a PLG's members appears up to seven times on a meeting page; Django's template
widget renders every option through two included templates, which costs more than the rest
of the form. `MemberSelect` writes the same markup in one pass (pinned by a test that compares
it with Django's `Select`)."""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def html_attrs(attrs: dict) -> str:
    """Attributes as Django's `attrs.html` writes them: False left out, True as a bare name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> str | None:
    """A single select from its widget context, as `select.html` writes it; None when its
    options come in groups (left to the template)."""
    if widget["attrs"].get("multiple") or any(group for group, _o, _i in widget["optgroups"]):
        return None
    options = format_html_join(
        "",
        '\n  <option value="{}"{}>{}</option>\n',
        (
            (option["value"], mark_safe(html_attrs(option["attrs"])), option["label"])  # noqa: S308 - escaped in html_attrs
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        ),
    )
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        widget["name"],
        mark_safe(html_attrs(widget["attrs"])),  # noqa: S308 - escaped in html_attrs
        options,
    )


class MemberSelect(forms.Select):
    """A select without option groups, written in one pass: its options are read straight
    from the choices, selected as `ChoiceWidget.optgroups` selects them (the first option
    whose value matches)."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        wanted = self.format_value(value)
        options, has_selected = [], False
        for option_value, label in choices:
            option_value = "" if option_value is None else option_value
            selected = not has_selected and str(option_value) in wanted
            has_selected |= selected
            attrs_of_option = {"selected": True} if selected else {}
            options.append({"value": option_value, "label": label, "attrs": attrs_of_option})
        widget = {"name": name, "attrs": self.build_attrs(self.attrs, attrs)}
        return select_html({**widget, "optgroups": [(None, options, 0)]})
