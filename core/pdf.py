"""PDF documents (reports, minutes, certificates) rendered from templates with WeasyPrint."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(request, template: str, context: dict, *, stylesheets=()) -> bytes:
    """The template rendered as PDF. `stylesheets` are static paths, read from disk: the
    renderer does not fetch over HTTP."""
    from weasyprint import CSS, HTML  # heavy import, only where a PDF is asked for

    html = render_to_string(template, context, request=request)
    css = [CSS(filename=finders.find(path)) for path in stylesheets]
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(stylesheets=css)


def pdf_response(pdf: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
