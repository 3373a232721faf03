"""Form widgets shared by the apps."""

from django import forms


class Select(forms.Select):
    """Django's select, with its options written in the select's own loop. The stock template
    includes a template per option (and one more for its attributes); on a page with several
    member lists that costs more than the rest of its forms. Only an option with attributes
    (the selected one, a disabled one) includes the attribute template."""

    template_name = "core/widgets/select.html"
