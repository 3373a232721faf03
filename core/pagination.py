from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, items, *, per_page: int | None = None):
    """One page of `items` for the request's `page` parameter; out-of-range gives the last."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
