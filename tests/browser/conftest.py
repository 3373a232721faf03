"""Browser test harness: Playwright (sync API) drives Debian's Chromium against `live_server`.

Writing a browser test
----------------------
Put it in `tests/browser/test_<flow>_flow.py` and follow one real person's path::

    def test_staff_member_finds_a_colleague(page, login_as, check_accessibility, staff_member):
        login_as(page, staff_member)
        page.goto(f"/o/{staff_member.organisation.slug}/people/")
        check_accessibility(page)

- Every test in this directory is marked `browser` by a hook below; `pytest -m "not browser"`
  leaves them out. Without Chromium they are skipped, unless the environment variable CI is set:
  then a missing browser is a failure, so CI cannot go green without running them.
- Chromium is `$CHROMIUM_PATH` or Debian's `/usr/bin/chromium`; never `playwright install`.
- The database is transactional (every test here gets `django_db(transaction=True)`): rows
  you create with the root conftest's fixtures or the factories in
  `organisations.tests.factories` are committed at once, so the server thread sees them.
  Every user's password is `organisations.tests.factories.PASSWORD`.
- For one flow on both screens, parametrize over the fixture names and fetch the page with
  `request.getfixturevalue(screen)` (see test_find_person_flow.py).
- Pages have `base_url` set to the live server, so `page.goto("/o/de-linde/")` works; the
  browser speaks nl-BE. Actions and assertions time out after a few seconds, not 30.
- Uploads: `page.locator("input[type=file]").set_input_files(path)`, or
  `set_input_files({"name": "staff.csv", "mimeType": "text/csv", "buffer": data})`.
- Prefer stable selectors (ids, `name=`, `href`, roles with names that are data, such as a
  person's name) and assert UI text only where the text is the point of the test.
- Static files are served by `live_server` (Django's StaticFilesHandler, through the finders);
  `{% static %}` works because the root conftest swaps the manifest storage for the plain one.
- A test fails when the page breaks our Content Security Policy (inline script or style), throws
  a JavaScript error, or a file under /static/ does not load. On failure a screenshot and the
  HTML are saved to `test-artifacts/` (gitignored), named after the test.
"""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect, sync_playwright

from accounts.tests.factories import PASSWORD

BROWSER_DIR = Path(__file__).resolve().parent
LOGIN_PATH = "/accounts/login/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Long enough for a loaded 2-core machine, short enough that a broken selector fails quickly.
TIMEOUT_MS = 10_000
BLOCKING_IMPACTS = {"serious", "critical"}
MISSING_CHROMIUM = "Chromium not found: install Debian's chromium to run the browser tests"

_REPORTS = pytest.StashKey[dict]()


def chromium_path() -> str | None:
    """`$CHROMIUM_PATH` when set (and executable), else Debian's chromium, else None."""
    configured = os.environ.get("CHROMIUM_PATH", "").strip()
    candidates = [configured] if configured else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing_chromium_reason() -> str:
    configured = os.environ.get("CHROMIUM_PATH", "").strip()
    if configured:
        return f"{MISSING_CHROMIUM} (CHROMIUM_PATH={configured} is not an executable file)"
    return MISSING_CHROMIUM


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _is_browser_test(item) -> bool:
    return BROWSER_DIR in Path(item.path).resolve().parents


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the marker must be in place before `-m "not browser"` deselects.
    skip = None
    if chromium_path() is None and not running_in_ci():
        skip = pytest.mark.skip(reason=missing_chromium_reason())
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.browser)
            # The live server thread must see committed rows, also when a test gets its page
            # through request.getfixturevalue (then `live_server` alone would come too late
            # to make the database transactional).
            item.add_marker(pytest.mark.django_db(transaction=True))
            if skip is not None:
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report so the page fixtures know at teardown whether the test failed.
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.fixture(scope="package")
def browser():
    """Headless Chromium, launched once for all browser tests.

    Package-scoped rather than session-scoped on purpose: while Playwright's sync API is
    running, the main thread has a running asyncio loop, so Django's ORM refuses to work
    unless DJANGO_ALLOW_ASYNC_UNSAFE is set. This fixture sets that variable only while the
    browser runs and stops Playwright after the last test in tests/browser/, so the rest of
    the suite keeps Django's protection. Playwright gives every launch a fresh temporary
    user-data-dir (it refuses `--user-data-dir` in `args`) and deletes it on close.
    """
    path = chromium_path()
    if path is None:
        # Only reached when CI is set: elsewhere the tests were skipped at collection.
        pytest.fail(f"{missing_chromium_reason()}; CI is set, so the browser tests must run")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _artifact_name(request, suffix: str) -> str:
    name = f"{Path(request.node.path).stem}__{request.node.name}{suffix}"
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:180]


