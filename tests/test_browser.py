"""
Pages in a real browser: Debian's chromium driven by Playwright.

These check what only a browser can: layout at a phone's width, keyboard use.
Locally they are skipped when /usr/bin/chromium is missing; in CI (CI=true) a
missing browser is a failure, since .ci/run installs it.
"""

import os
from pathlib import Path

import pytest

from .factories import BureauFactory, DepartmentFactory

CHROMIUM = Path("/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium at /usr/bin/chromium (.ci/run installs it).")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def published_bureau(seed_data):
    bureau = BureauFactory(
        slug="a-very-long-named-bureau",
        name="Education Bureau of the Extraordinarily Long Named Autonomous County New Development Area",
        full=True,
    )
    DepartmentFactory(bureau=bureau, name="Departmentofbasiceducationwithanunbrokenverylongnamethatcannotwrap")
    return bureau


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/bureaus/",
        "/bureaus/shenyang-heping-district/",
        "/bureaus/changchun-new-district/source/",
        "/bureaus/a-very-long-named-bureau/",
        "/bureaus/no-such-bureau/",
        "/statistics/",
        "/compare/?b=shenyang-heping-district&b=changchun-new-district&b=dalian-jinpu-new-district",
        "/api/",
    ],
)
def test_pages_fit_a_phone_without_sideways_scrolling(live_server, phone, published_bureau, path):
    response = phone.goto(live_server.url + path)
    assert response.status in (200, 404)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 360px screen"
    assert phone.locator("main h1").count() == 1


def test_filters_work_without_javascript(live_server, phone, seed_data):
    phone.goto(live_server.url + "/bureaus/")
    phone.get_by_label("Province").select_option("Jilin")
    from playwright.sync_api import expect

    phone.get_by_role("button", name="Apply").click()
    phone.wait_for_url("**province=Jilin*")  # the form submits with a GET: wait for the new page
    expect(phone.get_by_role("heading", name="1 bureau found")).to_be_visible()
    expect(phone.get_by_role("link", name="Changchun New District Education Bureau")).to_be_visible()


def test_keyboard_user_can_skip_to_the_content(live_server, browser, seed_data):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/bureaus/shenyang-heping-district/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    context.close()


def test_a_source_link_highlights_its_sentence(live_server, browser, seed_data):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/bureaus/dalian-jinpu-new-district/")
    from playwright.sync_api import expect

    page.locator("#department-5 .source-link").click()
    page.wait_for_url("**/source/#*")  # the click navigates: wait for the source page, not a fixed time
    target = page.locator(".cited:target")
    expect(target).to_have_count(1)
    assert target.inner_text().startswith("The teaching and research section is responsible for")
    assert target.evaluate("element => getComputedStyle(element).backgroundColor") != "rgba(0, 0, 0, 0)"
    context.close()


def test_staff_import_review_and_confirm_a_district_in_the_admin(live_server, browser, django_user_model, db):
    from pathlib import Path

    from playwright.sync_api import expect

    from bureaus.models import Bureau

    django_user_model.objects.create_superuser("importer", "", "a-long-test-password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/bureaus/bureau/")
    page.fill("#id_username", "importer")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Import document").click()
    page.set_input_files("#id_document", str(Path(__file__).with_name("documents") / "numbered_headings.txt"))
    page.get_by_role("button", name="Preview the draft").click()
    expect(page.get_by_role("heading", name="Departments (3)")).to_be_visible()
    expect(page.get_by_text("Office: responsible for the daily operation of the bureau.")).to_be_visible()
    page.get_by_role("button", name="Create draft bureau").click()
    expect(page.locator(".messagelist .success")).to_contain_text("created from the document")
    assert "/change/" in page.url
    bureau = Bureau.objects.get(slug="shenyang-tiexi-district")
    assert not bureau.is_published and bureau.departments.count() == 3
    context.close()


def test_no_page_breaks_the_content_security_policy(live_server, browser, seed_data, django_user_model):
    django_user_model.objects.create_superuser("csp", "", "a-long-test-password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text)) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ["/", "/bureaus/?q=teacher", "/bureaus/shenyang-heping-district/", "/statistics/", "/api/",
                 "/compare/?b=shenyang-heping-district&b=changchun-new-district"]:  # fmt: skip
        page.goto(live_server.url + path)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "csp")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")  # logged in before the admin pages are opened
    for path in ["/admin/bureaus/bureau/", "/admin/bureaus/bureau/add/", "/admin/bureaus/bureau/import/"]:
        page.goto(live_server.url + path)
    page.wait_for_timeout(300)
    context.close()
    assert violations == []
