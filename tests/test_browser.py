"""The real app in a real headless Chromium, driven as a person would: type a query, click
a facet, open a speaker, follow a permalink, copy every citation format, export a CSV.

Runs Debian's Chromium (browser downloads are impossible here); skipped when it or
Playwright is missing. One browser and one server per module. Screenshots land in
test-artifacts/ for a person to look at.
"""
from __future__ import annotations

import csv
import io
import re
import threading
from pathlib import Path

import pytest

import fixtures
from search.citations import STYLE_NAMES, STYLES
from test_citations import BASE, NAMED, golden

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BY_ID = {q.id: q for q in fixtures.quotes()}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 780}
CUP = NAMED["asif-cup"]


@pytest.fixture(scope="module")
def live_url(index_dir):
    from werkzeug.serving import make_server

    from web.app import create_app

    # Links name the configured public address (the golden files' BASE), not the port it listens on.
    app = create_app({"INDEX_DIR": str(index_dir), "BASE_URL": BASE})
    server = make_server("127.0.0.1", 0, app, threaded=True)
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


def shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"


def facet(page, heading: str):
    return page.get_by_role("complementary", name="Filters").locator(
        "section", has=page.get_by_role("heading", name=heading, exact=True))


# -- search, facets, speaker page ---------------------------------------------------------

def test_search_facet_and_speaker_page(page_factory, live_url):
    page = page_factory(viewport=DESKTOP)
    page.goto(live_url + "/")
    page.get_by_label("Search quotes").fill("open war")
    page.get_by_label("Search quotes").press("Enter")
    page.wait_for_url(re.compile(r"\?q=open\+war"))
    expect(page.locator(".card")).to_have_count(4)
    expect(page.get_by_label("Search quotes")).to_have_value("open war")  # the query is kept

    facet(page, "Speaker").get_by_role("link", name="Khawaja Asif").click()
    page.wait_for_url(re.compile(r"speaker=Khawaja\+Asif"))
    expect(page.locator(".card")).to_have_count(3)
    assert set(page.locator(".card .speaker-name").all_inner_texts()) == {"Khawaja Asif"}
    expect(page.get_by_label("Search quotes")).to_have_value("open war")
    # a second facet combines with the first; each goes again with one click
    facet(page, "Kind").get_by_role("link", name="partial").click()
    page.wait_for_url(re.compile(r"kind=partial"))
    expect(page.locator(".card")).to_have_count(2)
    page.get_by_role("link", name="Remove filter Speaker: Khawaja Asif").click()
    page.wait_for_url(lambda url: "speaker=" not in url and "kind=partial" in url)
    expect(page.locator(".card")).to_have_count(2)  # both partial ones are Asif's
    page.get_by_role("link", name="Remove filter Kind: partial").click()
    expect(page.locator(".card")).to_have_count(4)

    # sorting keeps the query and reloads at once
    page.get_by_label("Sort by").select_option("source")
    page.wait_for_url(re.compile(r"sort=source"))
    assert "q=open+war" in page.url

    # "Also reported in": the pk "open war" card lists the wire article's reports
    pk = page.locator(f"#r-{fixtures.find('open war', 'pk/open-war.txt').id}")
    expect(pk.locator(".also-head")).to_have_text("Also reported in 1 other source · 2 reports")
    expect(pk.locator(".also li")).to_have_count(2)
    shot(page, "search-desktop")

    pk.get_by_role("link", name="Khawaja Asif").first.click()
    page.wait_for_url(live_url + "/speakers/khawaja-asif")
    expect(page.get_by_role("heading", level=1)).to_have_text("Khawaja Asif")
    expect(page.locator(".speaker-facts")).to_contain_text("Haja Muhammad Asif")
    expect(page.locator(".card")).to_have_count(3)
    page.get_by_label("Search Khawaja Asif’s quotes").fill("overflowed")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(".card .quote-text")).to_contain_text("cup of patience")
    page.goto(live_url + "/speakers/khawaja-asif")
    shot(page, "speaker-desktop")

    page.get_by_role("link", name="‹ All speakers").click()
    page.get_by_role("link", name="Name").first.click()
    page.wait_for_url(re.compile(r"/speakers\?sort=name"))
    expect(page.locator("table.speakers tbody tr").first).to_contain_text("Farah Qureshi")


