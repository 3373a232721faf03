"""The shared making and finding of link tokens."""

import pytest
from django.http import Http404

from core.tokens import get_by_token, new_token
from vision.models import StakeholderGroup, VisionProcess

URL_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_a_new_token_is_43_url_safe_characters_and_fresh_each_time():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 43 and set(token) <= URL_SAFE for token in tokens)


def test_a_shorter_token_has_the_bytes_asked_for():
    assert len(new_token(24)) == 32


@pytest.fixture
def group(school):
    process = VisionProcess.objects.create(organisation=school, title="Visie", question="Wat?")
    return StakeholderGroup.objects.create(
        process=process, kind="parents", name="Ouders", token=new_token()
    )


def test_it_finds_the_row_of_a_token_with_what_the_queryset_loads(group, django_assert_num_queries):
    queryset = StakeholderGroup.objects.select_related("process")
    with django_assert_num_queries(1):
        found = get_by_token(queryset, group.token)
        assert found == group and found.process.title == "Visie"


@pytest.mark.parametrize("token", ["verkeerd", ""])
def test_an_unknown_token_is_a_404(group, token):
    with pytest.raises(Http404):
        get_by_token(StakeholderGroup.objects.all(), token)


def test_a_token_outside_the_queryset_is_a_404(group):
    with pytest.raises(Http404):
        get_by_token(StakeholderGroup.objects.exclude(pk=group.pk), group.token)