def _open_page(browser, live_server, request, *, viewport, suffix="", **context_options):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-BE",
        timezone_id="Europe/Brussels",
        viewport=viewport,
        **context_options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    # Chromium asks every site for /favicon.ico; answer here so 404 logs stay about our pages.
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page = context.new_page()
    problems: list[str] = []
    static_path = "/" + settings.STATIC_URL.lstrip("/")

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"CSP violation on {urlparse(page.url).path}: {message.text}")

    def on_response(response):
        if response.status >= 400 and urlparse(response.url).path.startswith(static_path):
            problems.append(f"Static file failed ({response.status}): {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on("response", on_response)
    try:
        yield page
        reports = request.node.stash.get(_REPORTS, {})
        if any(report.failed for report in reports.values()):
            artifacts = Path(request.config.rootpath) / "test-artifacts"
            artifacts.mkdir(exist_ok=True)
            name = _artifact_name(request, suffix)
            try:
                page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
                (artifacts / f"{name}.html").write_text(page.content(), encoding="utf-8")
            except Exception as error:  # never hide the test's own failure behind this one
                print(f"Could not save the failure artifacts of {name}: {error}")
        elif problems:
            pytest.fail("The page misbehaved in the browser:\n" + "\n".join(problems))
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser tab (own cookies) on a 1280x800 desktop screen, in nl-BE.

    `page.goto("/path/")` is relative to the live server. Each test gets a new context, so
    nothing (session, language cookie) leaks between tests. The test fails if the page breaks
    the CSP, throws a JavaScript error or misses a static file; on failure a screenshot is
    saved to test-artifacts/<module>__<test>.png.
    """
    yield from _open_page(browser, live_server, request, viewport=DESKTOP)


@pytest.fixture
def phone_page(browser, live_server, request):
    """Like `page`, but a 390x844 touch phone screen (its own context: log in separately)."""
    yield from _open_page(
        browser,
        live_server,
        request,
        viewport=PHONE,
        suffix="__phone",
        is_mobile=True,
        has_touch=True,
    )


@pytest.fixture
def phone_without_javascript(browser, live_server, request):
    """Like `phone_page`, with JavaScript switched off: the fallbacks of HTMX pages."""
    yield from _open_page(
        browser,
        live_server,
        request,
        viewport=PHONE,
        suffix="__nojs",
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )


@pytest.fixture
def login_as():
    """`login_as(page, user_or_membership, next_url=None)` logs in through the real login form.

    It opens /accounts/login/ (with `?next=` when given), types the email address and the
    factories' password, submits, and waits for the next page. It raises AssertionError with
    the form's error when the login fails, and returns the page, now on the home page (or
    `next_url`). Works on `page` and `phone_page` alike. Call it on a page that is not
    logged in yet (a logged-in visitor is sent past the login form); to switch users, log
    out first or use the other page fixture.
    """

    def _login_as(page, user, next_url: str | None = None):
        user = getattr(user, "user", user)
        url = LOGIN_PATH + (f"?next={quote(next_url)}" if next_url else "")
        page.goto(url)
        page.locator("#id_username").fill(user.email)
        page.locator("#id_password").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        if urlparse(page.url).path == LOGIN_PATH:
            errors = page.locator(".error-summary, .errorlist").all_inner_texts()
            raise AssertionError(f"Logging in as {user.email} failed: {errors}")
        return page

    return _login_as


def _describe(violation: dict) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        target = " ".join(str(part) for part in node["target"])
        summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
        lines.append(f"    {target}: {summary}")
    lines.append(f"    see {violation['helpUrl']}")
    return "\n".join(lines)


@pytest.fixture
def check_accessibility():
    """`check_accessibility(page, context=None)` runs axe-core on the page as it is now.

    It fails the test on every violation with impact "serious" or "critical", listing the rule
    id, impact, help link and each target node's CSS selector and what to fix. Minor and
    moderate findings are returned (a list of axe violation dicts) but do not fail. Call it
    after every page of a flow has settled (after HTMX swaps: wait for the new content first).
    `context` limits the check to a CSS selector, e.g. "#people-results".

    axe-core comes from axe_playwright_python and is injected with `page.evaluate`, which
    Chromium runs outside the page's CSP, so our strict CSP stays on while checking.
    """
    axe = Axe()

    def _check(page, context: str | None = None) -> list[dict]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(axe.axe_script)
        # Arguments are passed as data (Axe.run formats them into source code with repr()).
        results = page.evaluate(
            "([context, options]) => axe.run(context || document, options)",
            [context, {"resultTypes": ["violations"]}],
        )
        violations = results["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            where = urlparse(page.url).path
            engine = results["testEngine"]["version"]
            pytest.fail(
                f"Accessibility violations on {where} (axe-core {engine}):\n"
                + "\n".join(_describe(v) for v in blocking),
                pytrace=False,
            )
        return violations

    return _check


@pytest.fixture
def dutch():
    """`dutch("Staff")` is the nl-BE translation of a msgid, as the server renders it.

    Assert Dutch UI text with it instead of copying the translation into the test, so a
    better wording in the catalogue does not break tests. It fails the test when the msgid
    has no Dutch translation yet, naming the msgid. `dutch("Hi %(name)s", name="An")` fills
    in placeholders. Plain msgids only (no plural forms or context).
    """

    def _dutch(msgid: str, **placeholders) -> str:
        with translation.override("nl-be"):
            text = translation.gettext(msgid)
        if text == msgid:
            pytest.fail(
                f"No Dutch translation for msgid {msgid!r}: add it to the app's "
                "locale/nl/LC_MESSAGES/django.po and run compilemessages.",
                pytrace=False,
            )
        return text % placeholders if placeholders else text

    return _dutch


_FOCUS_INDICATOR = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
}"""


