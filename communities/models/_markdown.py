from ..markdown import render_markdown


class StoresRenderedMarkdown:
    """Keeps the HTML of Markdown fields next to their source, written when the source is
    saved, so that pages show it without converting and sanitising it on every view.
    `markdown_fields` maps each source field to the field holding its HTML. Writers that skip
    `save` call `render_stored_markdown` first (`bulk_create`) or set the HTML with
    `render_markdown` themselves (`update`)."""

    markdown_fields: dict[str, str] = {}

    def render_stored_markdown(self, sources=None) -> set[str]:
        """Render the HTML of these source fields (all when None); returns the HTML fields."""
        written = set()
        for source, target in self.markdown_fields.items():
            if sources is None or source in sources:
                setattr(self, target, render_markdown(getattr(self, source)))
                written.add(target)
        return written

    def save(self, *args, update_fields=None, **kwargs):
        written = self.render_stored_markdown(update_fields)
        if update_fields is not None:
            update_fields = {*update_fields, *written}
        super().save(*args, update_fields=update_fields, **kwargs)
