"""The review page in a real browser: headless Chromium (Debian's) driven through chromedriver."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.report import build_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        chromium = None
    if not (chromium and driver):
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium, chromedriver and selenium (.ci/run installs them)")
        pytest.skip("needs Debian's chromium and chromium-driver, and selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(driver), options=options)
    yield session
    session.quit()


def _evidence_spans(output: Path) -> int:
    data = json.loads(output.read_text(encoding="utf-8"))
    records = sum(len(r["evidence"]) for t in ("talks", "launches", "credits") for r in data[t])
    return records + sum(len(e["mentions"]) for e in data["entities"])


def test_every_page_highlights_each_evidence_span_and_a_click_shows_its_record(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    result = build_report(ROOT / "outputs", tmp_path / "report", golden_dir=ROOT / "tests" / "golden")
    assert len(result.pages) == len(list((ROOT / "raw").iterdir()))
    for page in result.pages:
        browser.get(page.as_uri())
        highlighted = browser.execute_script("return document.querySelectorAll('mark.ev:not(.cont)').length")
        assert highlighted == _evidence_spans(ROOT / "outputs" / f"{page.stem}.json"), page.name
        talk = browser.find_element(By.CSS_SELECTOR, "mark.ev-talk")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", talk)
        talk.click()
        record = talk.get_attribute("data-record")
        details = browser.find_element(By.ID, "details").text
        title = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{record}"] td').text
        assert title.removeprefix("matched").strip() in details
        assert browser.find_elements(By.CSS_SELECTOR, f'tr.selected[data-record="{record}"]')
        assert browser.save_screenshot(str(tmp_path / f"{page.stem}.png"))
        assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    browser.get(result.index.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")) == len(result.pages)


def test_script_in_a_recap_or_a_record_never_runs(browser: Any, hostile_output: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = build_report(hostile_output, tmp_path / "report").pages[0]
    browser.get(page.as_uri())
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark.ev:not(.cont)"):
        browser.execute_script("arguments[0].click()", mark)
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned = 1</script>" in browser.find_element(By.ID, "source").text
    assert "window.pwned = 2" in browser.find_element(By.ID, "details").text