@pytest.fixture
def tab_to():
    """`tab_to(page, locator, max_tabs=60)` presses Tab until `locator` has the focus.

    This is how to prove a control is reachable by keyboard: it fails when the control is not
    reached within `max_tabs` presses, or when the focused control shows no focus indicator
    (outline or box-shadow). Returns the locator, focused, so the test can press Enter or
    Space on it next.
    """

    def _tab_to(page, locator, max_tabs: int = 60):
        locator.wait_for()
        for _ in range(max_tabs):
            page.keyboard.press("Tab")
            if locator.evaluate("element => element === document.activeElement"):
                assert page.evaluate(_FOCUS_INDICATOR), (
                    f"{locator} has the keyboard focus but no visible focus indicator"
                )
                return locator
        pytest.fail(f"{locator} was not reached with {max_tabs} presses of Tab", pytrace=False)

    return _tab_to


@pytest.fixture
def htmx_settled():
    """`htmx_settled(page)` waits until HTMX has swapped and settled (the focus is placed after
    the settle)."""

    def _settled(page):
        page.wait_for_function(
            "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
        )

    return _settled


@pytest.fixture
def add_map_step():
    """`add_map_step(page, name, actor, process, process_unit, waiting, waiting_unit)` adds a
    step with the form under a value stream map and waits until the table shows it."""

    def _add_step(page, name, actor, process, process_unit, waiting, waiting_unit):
        page.locator("#id_add-name").fill(name)
        page.locator("#id_add-actor").fill(actor)
        page.locator("#id_add-process_time").fill(process)
        page.locator("#id_add-process_unit").select_option(process_unit)
        page.locator("#id_add-waiting_time").fill(waiting)
        page.locator("#id_add-waiting_unit").select_option(waiting_unit)
        page.locator("#add-step ~ form button[type=submit]").click()
        expect(page.locator("#map-body .vsm-table tbody")).to_contain_text(name)

    return _add_step


@pytest.fixture
def add_plan_action(dutch):
    """`add_plan_action(page, goal, title, owner, deadline)` adds an action under a goal from
    the plan page and waits until the goal lists it (back on the plan page)."""

    def _add_action(page, goal, title, owner, deadline):
        page.locator(f"#goal-{goal.pk}").get_by_role("link", name=dutch("Add an action")).click()
        page.locator("#id_title").fill(title)
        page.locator("#id_owner").select_option(str(owner.pk))
        page.locator("#id_deadline").fill(deadline.isoformat())
        page.get_by_role("button", name=dutch("Add the action")).click()
        expect(page.locator(f"#goal-{goal.pk} .goal-actions")).to_contain_text(title)

    return _add_action
