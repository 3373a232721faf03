"""Forms written as paragraphs in one pass, as `Form.as_p()` writes them.

`as_p()` renders a form template, a label template and a widget template (with an attributes
template) for every field: the four small forms of a meeting page cost more than its data.
`form_as_p` writes the same markup in Python for the widgets the PLG pages use and hands any
other case (errors, hidden fields, other widgets) to `as_p()` itself. Tests compare both."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .widgets import MemberSelect, html_attrs, select_html

_INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("text", "number", "email", "url", "date", "time", "search", "tel")
}
_TEXTAREA = "django/forms/widgets/textarea.html"
_SELECT = "django/forms/widgets/select.html"


def _writes(field) -> bool:
    widget = field.widget
    return (
        not field.localize
        and not field.show_hidden_initial
        and (
            isinstance(widget, MemberSelect)
            or widget.template_name in _INPUTS
            or widget.template_name in (_TEXTAREA, _SELECT)
        )
    )


def form_as_p(form) -> str:
    fields = list(form)
    if (form.is_bound and form.errors) or not all(
        _writes(bf.field) and not bf.is_hidden for bf in fields
    ):
        return form.as_p()
    return mark_safe("".join(_paragraph(bf) for bf in fields).strip())  # noqa: S308 - built with format_html


def _paragraph(bf) -> str:
    classes = bf.css_classes()
    help_text = ""
    if bf.help_text:
        # `as_p` shows help text unescaped too.
        described = f' id="{conditional_escape(bf.auto_id)}_helptext"' if bf.auto_id else ""
        help_text = f'\n      <span class="helptext"{described}>{bf.help_text}</span>\n    '
    class_attr = f' class="{conditional_escape(classes)}"' if classes else ""
    label = _label(bf) if bf.label else ""
    return (
        f"\n  \n  <p{class_attr}>\n    {label}\n    {_widget(bf)}\n    {help_text}\n    \n  </p>\n"
    )


def _label(bf) -> str:
    """`BoundField.label_tag()` without its template."""
    contents = bf.label
    field, form = bf.field, bf.form
    suffix = field.label_suffix if field.label_suffix is not None else form.label_suffix
    if suffix and contents and contents[-1] not in gettext(":?.!"):
        contents = format_html("{}{}", contents, suffix)
    id_ = field.widget.attrs.get("id") or bf.auto_id
    if not id_:
        return conditional_escape(contents)
    attrs = {}
    id_for_label = field.widget.id_for_label(id_)
    if id_for_label:
        attrs["for"] = id_for_label
    if field.required and hasattr(form, "required_css_class"):
        attrs["class"] = form.required_css_class
    return f"<label{html_attrs(attrs)}>{conditional_escape(contents)}</label>"


def _widget(bf) -> str:
    """`BoundField.as_widget()`, with inputs, text areas and selects written without
    templates."""
    widget = bf.field.widget
    if isinstance(widget, MemberSelect):
        return bf.as_widget()
    attrs = bf.build_widget_attrs({}, widget)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    context = widget.get_context(bf.html_name, bf.value(), attrs)["widget"]
    if widget.template_name == _SELECT:
        written = select_html(context)
        return bf.as_widget() if written is None else written
    written = mark_safe(html_attrs(context["attrs"]))  # noqa: S308 - escaped in html_attrs
    if widget.template_name == _TEXTAREA:
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            context["name"],
            written,
            context["value"] or "",
        )
    value = context["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        "" if value is None else format_html(' value="{}"', str(value)),
        written,
    )
