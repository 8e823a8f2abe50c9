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
        "/zh-hans/",
        "/zh-hans/bureaus/a-very-long-named-bureau/",
        "/zh-hans/statistics/",
        "/places/",
        "/places/sichuan/",
        "/zh-hans/places/",
        "/zh-hans/places/xinjiang/",
        "/zh-hans/places/xinjiang/654324/",
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
    # The first result shows on the first screen: the filters fold away behind a link.
    first_result = phone.locator(".bureau-card").first.bounding_box()
    assert first_result["y"] < 740, first_result
    assert not phone.get_by_label("Province").is_visible()
    phone.get_by_role("link", name="Show all filters").click()
    phone.get_by_label("Province").select_option("Jilin")
    from playwright.sync_api import expect

    phone.get_by_role("button", name="Apply").click()
    phone.wait_for_url("**province=Jilin*")  # the form submits with a GET: wait for the new page
    expect(phone.get_by_role("heading", name="1 bureau found")).to_be_visible()
    expect(phone.get_by_role("link", name="Changchun New District Education Bureau")).to_be_visible()
    expect(phone.get_by_label("Province")).to_be_visible()  # a filter in use stays unfolded


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


# Accessibility: axe-core on every public page and our admin screens, at a desktop's and a phone's width.

PUBLIC_PAGES = [
    "/",
    "/bureaus/",
    "/bureaus/?q=kindergarten&province=Liaoning",
    "/bureaus/shenyang-heping-district/",
    "/bureaus/dalian-jinpu-new-district/source/",
    "/statistics/",
    "/compare/",
    "/compare/?b=shenyang-heping-district&b=changchun-new-district",
    "/api/",
    "/bureaus/no-such-bureau/",
    "/zh-hans/",
    "/zh-hans/bureaus/?q=沈阳",
    "/zh-hans/bureaus/shenyang-heping-district/",
    "/zh-hans/bureaus/shenyang-heping-district/source/",
    "/zh-hans/statistics/",
    "/zh-hans/compare/?b=shenyang-heping-district&b=changchun-new-district",
    "/places/",
    "/places/liaoning/",
    "/places/liaoning/210103/",
    "/bureaus/?q=Shenhe",
    "/zh-hans/places/",
    "/zh-hans/places/liaoning/",
]
ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def open_working_copy(page, live_server, username, bureau):
    """Log in as ``username`` (password "a-long-test-password") and open ``bureau``'s working copy."""
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + f"/admin/bureaus/bureau/{bureau.pk}/change/")
    page.get_by_role("button", name="Edit a working copy").click()
    page.wait_for_url("**/change/")


