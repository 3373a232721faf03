"""A provider copies a course evaluation that another provider shared with its network, sends
it as a pre-measurement, adapts one item, runs the post-measurement with the new version and
reads a report that compares only the unchanged items. The answers are seeded (answering has
its own tests). Runs with the harness of tests/browser/conftest.py."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from networks.models import Application
from networks.tests.factories import EditionFactory, ProgrammeFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory
from surveys import builder
from surveys.loader import write_version
from surveys.models import Instrument, Survey
from surveys.tests.helpers import add_responses, close

ITEMS = [
    ("doel", "De doelen van de cursus waren duidelijk."),
    ("praktijk", "Ik kan dit morgen in mijn school gebruiken."),
    ("tempo", "Het tempo van de sessies was goed."),
    ("sfeer", "Ik kon vrij mijn vragen stellen."),
]
ADAPTED = "Ik kan dit volgende week met mijn team gebruiken."
SCORES = {"pre": {"doel": 3, "praktijk": 2, "tempo": 3, "sfeer": 4}, "post": 4}


def _shared_evaluation():
    """A course evaluation of one provider, shared with its network, and a manager of another
    provider who took part in its programme."""
    owner = ProviderFactory(name="Pedagogisch Centrum Noord", slug="pc-noord")
    instrument = Instrument.objects.create(
        code="pc-noord-cursusevaluatie",
        kind=Instrument.Kind.EVALUATION,
        owner=owner,
        shared_with=Instrument.Sharing.NETWORK,
    )
    write_version(
        instrument,
        {
            "title": {"nl": "Cursusevaluatie", "en": "Course evaluation"},
            "intro": {"nl": "", "en": ""},
            "rater_groups": ["participants"],
            "scales": [builder.DEFAULT_SCALE],
            "dimensions": [
                {
                    "code": "cursus",
                    "title": {"nl": "De cursus", "en": "The course"},
                    "items": [
                        {
                            "code": code,
                            "statement": code,
                            "scale": "akkoord",
                            "aspect": "quality",
                            "text": {"nl": text, "en": ""},
                            "reverse": False,
                            "required": True,
                            "audience": [],
                        }
                        for code, text in ITEMS
                    ],
                }
            ],
            "open_questions": [],
        },
        number=1,
        digest="browser-shared-evaluation",
    )
    provider = ProviderFactory(name="Vormingsdienst Zuid", slug="vd-zuid")
    manager = MembershipFactory(organisation=provider, role=Membership.Role.LEADER)
    edition = EditionFactory(programme=ProgrammeFactory(provider=owner))
    Application.objects.create(
        edition=edition, applicant=manager.user, status=Application.Status.ACCEPTED
    )
    return provider, manager


def _by_code(scores):
    return lambda _index, item: scores if isinstance(scores, int) else scores[item.code]


def test_provider_copies_a_shared_instrument_adapts_an_item_and_compares_pre_and_post(
    page, login_as, check_accessibility, dutch
):
    provider, manager = _shared_evaluation()
    slug = provider.slug
    today = timezone.localdate()
    login_as(page, manager)

    # Copy and adapt: the shared evaluation becomes the provider's own instrument.
    page.goto(f"/o/{slug}/")
    page.get_by_role("link", name=dutch("Own instruments")).first.click()
    expect(page.locator("h1")).to_have_text(dutch("Own instruments"))
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Cursusevaluatie")).click()
    expect(page).to_have_url(re.compile(rf"/o/{slug}/surveys/instruments/\d+/$"))
    copy = Instrument.objects.get(owner=provider)
    check_accessibility(page)

    # The pre-measurement, sent with the copy's first version.
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name=dutch("Surveys")).first.click()
    with page.expect_navigation():
        page.get_by_role("link", name=dutch("New survey")).click()
    # Choosing the instrument swaps its fields in with HTMX, once the page's scripts run.
    page.wait_for_load_state("load")
    page.locator("#id_version").select_option(str(builder.latest_version(copy).pk))
    page.locator("#id_title").fill("Cursusevaluatie najaar")
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=14)).isoformat())
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Create survey")).click()
    survey = Survey.objects.get(organisation=provider)
    pre = survey.rounds.get()
    add_responses(survey, pre, "participants", 5, value=_by_code(SCORES["pre"]))
    close(pre)

    # Adapting one item of the sent version makes version 2.
    page.goto(f"/o/{slug}/surveys/instruments/{copy.pk}/")
    page.get_by_role("link", name=re.compile(ITEMS[1][1][:30])).click()
    page.locator("#id_text_nl").fill(ADAPTED)
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Save")).click()
    expect(page.locator(".builder-items")).to_contain_text(ADAPTED)
    assert builder.latest_version(copy).number == 2
    check_accessibility(page)

    # The post-measurement offers version 2 and says which item it leaves out.
    page.goto(f"/o/{slug}/surveys/{survey.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name=dutch("Start the post-measurement")).click()
    expect(page.locator("#versions-heading")).to_be_visible()
    expect(page.locator(".left-out")).to_contain_text(ADAPTED)
    expect(page.get_by_label(dutch("Version %(number)s, the newest", number=2))).to_be_checked()
    check_accessibility(page)
    page.screenshot(path="test-artifacts/shared-instrument-post-round.png", full_page=True)
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=14)).isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Create the post-measurement")).click()
    post = survey.rounds.get(number=2)
    assert post.version.number == 2
    add_responses(survey, post, "participants", 5, value=_by_code(SCORES["post"]))
    close(post)

    # The report compares the three unchanged items only: 3.3 before, 4.0 after.
    page.goto(f"/o/{slug}/surveys/{survey.pk}/report/")
    comparison = page.locator("section[aria-labelledby=prepost]")
    expect(comparison.locator(".version-pairing")).to_contain_text(ADAPTED)
    row = comparison.locator("tbody tr").first
    expect(row.locator("td").nth(0)).to_have_text(re.compile(r"3[,.]3"))
    expect(row.locator("td").nth(1)).to_have_text(re.compile(r"4[,.]0"))
    check_accessibility(page)
    page.screenshot(path="test-artifacts/shared-instrument-report.png", full_page=True)
