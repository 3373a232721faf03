"""Minutes and notes are written in Markdown and rendered safely: HTML that is not on the
allow-list (scripts, event handlers, styles) is stripped by nh3 after Markdown conversion."""

import re

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote_headings(html: str) -> str:
    """Markdown headings sit inside a page section (an h2): `#` and `##` become h3, and so on,
    so the page keeps one outline."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, max(3, int(m.group(2)) + 1))}>", html)


def render_markdown(text: str) -> str:
    html = _demote_headings(md.markdown(text or "", extensions=["tables", "sane_lists"]))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def sanitise_markdown_source(text: str) -> str:
    """Remove raw HTML that would never render (script tags and the like) from the stored
    source, so that nothing dangerous lingers in the minutes even outside this renderer."""
    return (
        nh3.clean(text or "", tags=set(), attributes={}, strip_comments=True)
        .replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&")
    )
