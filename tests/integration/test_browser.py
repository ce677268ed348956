"""The web view in a real browser: Debian's Chromium, driven headless by its own chromedriver through Selenium.

The page runs under its Content-Security-Policy without a violation (and the policy is in force), links only
http(s) article URLs, and opens an article whose id holds non-ASCII characters and a '/'. Nothing leaves
127.0.0.1: the store is built here, served by ``newsgraph.serve.make_server`` in a thread, and no link is followed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from newsgraph.store import Store
from tests.helpers import running

pytestmark = pytest.mark.integration

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
# Headless, no sandbox (CI containers), and no traffic of Chromium's own: no updates, sync, QUIC or prefetching,
# and no host name resolves, so whatever the page did it could reach 127.0.0.1 only.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,800")

SLASHED = "Київ/звіт 1"  # non-ASCII, a slash and a space
HTTPS_URL = "https://example.org/advisers"
ARTICLES = [  # id, text, url
    ("art-js", "Russian forces attacked the Ukrainian city of Kharkiv on Monday, officials said.",
     "javascript:alert(1)"),
    ("art-https", "The United States sent 200 military advisers to Poland last week, the Pentagon said.", HTTPS_URL),
    (SLASHED, "Officials in Kyiv said the bridge over the Dnipro was repaired on Friday.",
     "data:text/html,<script>alert(1)</script>"),
]


def _require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        message = f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("NEWSGRAPH_REQUIRE_GATES") == "1":
            pytest.fail(f"{message}, and NEWSGRAPH_REQUIRE_GATES=1 forbids skipping a gate", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module, from the paths above: Selenium Manager never runs, nothing is
    downloaded."""
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, extract_text: Callable[..., Any]) -> Iterator[str]:
    """The web view over a three-article store, on a free port of 127.0.0.1: its base URL."""
    path = tmp_path_factory.mktemp("browser") / "browser.db"
    with Store.open(path) as store:
        for article_id, text, url in ARTICLES:
            ext = extract_text(text, "2024-06-03")
            store.write(replace(ext, article=replace(ext.article, id=article_id, url=url, title=f"Title {article_id}")))
    with running(path) as url:
        yield url


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = 15) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def text_of(driver: Any, css: str) -> str:
    return str(driver.execute_script("const n = document.querySelector(arguments[0]); return n ? n.textContent : ''",
                                     css))


def console_problems(driver: Any) -> list[str]:
    """The console's errors and CSP reports since the last call (reading the log empties it)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]


def open_trail(driver: Any, site: str, article_id: str, *span: int) -> None:
    """Open the page at #article/ID[/START/END], the id encoded as the page encodes it, and wait for its trail."""
    driver.get("about:blank")  # a fresh load each time, not a same-document hash change
    driver.get(f"{site}/#article/{'/'.join([quote(article_id, safe=''), *map(str, span)])}")
    wait_for(driver, lambda d: text_of(d, "#trail h2") == f"Title {article_id}")


def test_the_page_loads_with_no_csp_violation(driver: Any, site: str) -> None:
    driver.get(f"{site}/")
    wait_for(driver, lambda d: "3 articles" in text_of(d, "#summary"))
    wait_for(driver, lambda d: d.execute_script("return document.querySelectorAll('#results tr.row').length") > 0)
    assert driver.execute_script("return getComputedStyle(document.querySelector('nav button.on')).color") \
        == "rgb(255, 255, 255)"  # style.css applied
    driver.get(f"{site}/#map")
    wait_for(driver, lambda d: d.execute_script("return document.querySelectorAll('svg.map path').length") > 100)
    assert console_problems(driver) == []


