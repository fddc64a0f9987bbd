"""report.html in a real browser: Debian's Chromium driven by selenium, offline, from disk.

Never downloads a browser or a driver: selenium is given /usr/bin/chromium and
/usr/bin/chromedriver (``.ci/run`` apt-installs both). Skipped only when Chromium is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chronology.dates.span import DateSpan, Precision
from chronology.model.schema import Chronology, Event, Source
from chronology.render import html
from tests.conftest import SAMPLES
from tests.test_report_html import CSC, GP, POLICE, sample_chronology

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000",
)  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
    reason="Debian's chromium and chromium-driver are not installed "
    "(apt-get install chromium chromium-driver; .ci/run does this)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chronology-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.get("about:blank")
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_report(browser: Any, chronology: Chronology, folder: Path) -> Path:
    path = html.write(chronology, folder)[0]
    browser.get_log("performance")  # start each page with an empty network log
    browser.get(path.as_uri())
    browser.find_element("id", "report-data")
    return path


def visible_rows(browser: Any) -> int:
    count: int = browser.execute_script(
        "return document.querySelectorAll('.ev:not([hidden])').length"
    )
    assert browser.find_element("id", "shown").text == str(count)
    return count


def choose(browser: Any, select_id: str, label: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", select_id)).select_by_visible_text(label)


def requested_urls(browser: Any, page: Path) -> list[str]:
    """Every request since the page was opened: the page's own, and none to any network."""
    own, network = [], []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            url = params["request"]["url"]
            if params.get("documentURL", "").startswith(page.as_uri()):
                own.append(url)
            if not url.startswith(("file:", "data:", "chrome:", "chrome-untrusted:", "about:")):
                network.append(url)
    assert network == []
    return own


def test_report_works_offline_in_chromium(browser: Any, tmp_path: Path) -> None:
    chronology = sample_chronology()
    path = open_report(browser, chronology, tmp_path)
    # a lane per agency, a row per event
    lanes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#timeline-svg g.lane'))"
        ".map(g => g.getAttribute('data-agency'))"
    )
    assert lanes == sorted([CSC, GP, POLICE])
    assert visible_rows(browser) == len(chronology.events)

    # filter by one agency
    choose(browser, "f-agency", GP)
    assert visible_rows(browser) == sum(1 for e in chronology.events if GP in e.agencies) == 3
    choose(browser, "f-agency", "All agencies")
    assert visible_rows(browser) == len(chronology.events)

    # search a word (in any account), then combine with a filter
    box = browser.find_element("id", "f-text")
    box.send_keys("strategy")
    assert visible_rows(browser) == 1
    box.clear()
    box.send_keys("conference")
    assert visible_rows(browser) == 1
    choose(browser, "f-flag", "Date conflict")
    assert visible_rows(browser) == 0
    browser.find_element("id", "f-clear").click()
    assert visible_rows(browser) == len(chronology.events)

    # expand a row: every agency's account and where it came from
    conflict = next(e for e in chronology.events if "date_conflict" in e.flags)
    accounts = browser.find_element("id", f"{conflict.id}-accounts")
    assert not accounts.is_displayed()
    browser.find_element("css selector", f"#{conflict.id} button.expand").click()
    assert accounts.is_displayed()
    assert "Strategy discussion held with police." in accounts.text
    assert "Source: Northbridge Police.xlsx, sheet Sheet1, row 9" in accounts.text
    assert "23/05/2012" in accounts.text

    # a timeline mark links to its table row
    click = (
        "document.querySelector(`#timeline-svg a[href='#${arguments[0]}']`).dispatchEvent("
        "new MouseEvent('click', {bubbles: true, cancelable: true}))"
    )
    browser.execute_script(click, conflict.id)
    assert browser.execute_script("return location.hash") == f"#{conflict.id}"

    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000

    urls = requested_urls(browser, path)
    assert urls, "the performance log recorded nothing"
    assert all(url.startswith(("file:", "data:")) for url in urls), urls
    assert path.as_uri() in urls


def test_planted_script_shows_as_text_and_never_runs(browser: Any, tmp_path: Path) -> None:
    open_report(browser, sample_chronology(), tmp_path)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    browser.find_element("id", "f-text").send_keys("pwned")
    assert visible_rows(browser) == 1
    row = browser.find_element("css selector", ".ev:not([hidden]) .main")
    assert "<script>window.pwned = 1</script>" in row.text
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.execute_script("return window.chronologyReport !== undefined")  # ours ran


