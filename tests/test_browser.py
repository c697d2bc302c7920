"""The real app in a real headless Chromium: search, facet, cite-and-copy, permalink.

Runs Debian's Chromium (browser downloads are impossible here); skipped when it or
Playwright is missing. Screenshots land in test-artifacts/ for a human to look at.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

import fixtures
from search.citations import citations

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BY_ID = {q.id: q for q in fixtures.quotes()}


@pytest.fixture(scope="module")
def live_url(index_dir):
    from werkzeug.serving import make_server

    from web.app import create_app

    server = make_server("127.0.0.1", 0, create_app({"INDEX_DIR": str(index_dir)}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser):
    """New pages that fail the test on any script error, CSP violation or alert()."""
    contexts, problems = [], []

    def make(**context_kw):
        ctx = browser.new_context(**context_kw)
        contexts.append(ctx)
        page = ctx.new_page()
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        return page

    yield make
    for ctx in contexts:
        ctx.close()
    assert not problems, problems


def test_search_facet_cite_copy(page_factory, live_url):
    expect = sync_api.expect
    ARTIFACTS.mkdir(exist_ok=True)
    page = page_factory(permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900})
    page.goto(live_url + "/")
    page.get_by_label("Search quotes").fill("open war")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"\?q=open\+war"))
    expect(page.locator(".card")).to_have_count(4)

    speakers = page.get_by_role("complementary", name="Filters").locator("section", has=page.get_by_role(
        "heading", name="Speaker", exact=True))
    speakers.get_by_role("link", name="Khawaja Asif").click()
    page.wait_for_url(re.compile(r"speaker=Khawaja\+Asif"))
    expect(page.locator(".card")).to_have_count(3)
    assert set(page.locator(".card .speaker-name").all_inner_texts()) == {"Khawaja Asif"}
    expect(page.get_by_role("link", name="Remove filter Speaker: Khawaja Asif")).to_be_visible()

    card = page.locator(".card").first
    quote = BY_ID[card.get_attribute("id").removeprefix("r-")]
    card.locator("summary", has_text="Cite").click()
    copy_apa = card.get_by_role("button", name="Copy APA 7 citation")
    expect(copy_apa).to_be_visible()
    copy_apa.click()
    expect(card.locator(".copy-status")).to_contain_text("Copied")
    page.screenshot(path=str(ARTIFACTS / "search-cite.png"), full_page=True)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == citations(quote, url=f"{live_url}/quotes/{quote.id}")["apa"]
    assert "Khawaja Asif" in copied and "open war" in copied

    # Escape closes the menu and hands focus back to its toggle.
    page.keyboard.press("Escape")
    expect(card.locator("details.cite")).not_to_have_attribute("open", "")
    expect(card.locator("summary", has_text="Cite")).to_be_focused()


def test_permalink_scrolls_to_the_quote(page_factory, live_url):
    expect = sync_api.expect
    ARTIFACTS.mkdir(exist_ok=True)
    quote = fixtures.find("Around midnight the windows shook and the children would not stop crying.")
    page = page_factory(viewport={"width": 390, "height": 560})  # a phone, so the quote starts off-screen
    page.goto(f"{live_url}/quotes/{quote.id}")
    assert page.url == f"{live_url}/sources/{quote.source}?quote={quote.id}#q-{quote.id}"
    mark = page.locator(f"mark#q-{quote.id}")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    assert page.evaluate("window.scrollY") > 0
    assert mark.get_attribute("title") == "one resident (anonymous)"
    page.screenshot(path=str(ARTIFACTS / "article-permalink-phone.png"), full_page=False)


def test_hostile_quote_is_shown_not_run(page_factory, live_url):
    page = page_factory(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_url}/?q=attackers")
    text = page.locator(".card .quote-text").first.inner_text()
    assert "<script>alert(1)</script>" in text and "\"it's fine\"" in text
    page.goto(f"{live_url}/sources/wire/strikes-kabul.txt")
    assert "<script>alert(1)</script>" in page.locator(".article-body").inner_text()