def test_misspelling_gets_a_suggestion(page_factory, live_url):
    page = page_factory(viewport=DESKTOP)
    page.goto(live_url + "/")
    page.get_by_label("Search quotes").fill("patiense")
    page.get_by_label("Search quotes").press("Enter")
    expect(page.locator("#empty")).to_contain_text("No quotes match “patiense”")
    page.get_by_role("link", name="patience").click()
    expect(page.locator(".card")).to_have_count(2)
    expect(page.get_by_label("Search quotes")).to_have_value("patience")


# -- citations: every format through the clipboard ----------------------------------------

def copied_matches_golden(page, live_url, scope, quote, name: str) -> None:
    scope.locator("details.cite > summary").click()
    for style in STYLES:
        button = scope.get_by_role("button", name=f"Copy {STYLE_NAMES[style]} citation")
        button.click()
        expect(scope.locator(".copy-status")).to_have_text(f"Copied {STYLE_NAMES[style]} citation")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == golden(name, "linked", style), style
        expect(scope.locator(".cite-preview")).to_have_text(copied)  # what you see is what you copy


def test_copy_every_citation_format_from_a_card(page_factory, live_url):
    page = page_factory(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto(live_url + "/?q=overflowed")
    card = page.locator(f"#r-{CUP.id}")
    copied_matches_golden(page, live_url, card, CUP, "asif-cup")
    shot(page, "search-cite-desktop", full_page=False)

    # Keyboard: Escape closes the menu and hands focus back to its toggle, which shows its focus.
    page.keyboard.press("Escape")
    summary = card.locator("details.cite > summary")
    expect(card.locator("details.cite")).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    # Enter opens it again; arrow keys walk the styles.
    page.keyboard.press("Enter")
    expect(card.locator("details.cite")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name="Copy Plain text citation")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(card.get_by_role("button", name="Copy APA 7 citation")).to_be_focused()
    page.keyboard.press("End")
    expect(card.get_by_role("button", name="Copy CSL-JSON citation")).to_be_focused()
    page.keyboard.press("Enter")
    assert '"type": "article-newspaper"' in page.evaluate("navigator.clipboard.readText()")
    # A click elsewhere closes it.
    page.locator("h1").click()
    expect(card.locator("details.cite")).not_to_have_attribute("open", "")


def test_permalink_opens_the_article_at_the_quote_and_cites_it(page_factory, live_url):
    quote = NAMED["mujahid-reported"]
    page = page_factory(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{live_url}/quotes/{quote.id}")
    assert page.url == f"{live_url}/sources/{quote.source}?quote={quote.id}#q-{quote.id}"
    mark = page.locator(f"mark#q-{quote.id}")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    expect(mark).to_have_class(re.compile(r"\bselected\b"))
    assert page.evaluate("window.scrollY") > 0
    assert mark.get_attribute("title") == "Zabihullah Mujahid"
    # the speaker shows on focus (a CSS tooltip from data-speaker)
    after = page.evaluate(f"getComputedStyle(document.getElementById('q-{quote.id}'), '::after').content")
    assert after == '"Zabihullah Mujahid · reported"'
    shot(page, "article-permalink-phone", full_page=False)
    no_sideways_scroll(page)

    panel = page.locator("section.selected-quote")
    expect(panel.locator(".quote-text")).to_have_text(quote.text)
    copied_matches_golden(page, live_url, panel, quote, "mujahid-reported")
    no_sideways_scroll(page)  # the open menu fits the phone too
    shot(page, "article-cite-phone", full_page=False)


def test_anonymous_permalink_on_a_phone(page_factory, live_url):
    quote = NAMED["resident-anonymous"]
    page = page_factory(viewport=PHONE)
    page.goto(f"{live_url}/quotes/{quote.id}")
    mark = page.locator(f"mark#q-{quote.id}")
    expect(mark).to_be_in_viewport()
    assert mark.get_attribute("title") == "one resident (anonymous)"


# -- export ---------------------------------------------------------------------------------

def test_export_csv_download(page_factory, live_url, tmp_path):
    page = page_factory(viewport=DESKTOP, accept_downloads=True)
    page.goto(live_url + "/?q=war&speaker=Khawaja+Asif&sort=source")
    page.locator("details.export > summary").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "quotes-war.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    shown = page.locator(".card").evaluate_all("cards => cards.map(c => c.id.slice(2))")
    assert [r["id"] for r in rows] == shown and len(rows) == 3
    assert {r["speaker"] for r in rows} == {"Khawaja Asif"}
    assert all(r["permalink"] == f"{BASE}/quotes/{r['id']}" for r in rows)
    assert [int(r["start"]) for r in rows] == [BY_ID[r["id"]].start for r in rows]


# -- without JavaScript; phones; screenshots ------------------------------------------------

def test_search_and_filters_work_without_javascript(page_factory, live_url):
    page = page_factory(viewport=DESKTOP, java_script_enabled=False)
    page.goto(live_url + "/")
    page.get_by_label("Search quotes").fill("open war")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".card")).to_have_count(4)
    facet(page, "Speaker").get_by_role("link", name="Khawaja Asif").click()
    expect(page.locator(".card")).to_have_count(3)
    page.get_by_label("Sort by").select_option("source")
    page.get_by_role("button", name="Apply").click()  # no script: the form's own button
    page.wait_for_url(re.compile(r"sort=source"))
    card = page.locator(".card").first
    card.locator("details.cite > summary").click()
    expect(card.get_by_role("textbox", name="APA 7")).to_be_visible()  # a text box to select by hand
    expect(card.locator("button.copy").first).to_be_hidden()