def test_episode_zoom_and_filter(browser: Any, tmp_path: Path) -> None:
    chronology = sample_chronology()
    open_report(browser, chronology, tmp_path)
    before = browser.execute_script(
        "return document.querySelector('.ep-band').getAttribute('width')"
    )
    browser.find_element("css selector", "button.zoom-to[data-episode='ep1']").click()
    after = browser.execute_script(
        "return document.querySelector('.ep-band').getAttribute('width')"
    )
    assert float(after) > 10 * float(before)
    ticks = browser.execute_script(
        "return Array.from(document.querySelectorAll('#timeline-svg g.ticks text'))"
        ".map(t => t.textContent)"
    )
    assert ticks[0].endswith("Aug 2010")
    choose(browser, "f-episode", "1. The first key episode: August 2010")
    assert visible_rows(browser) == sum(1 for e in chronology.events if e.episode == "ep1") == 3
    dimmed = browser.execute_script(
        "return document.querySelectorAll('#timeline-svg .m.dim').length"
    )
    others = [e for e in chronology.events if e.episode != "ep1" and e.date.start]
    assert dimmed == sum(len(e.agencies) for e in others)  # a mark per agency


def big_chronology(events: int = 5000, agencies: int = 15, years: int = 10) -> Chronology:
    """A generated 10-year, 15-agency chronology of ``events`` events, some multi-agency."""
    rng = random.Random(6)  # noqa: S311 - test data, not secrets
    kinds = ["Police", "Children", "Health", "Housing", "Probation"]
    names = [f"Agency {chr(65 + i)} {kinds[i % 5]}" for i in range(agencies)]
    start = dt.date(2008, 1, 1)
    words = ["visit", "referral", "strategy", "conference", "assessment", "call", "review"]
    made = []
    for number in range(1, events + 1):
        day = start + dt.timedelta(days=rng.randrange(365 * years))
        if number % 10 == 0:
            span = DateSpan(
                day.replace(day=1), day.replace(day=28), Precision.MONTH, f"{day:%b %Y}"
            )
        else:
            span = DateSpan(day, day, Precision.DAY, f"{day:%d/%m/%Y}")
        chosen = rng.sample(names, 2 if number % 7 == 0 else 1)
        text = f"{rng.choice(words)} number {number} about Child {number % 4}"
        subject = f"Child {number % 4}"
        sources = [Source(a, f"{a}.xlsx", "Sheet1", number + 1, span, text, subject=subject)
                   for a in chosen]  # fmt: skip
        made.append(Event("", span, sorted(chosen), text, sources))
    made.sort(key=lambda e: e.date.sort_key)
    for number, event in enumerate(made, start=1):
        event.id = f"E{number:04d}"
    return Chronology(events=made, meta={"title": "Generated: 5,000 events"})


def test_filters_are_instant_at_5000_events(browser: Any, tmp_path: Path) -> None:
    chronology = big_chronology()
    open_report(browser, chronology, tmp_path)
    assert (
        browser.execute_script("return document.querySelectorAll('#timeline-svg g.lane').length")
        == 15
    )
    timing = """
        const [id, value] = arguments;
        const el = document.getElementById(id);
        const t0 = performance.now();
        el.value = value;
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
        document.body.getBoundingClientRect(); document.body.offsetHeight;  // force layout
        return performance.now() - t0;
    """
    agency = chronology.agencies[3]
    took = browser.execute_script(timing, "f-agency", "3")
    assert visible_rows(browser) == sum(1 for e in chronology.events if agency in e.agencies)
    assert took < 500, f"agency filter took {took:.0f} ms"
    took = browser.execute_script(timing, "f-text", "strategy")  # builds the search index
    expected = sum(1 for e in chronology.events if agency in e.agencies and "strategy" in e.text)
    assert visible_rows(browser) == expected
    assert took < 800, f"first search took {took:.0f} ms"
    took = browser.execute_script(timing, "f-text", "strategy number 1")
    assert took < 300, f"search took {took:.0f} ms"
    took = browser.execute_script(timing, "f-agency", "")
    took += browser.execute_script(timing, "f-text", "")
    assert visible_rows(browser) == 5000
    assert took < 800, f"clearing took {took:.0f} ms"
    shot = tmp_path / "big.png"
    assert browser.save_screenshot(str(shot))


@pytest.mark.skipif(not (SAMPLES / "imrs").is_dir(), reason="samples/imrs not generated")
def test_samples_report(browser: Any, tmp_path: Path) -> None:
    from chronology import pipeline
    from chronology.review.read import load_review

    review = load_review(SAMPLES / "review.toml")
    paths = sorted((SAMPLES / "imrs").iterdir())
    loaded = pipeline.load_all(paths, pipeline.spec_from(review))
    chronology = pipeline.integrate(loaded, review)
    path = open_report(browser, chronology, tmp_path)
    lanes = browser.execute_script(
        "return document.querySelectorAll('#timeline-svg g.lane').length"
    )
    assert lanes == len(chronology.agencies) >= 8
    assert visible_rows(browser) == len(chronology.events)
    marks = browser.execute_script("return document.querySelectorAll('#timeline-svg .m').length")
    assert marks >= len([e for e in chronology.events if e.date.start])
    assert browser.find_element("css selector", "h1").text == chronology.meta["title"]
    assert browser.save_screenshot(str(tmp_path / "samples.png"))
    assert all(url.startswith(("file:", "data:")) for url in requested_urls(browser, path))
