"""Widgets drawn in Python instead of through the form templates.

A select with a PLG's members appears up to seven times on a meeting page; Django's template
widget renders every option through two included templates, which costs more than the rest
of the form. `MemberSelect` writes the same markup in one pass (pinned by a test that compares
it with Django's `Select`)."""

from django import forms
from django.utils.html import conditional_escape
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
    return _select(
        widget["name"],
        widget["attrs"],
        (
            (option["value"], option["label"], option["attrs"])
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        ),
    )


def _select(name, attrs: dict, options) -> str:
    """The select's markup from (value, label, attributes) per option, each value escaped
    where it is written, as `select.html` and `select_option.html` write it."""
    written = "".join(
        f'\n  <option value="{conditional_escape(value)}"{html_attrs(option_attrs)}>'
        f"{conditional_escape(label)}</option>\n"
        for value, label, option_attrs in options
    )
    return mark_safe(  # noqa: S308 - escaped as written
        f'<select name="{conditional_escape(name)}"{html_attrs(attrs)}>{written}\n</select>'
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
            options.append((option_value, label, _SELECTED if selected else {}))
        return _select(name, self.build_attrs(self.attrs, attrs), options)


_SELECTED = {"selected": True}