@pytest.mark.parametrize("width, label", [(1280, "desktop"), (390, "phone")])
def test_screenshots(page_factory, live_url, width, label):
    page = page_factory(viewport={"width": width, "height": 900 if width > 500 else 780})
    for name, url in [("search", "/?q=war"), ("speaker", "/speakers/khawaja-asif"),
                      ("article", f"/sources/pk/open-war.txt?quote={fixtures.find('open war', 'pk/open-war.txt').id}"),
                      ("speakers", "/speakers"), ("empty", "/?q=patiense&kind=direct")]:
        page.goto(live_url + url)
        no_sideways_scroll(page)
        shot(page, f"{name}-{label}")
    if label == "phone":
        # the filters start folded on a phone; the toggle opens them
        page.goto(live_url + "/?q=war")
        expect(facet(page, "Speaker")).to_be_hidden()
        page.get_by_text("Filters", exact=True).click()
        facet(page, "Speaker").get_by_role("link", name="Farah Qureshi").click()
        expect(page.locator(".card")).to_have_count(1)
        expect(page.get_by_role("link", name="Remove filter Speaker: Farah Qureshi")).to_be_visible()


def test_hostile_quote_is_shown_not_run(page_factory, live_url):
    page = page_factory(viewport=DESKTOP)
    page.goto(f"{live_url}/?q=attackers")
    text = page.locator(".card .quote-text").first.inner_text()
    assert "<script>alert(1)</script>" in text and "\"it's fine\"" in text
    page.goto(f"{live_url}/sources/wire/strikes-kabul.txt")
    assert "<script>alert(1)</script>" in page.locator(".article-body").inner_text()


def test_one_click_hides_uncertain_quotes(page_factory, live_url):
    page = page_factory(viewport=DESKTOP)
    page.goto(live_url + "/?q=war")
    expect(page.locator(".card.uncertain .badge.uncertain")).to_have_count(1)
    page.get_by_role("link", name="Hide uncertain quotes").click()
    page.wait_for_url(re.compile(r"min_confidence=0\.6"))
    expect(page.locator(".card.uncertain")).to_have_count(0)
    expect(page.locator(".card").first).to_be_visible()
    page.get_by_role("link", name="Show uncertain quotes too").click()
    expect(page.locator(".card.uncertain")).to_have_count(1)