def axe_violations(page, ignore=()):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"resultTypes": ["violations"], "rules": {rule: {"enabled": False} for rule in ignore}}
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 360])
def test_public_pages_have_no_axe_violations(live_server, browser, seed_data, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
        if path.removeprefix("/zh-hans") in ("/bureaus/shenyang-heping-district/", "/statistics/", PUBLIC_PAGES[7]):
            ARTEFACTS.mkdir(exist_ok=True)
            name = path.strip("/").split("?")[0].replace("/", "-") or "home"
            page.screenshot(path=str(ARTEFACTS / f"{name}-{width}.png"), full_page=True)
    context.close()
    assert not found, found


@pytest.mark.parametrize("width", [1280, 360])
def test_admin_screens_have_no_axe_violations_and_fit_the_screen(
    live_server, browser, seed_data, django_user_model, width
):
    from bureaus.models import Bureau

    django_user_model.objects.create_superuser("axe", "axe@example.org", "a-long-test-password")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_working_copy(page, live_server, "axe", Bureau.objects.get(slug="shenyang-heping-district"))
    found = {}
    for label, url in (
        ("list", "/admin/bureaus/bureau/"),
        ("working copy", page.url),
        ("import", "/admin/bureaus/bureau/import/"),
    ):
        page.goto(url if url.startswith("http") else live_server.url + url)
        # Django's tabular inline leaves the header of its hidden "original" column empty (minor):
        # its markup, not ours; everything else is checked.
        violations = axe_violations(page, ignore=["empty-table-header"])
        if violations:
            found[label] = violations
        if label == "working copy" and width == 1280:
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"the change form is {overflow}px wider than the screen"
    context.close()
    assert not found, found


def tab_to(page, locator, limit=120):
    """Press Tab until ``locator`` has the focus, checking on the way that every focused element shows it."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        outline, shadow = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; }"
        )
        tag = page.evaluate("() => document.activeElement.tagName")
        if tag not in ("BODY", "HTML"):
            assert outline != "none" or shadow != "none", f"focus not visible on a {tag}"
        if page.evaluate("element => element === document.activeElement", target):
            return
    raise AssertionError(f"Tab never reached {locator}")


def choose_file_by_keyboard(page, path, attempts=3):
    """Open the focused file input's chooser with Space and choose ``path``.

    Headless Chromium now and then drops the chooser a key press asks for (the key reaches the input,
    no chooser event follows; CI saw it once in many runs), and a chooser that is coming comes within
    a second, so a silent wait means lost, not late: the key is pressed again rather than waited on.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        try:
            with page.expect_file_chooser(timeout=5_000) as chooser:
                page.keyboard.press("Space")
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
            continue
        chooser.value.set_files(str(path))
        return


def test_a_visitors_journey_by_keyboard_alone(live_server, browser, seed_data):
    """Home → search → filter → profile → a fact's source sentence and back → compare (chosen on the
    page) → statistics → Chinese and back, with the keyboard alone."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("input[type=search]").count() == 1  # one search box per page

    tab_to(page, page.get_by_label("Search bureaus"))
    page.keyboard.type("education")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bureaus/?q=education*")

    tab_to(page, page.get_by_label("Province"))
    page.keyboard.type("Liaoning")
    tab_to(page, page.get_by_role("button", name="Apply"))
    page.keyboard.press("Enter")
    page.wait_for_url("**province=Liaoning*")
    expect(page.get_by_role("heading", name="2 bureaus found for “education”")).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Shenyang Heping District Education Bureau"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/bureaus/shenyang-heping-district/")
    tab_to(page, page.get_by_role("link", name="Source of the founding year"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/source/#*")
    back = page.locator(".cited:target + .back-to-fact")
    expect(back).to_have_count(1)
    tab_to(page, back)
    page.keyboard.press("Enter")
    page.wait_for_url("**/bureaus/shenyang-heping-district/#fact-founded")

    tab_to(page, page.get_by_role("link", name="Compare", exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/")
    for place, name in (("heping", "Add Shenyang Heping District Education Bureau"),
                        ("changchun", "Add Changchun New District Education Bureau")):  # fmt: skip
        tab_to(page, page.get_by_label("Find a bureau to add (name or place)"))
        page.keyboard.type(place)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**find={place}*")
        tab_to(page, page.get_by_role("link", name=name))
        page.keyboard.press("Enter")
        page.wait_for_load_state()
    expect(page.get_by_text("2 bureaus side by side")).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Statistics", exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url("**/statistics/")
    expect(page.get_by_role("heading", name="Statistics", exact=True)).to_be_visible()

    tab_to(page, page.get_by_role("link", name="简体中文"))  # switch to Chinese and back
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-hans/statistics/")
    expect(page.get_by_role("heading", name="统计", exact=True)).to_be_visible()
    tab_to(page, page.get_by_role("link", name="English"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("/statistics/") and "zh-hans" not in url)
    expect(page.get_by_role("heading", name="Statistics", exact=True)).to_be_visible()
    context.close()


def test_staff_edit_an_inline_preview_and_publish(live_server, browser, seed_data, django_user_model):
    """A publisher's journey: open the working copy, change a department's words, save, preview, publish."""
    from playwright.sync_api import expect

    from bureaus.models import Bureau

    django_user_model.objects.create_superuser("publisher", "p@example.org", "a-long-test-password")
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_working_copy(page, live_server, "publisher", bureau)
    words = "Keeps the bureau's records and answers letters from the public."
    page.locator("#id_departments-0-responsibility_en").fill(words)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/bureaus/bureau/")
    expect(page.get_by_text("Published, with unpublished changes")).to_be_visible()

    public = browser.new_context().new_page()
    public.goto(live_server.url + bureau.get_absolute_url())
    assert words not in public.content()  # not public until published
    page.goto(live_server.url + f"/admin/bureaus/bureau/{bureau.pk}/change/")  # leads to the working copy
    page.get_by_role("link", name="Preview the changes").click()
    expect(page.get_by_text(words)).to_be_visible()
    expect(page.get_by_text("Preview of unpublished changes.")).to_be_visible()
    page.go_back()
    page.get_by_role("button", name="Publish these changes").click()
    page.wait_for_load_state()
    public.goto(live_server.url + bureau.get_absolute_url())
    assert words in public.content()
    context.close()


def test_staff_journeys_by_keyboard_alone(live_server, browser, seed_data, django_user_model):
    """Log in; open a published bureau's working copy, edit a department, save, preview, publish; then
    import a document, preview its draft and confirm: with the keyboard alone, focus visible throughout."""
    from pathlib import Path

    from playwright.sync_api import expect

    from bureaus.models import Bureau

    django_user_model.objects.create_superuser("keys", "k@example.org", "a-long-test-password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("keys")
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type("a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")

    tab_to(page, page.get_by_role("link", name="Bureaus", exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/bureaus/bureau/")
    tab_to(page, page.get_by_role("link", name="Shenyang Heping District Education Bureau"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Edit a working copy"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/change/")
    words = "Answers letters from the public, by keyboard."
    tab_to(page, page.locator("#id_departments-0-responsibility_en"), limit=400)
    page.keyboard.press("Control+A")
    page.keyboard.type(words)
    tab_to(page, page.get_by_role("button", name="Save", exact=True), limit=600)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/bureaus/bureau/")
    expect(page.get_by_text("Published, with unpublished changes")).to_be_visible()

    tab_to(page, page.locator("#result_list").get_by_role("link", name="Shenyang Heping District Education Bureau"))
    page.keyboard.press("Enter")  # leads to the working copy
    tab_to(page, page.get_by_role("link", name="Preview the changes"))
    page.keyboard.press("Enter")
    expect(page.get_by_text(words)).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Back to editing"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Publish these changes"))
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("is published: the public sees it as you left it")
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    assert bureau.is_published and bureau.departments.filter(responsibility_en=words).exists()

    page.goto(live_server.url + "/admin/bureaus/bureau/")
    tab_to(page, page.get_by_role("link", name="Import document"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/bureaus/bureau/import/")
    tab_to(page, page.locator("#id_document"))
    choose_file_by_keyboard(page, Path(__file__).with_name("documents") / "numbered_headings.txt")
    tab_to(page, page.get_by_role("button", name="Preview the draft"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Departments (3)")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Create draft bureau"), limit=400)
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist .success")).to_contain_text("created from the document")
    assert Bureau.objects.get(slug="shenyang-tiexi-district").departments.count() == 3
    context.close()


BROKEN_WORDS = """elements => elements.flatMap(element => {
  const broken = [], walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
})"""


@pytest.mark.parametrize(
    "path",
    ["/", "/bureaus/", "/bureaus/changchun-new-district/", "/statistics/", "/places/", "/places/inner-mongolia/",
     "/compare/?b=shenyang-heping-district&b=changchun-new-district&b=dalian-jinpu-new-district"],
)  # fmt: skip
def test_no_word_is_broken_inside_a_menu_item_or_a_table_header(live_server, phone, seed_data, path):
    phone.goto(live_server.url + path)
    broken = phone.locator(".nav-list a, thead th, .data-table th").evaluate_all(BROKEN_WORDS)
    assert not broken, f"{path}: {broken}"


@pytest.mark.parametrize("width", [1280, 360])
def test_a_profile_of_facts_in_both_languages_is_accessible_in_each(live_server, browser, width):
    """Facts shown in the other language carry their lang and note: axe checks the lang values, and the
    notes must not push a phone's page sideways."""
    from .factories import AchievementFactory, DutyFactory

    bureau = BureauFactory(slug="heping", name_en="Heping District Education Bureau", name_zh_hans="和平区教育局")
    DepartmentFactory(bureau=bureau, name_en="", name_zh_hans="基础教育科（行政许可服务科）", responsibility_en="",
                      responsibility_zh_hans="负责全区基础教育的管理工作，指导学校教育教学改革。")  # fmt: skip
    DutyFactory(bureau=bureau, text_en="", text_zh_hans="贯彻执行国家有关教育工作的方针、政策和法律法规。")
    AchievementFactory(bureau=bureau, text_en="Named a national model district for balanced compulsory education")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path, marked in (("/bureaus/heping/", "(中文)"), ("/zh-hans/bureaus/heping/", "(English)")):
        page.goto(live_server.url + path)
        assert page.locator(".fact-language", has_text=marked).count() >= 1
        found.update({path: violations} if (violations := axe_violations(page)) else {})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)
    context.close()
    assert not found, found
