"""The resource library kept by the curator and the products a PLG publishes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Organisation

from .plgs import PLG


class Resource(models.Model):
    """An entry of the PLG's library, kept by the curator."""

    class Kind(models.TextChoices):
        LINK = "link", _("link")
        FILE = "file", _("file")
        NOTE = "note", _("note")

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="plg/resources/%Y/", blank=True)
    note = models.TextField(_("note"), blank=True)
    tags = models.CharField(
        _("tags"), max_length=200, blank=True, help_text=_("Separate tags with commas.")
    )
    product = models.ForeignKey(
        "Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reused_in",
        verbose_name=_("reused product"),
        help_text=_("A colleague's product this entry points to."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def tag_list(self):
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class Product(models.Model):
    """Something the PLG made and published for colleagues."""

    class Kind(models.TextChoices):
        LESSON_DESIGN = "lesson_design", _("lesson design")
        MATERIAL = "material", _("material")
        PROTOCOL = "protocol", _("protocol")
        FINDINGS = "findings", _("findings")

    class Audience(models.TextChoices):
        SCHOOL = "school", _("the whole school")
        COMMUNITY = "community", _("the school community")

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="products")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    phase = models.CharField(_("phase"), max_length=30)
    subject = models.CharField(
        pgettext_lazy("school subject", "subject"), max_length=80, blank=True
    )
    grade = models.CharField(_("grade"), max_length=40, blank=True)
    tags = models.CharField(
        _("tags"), max_length=200, blank=True, help_text=_("Separate tags with commas.")
    )
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="plg/products/%Y/", blank=True)
    audience = models.CharField(
        _("published to"), max_length=20, choices=Audience.choices, default=Audience.SCHOOL
    )
    # Denormalised from the PLG's owner so the search page filters in one indexed query.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="plg_products"
    )
    community = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="product_has_title"),
        ]

    def __str__(self):
        return self.title

    @property
    def tag_list(self):
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class ProductReaction(models.Model):
    """A colleague's thanks for, or reuse of, a product."""

    class Kind(models.TextChoices):
        THANKS = "thanks", _("thanks")
        REUSE = "reuse", _("reuse")

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "user", "kind"], name="product_reaction_once"
            ),
        ]

    def __str__(self):
        return f"{self.kind}: {self.product}"
