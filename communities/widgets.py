"""Widgets drawn in Python instead of through the form templates.

A select with a PLG's members appears up to seven times on a meeting page; Django's template
widget renders every option through two included templates, which costs more than the rest
of the form. `MemberSelect` writes the same markup in one pass (pinned by a test that compares
it with Django's `Select`)."""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """Attributes as Django's `attrs.html` writes them: False left out, True as a bare name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class MemberSelect(forms.Select):
    """A select without option groups, written in one pass."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>\n',
            (
                (option["value"], mark_safe(_attrs(option["attrs"])), option["label"])  # noqa: S308 - escaped in _attrs
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            mark_safe(_attrs(widget["attrs"])),
            options,  # noqa: S308 - escaped in _attrs
        )
