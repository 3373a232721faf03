from django.conf import settings
from django.core.paginator import Paginator

# No list has more pages; a larger `?page=` is out of range without parsing a huge number.
MAX_PAGE = 2**31 - 1


def paginate(request, items, *, per_page: int | None = None):
    """One page of `items` for the request's `page` parameter; out-of-range gives the last,
    anything that is not a page number the first."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    number = request.GET.get("page", "").strip()
    if number.isdecimal() and (len(number) > len(str(MAX_PAGE)) or int(number) > MAX_PAGE):
        number = paginator.num_pages
    return paginator.get_page(number)
