"""Fixtures of the browser tests: headless Chromium, a throw-away JupyterLab, the HTML edition.

Chromium is $CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own download. Without
one the tests skip, except in CI (CI set), where a missing browser is a failure. Screenshots go
to test-artifacts/ (git-ignored), after each lesson's interaction and on any failure.
"""

import os
from urllib.parse import urlsplit

import pytest
from pagetools import artifact

from packtools import browser, htmlbuild
from readingpack.paths import PROJECT_ROOT

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture(scope="session")
def chromium():
    """A launched headless Chromium (a Playwright Browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = browser.find_chromium(os.environ, playwright.chromium.executable_path)
        if path is None:
            if os.environ.get("CI"):
                pytest.fail(f"CI needs the browser tests: {browser.INSTALL_HINT}")
            pytest.skip(browser.INSTALL_HINT)
        launched = playwright.chromium.launch(executable_path=path, args=browser.CHROMIUM_ARGS)
        yield launched
        launched.close()


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOOPBACK or (
        parts.hostname or "").startswith("127.")


@pytest.fixture
def new_page(chromium, request):
    """A page factory: each page blocks and records requests to non-loopback addresses
    (`page.external_requests`); on failure the page is saved as a screenshot."""
    contexts = []

    def make(width=1280, height=900):
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.external_requests = []

        def guard(route):
            if is_loopback(route.request.url):
                route.continue_()
            else:
                page.external_requests.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        return page

    yield make
    for context in contexts:
        if getattr(request.node, "failed_call", False):
            for number, page in enumerate(context.pages):
                page.screenshot(path=artifact(f"FAILED-{request.node.name}-{number}.png"))
        context.close()


@pytest.fixture(scope="session")
def lab(chromium):
    with browser.lab_server([PROJECT_ROOT / "notebooks"]) as server:
        yield server


@pytest.fixture
def lab_page(lab, new_page):
    """A page for one lesson; its sessions and kernels are deleted afterwards."""
    yield new_page()
    lab.delete_sessions_and_kernels()


@pytest.fixture(scope="session")
def html_site(tmp_path_factory, chromium):
    """The instructor edition (every page of the student edition, plus the solutions), served
    from a loopback web server; yields (base URL, folder)."""
    folder = tmp_path_factory.mktemp("html-instructor")
    htmlbuild.build_site(folder, instructor=True)
    with browser.serve_folder(folder) as url:
        yield url, folder