def test_the_csp_is_in_force(driver: Any, site: str) -> None:
    driver.get(f"{site}/")
    wait_for(driver, lambda d: "articles" in text_of(d, "#summary"))
    # What an injection would try: an inline script. The policy must refuse to run it and report why.
    blocked = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        document.addEventListener("securitypolicyviolation", (e) => done([e.violatedDirective, !!window.injected]));
        const s = document.createElement("script");
        s.textContent = "window.injected = true";
        document.body.append(s);
        setTimeout(() => done(["none", !!window.injected]), 3000);
    """)
    assert blocked == ["script-src-elem", False]
    assert any("Content Security Policy" in m for m in console_problems(driver))


def test_only_http_and_https_article_urls_become_links(driver: Any, site: str, tmp_path: Path) -> None:
    open_trail(driver, site, "art-js")
    assert driver.find_elements("css selector", "#trail a[href^='javascript']") == []
    assert driver.find_elements("css selector", "#trail .meta a") == []
    assert text_of(driver, "#trail .unsafe-url") == "source: javascript:alert(1)"
    driver.save_screenshot(str(tmp_path / "javascript-url.png"))
    open_trail(driver, site, "art-https")
    links = driver.find_elements("css selector", "#trail .meta a")
    assert [(a.get_attribute("href"), a.get_attribute("rel")) for a in links] == [(HTTPS_URL, "noopener noreferrer")]
    assert console_problems(driver) == []


def test_safe_href_links_only_http_and_https(driver: Any, site: str) -> None:
    """The page's own link check, case by case, in the browser's URL parser."""
    cases = {
        "https://example.org/a?b#c": "https://example.org/a?b#c", "http://example.org": "http://example.org/",
        "HTTPS://Example.org/": "https://example.org/",
        "javascript:alert(1)": None, "JavaScript:alert(1)": None, " javascript:alert(1)": None,
        "java\tscript:alert(1)": None, "data:text/html,<b>x</b>": None, "vbscript:msgbox(1)": None,
        "file:///etc/passwd": None, "ftp://example.org/": None, "//example.org/x": None, "/api/summary": None,
        "": None, "http://": None,
    }
    driver.get(f"{site}/")
    wait_for(driver, lambda d: d.execute_script("return typeof safeHref") == "function")
    got = driver.execute_script("return arguments[0].map((u) => safeHref(u))", list(cases))
    assert dict(zip(cases, got, strict=True)) == cases


def test_an_id_with_non_ascii_and_a_slash_opens(driver: Any, site: str, tmp_path: Path) -> None:
    text = ARTICLES[2][1]
    open_trail(driver, site, SLASHED, 13, 17)  # a link to characters, as the page writes one
    assert text_of(driver, "#trail mark") == text[13:17] == "Kyiv"
    assert text_of(driver, "#trail .unsafe-url").startswith("source: data:")
    # Found by search and opened by a click: the page builds /api/articles/<id> and then the #article link itself.
    driver.get(f"{site}/#search")
    driver.find_element("css selector", "input[name=q]").send_keys("Dnipro")
    driver.find_element("css selector", "#filters button[type=submit]").click()
    wait_for(driver, lambda d: d.find_elements("css selector", "#results tr.row")).pop().click()
    wait_for(driver, lambda d: text_of(d, "#trail h2") == f"Title {SLASHED}")
    driver.execute_script("document.querySelector('#trail h2').dataset.before = 'click'")
    driver.find_element("css selector", "#trail dd a").click()  # the item's characters: #article/<encoded id>/...
    wait_for(driver, lambda d: d.execute_script("return location.hash").startswith("#article/"))
    # a new trail (not the one before the click) for the same article: the id came back whole from the #hash
    wait_for(driver, lambda d: d.execute_script("return !document.querySelector('#trail h2').dataset.before"))
    wait_for(driver, lambda d: text_of(d, "#trail h2") == f"Title {SLASHED}" and text_of(d, "#trail mark"))
    assert "Dnipro" in text_of(driver, "#trail mark")
    driver.save_screenshot(str(tmp_path / "slashed-id.png"))
    assert console_problems(driver) == []
