"""Regenerate docs/report.png, the README's screenshot of the samples' report.

    python docs/make_report_png.py    (needs Debian's chromium and chromium-driver)

Merges samples/imrs with samples/review.toml, opens report.html in headless Chromium from
disk, zooms the timeline to the review period and saves the top of the page.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronology import pipeline  # noqa: E402
from chronology.render import html  # noqa: E402
from chronology.review.read import load_review  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1150", "--hide-scrollbars")  # fmt: skip


def main() -> None:
    review = load_review(ROOT / "samples" / "review.toml")
    paths = sorted((ROOT / "samples" / "imrs").iterdir())
    chronology = pipeline.integrate(pipeline.load_all(paths, pipeline.spec_from(review)), review)
    work = Path(tempfile.mkdtemp(prefix="chronology-shot-"))
    try:
        page = html.write(chronology, work)[0]
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in (*FLAGS, f"--user-data-dir={work / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            driver.execute_script(
                "const b = Array.from(document.querySelectorAll('button.zoom-to'))"
                ".find(x => x.textContent.includes('Review period')); if (b) b.click();"
            )
            driver.save_screenshot(str(ROOT / "docs" / "report.png"))
        finally:
            driver.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
