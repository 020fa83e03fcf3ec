#!/usr/bin/env python3
"""Browser test of a built recsite site: Playwright driving Debian's Chromium, and axe-core.

Serves the site's parent folder with `python3 -m http.server` on 127.0.0.1
(so the site is opened under a base path, /<name>/) and opens every page
kind -- index, users index, a user, items index, an item, popular, compare,
data quality, methodology, evaluation (when built) and changes -- at
390x844 (phone) and 1366x900 (desktop), in the light and the dark theme.
On each it checks:

  * no horizontal overflow (document.scrollingElement.scrollWidth <= clientWidth);
  * no console error, uncaught exception or failed request;
  * axe-core reports no serious or critical violation (WCAG 2.x A/AA rules
    and axe's best practices);
  * every table has a caption and sort buttons; a table longer than 15 rows
    has a filter box.

Once per viewport and theme it also checks that a user page's first
recommendation link (href="#...") lands on the heading with that id, that a
numeric column header sorts descending on the first click and ascending on
the second (aria-sort follows), that a filter box hides rows, and that the
navigation search finds a user. It prints an axe summary per page kind.

--screenshots DIR saves the user, item, popular and compare pages, desktop
and phone, light and dark (user-desktop-light.png, ...).

Needs the Python packages `playwright` (its Node driver is playwright-core)
and `axe-playwright-python` (only for the axe-core script it ships:
axe.min.js); scripts/browser-requirements.txt pins them, and
`make test-browser` installs them into .bench/browser-venv. No browser is
downloaded: Chromium is Debian's (/usr/bin/chromium).

Usage: scripts/browser-test.py [--site DIR] [--screenshots DIR] [--chromium PATH]
Exit status: 0 passed (or skipped: Chromium missing), 1 a check failed.
"""
import argparse
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = (("phone", PHONE), ("desktop", DESKTOP))
THEMES = ("light", "dark")
FILTER_ROWS = 15
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCREENSHOT_KINDS = ("user", "item", "popular", "compare")
SCREENSHOT_HEIGHT = {"phone": 1800, "desktop": 1300}  # px from the top of the page


def find_chromium(explicit):
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def axe_script():
    import axe_playwright_python
    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as file:
        return file.read()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(directory, port):
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory, str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the HTTP server did not start")


def page_kinds(site):
    """(kind, site-relative HTML path) for every page kind the site has."""
    with open(os.path.join(site, "api", "users.json"), encoding="utf-8") as file:
        users = json.load(file)
    with open(os.path.join(site, "api", "items.json"), encoding="utf-8") as file:
        items = json.load(file)
    user = next((u for u in users if u.get("name") and u.get("items", 0) > 0), users[0])
    item = next((i for i in items if i.get("rank") == 1), items[0])
    kinds = [("index", "index.html"), ("users", "users/index.html"), ("user", user["page"]),
             ("items", "items/index.html"), ("item", item["page"]), ("popular", "popular.html"),
             ("compare", "compare.html"), ("data-quality", "data-quality.html"),
             ("methodology", "methodology.html"), ("evaluation", "evaluation.html"), ("changes", "changes.html")]
    return [(kind, path) for kind, path in kinds if os.path.isfile(os.path.join(site, path))], user


# Runs in the page: what the structural checks need, in one round trip.
PAGE_FACTS = """() => {
  const tables = Array.from(document.querySelectorAll('main table'));
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    clientWidth: document.scrollingElement.clientWidth,
    wide: Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > document.scrollingElement.clientWidth + 1
      && !e.closest('.table-responsive') && getComputedStyle(e).position !== 'fixed').slice(0, 3)
      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')),
    h1: document.querySelectorAll('h1').length,
    navRows: (() => { const boxes = Array.from(document.querySelectorAll('.navbar .nav-link, .site-search, #theme-toggle'))
      .filter(e => e.offsetParent).map(e => e.getBoundingClientRect());
      const bottom = Math.min(...boxes.map(b => b.bottom));
      const line = Math.min(...boxes.map(b => b.height));
      return boxes.every(b => b.top < bottom && b.height < 1.5 * line
        && b.right <= document.scrollingElement.clientWidth) ? 1 : 2; })(),
    toggleInside: (() => { const t = document.getElementById('theme-toggle').getBoundingClientRect();
      return t.width === 0 || t.right <= document.scrollingElement.clientWidth; })(),
    tables: tables.length,
    uncaptioned: tables.filter(t => !t.caption || !t.caption.textContent.trim()).length,
    unsortable: tables.filter(t => t.tHead && !t.tHead.querySelector('th button.sort-button')).length,
    unfiltered: tables.filter(t => t.tBodies[0] && t.tBodies[0].rows.length > %d
      && !document.getElementById(t.getAttribute('data-filter') || '-')).length,
  };
}""" % FILTER_ROWS


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    parser.add_argument("--screenshots", help="folder for the PNG screenshots (none when omitted)")
    parser.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    options = parser.parse_args()

    chromium = find_chromium(options.chromium)
    if chromium is None:
        print("browser test skipped: Chromium is not installed (apt-get install -y chromium)")
        return 0
    from playwright.sync_api import sync_playwright

    site = os.path.abspath(options.site)
    if not os.path.isfile(os.path.join(site, "index.html")):
        print(f"browser test: {site}/index.html not found; build the site first (recsite build --out {options.site})")
        return 1
    kinds, user = page_kinds(site)
    axe = axe_script()
    if options.screenshots:
        os.makedirs(options.screenshots, exist_ok=True)

    failures = []
    passed = 0

    def check(condition, message):
        nonlocal passed
        if condition:
            passed += 1
        else:
            print("  FAIL  " + message)
            failures.append(message)

    # kind -> impact -> rule id -> number of variants (viewport x theme) it was seen in
    axe_found = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    axe_runs = collections.Counter()

    port = free_port()
    parent, name = os.path.split(site)
    server = serve(parent, port)
    base = f"http://127.0.0.1:{port}/{urllib.parse.quote(name)}/"
    print(f"browser test of {site} at {base} with {chromium}: {len(kinds)} page kinds x 2 viewports x 2 themes")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            for viewport_name, viewport in VIEWPORTS:
                for theme in THEMES:
                    context = browser.new_context(viewport=viewport, device_scale_factor=1,
                                                  is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
                    context.add_init_script("try { localStorage.setItem('recsite-theme', %s); } catch (e) {}" % json.dumps(theme))
                    page = context.new_page()
                    errors = []
                    page.on("console", lambda m: errors.append("console: " + m.text) if m.type in ("error", "assert") else None)
                    page.on("pageerror", lambda e: errors.append("exception: " + str(e)))
                    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} {r.failure}"))
                    variant = f"{viewport_name} {theme}"
                    for kind, path in kinds:
                        where = f"{path} ({variant})"
                        errors.clear()
                        page.goto(base + path, wait_until="load")
                        page.wait_for_timeout(150)
                        check(page.evaluate("document.documentElement.getAttribute('data-theme')") == theme,
                              f"{where}: theme {theme}")
                        facts = page.evaluate(PAGE_FACTS)
                        check(facts["scrollWidth"] <= facts["clientWidth"],
                              f"{where}: no horizontal overflow (scrollWidth {facts['scrollWidth']} > "
                              f"clientWidth {facts['clientWidth']}; wide: {', '.join(facts['wide'])})")
                        check(facts["h1"] == 1, f"{where}: one <h1>")
                        check(facts["toggleInside"], f"{where}: the theme button is inside the window")
                        if viewport is DESKTOP:
                            check(facts["navRows"] == 1, f"{where}: the navigation is one row ({facts['navRows']} rows)")
                        check(facts["uncaptioned"] == 0, f"{where}: {facts['uncaptioned']} of {facts['tables']} tables without a caption")
                        check(facts["unsortable"] == 0, f"{where}: {facts['unsortable']} of {facts['tables']} tables without sort buttons")
                        check(facts["unfiltered"] == 0, f"{where}: {facts['unfiltered']} long tables without a filter box")
                        page.evaluate(axe)
                        result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: %s},"
                                               " resultTypes: ['violations']})" % json.dumps(AXE_TAGS))
                        axe_runs[kind] += 1
                        for violation in result["violations"]:
                            impact = violation.get("impact") or "minor"
                            axe_found[kind][impact][violation["id"]] += 1
                            if impact in ("serious", "critical"):
                                targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:3])
                                check(False, f"{where}: axe {impact} {violation['id']} on {len(violation['nodes'])} "
                                             f"element(s): {targets}")
                        check(not errors, f"{where}: no console errors" + ("" if not errors else ": " + "; ".join(errors[:5])))
                        if kind == "user":
                            check_breakdown_link(page, where, check)
                        if kind == "users":
                            check_sorting(page, where, check)
                            check_filter(page, where, user, check)
                        if options.screenshots and kind in SCREENSHOT_KINDS:
                            page.evaluate("window.scrollTo(0, 0)")
                            height = min(page.evaluate("document.scrollingElement.scrollHeight"),
                                         SCREENSHOT_HEIGHT[viewport_name])
                            page.screenshot(path=os.path.join(options.screenshots, f"{kind}-{viewport_name}-{theme}.png"),
                                            full_page=True, clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
                    check_search(page, base, user, variant, errors, check)
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()

    print("axe-core summary per page kind (4 runs each: phone and desktop, light and dark; rule: runs it was found in):")
    for kind, _ in kinds:
        found = axe_found.get(kind, {})
        counts = {impact: sum(found.get(impact, {}).values()) for impact in ("critical", "serious", "moderate", "minor")}
        detail = "; ".join(f"{impact}: " + ", ".join(f"{rule} ({n})" for rule, n in sorted(found[impact].items()))
                           for impact in ("critical", "serious", "moderate", "minor") if found.get(impact))
        print(f"  {kind:<13} {axe_runs[kind]} runs  critical {counts['critical']}  serious {counts['serious']}  "
              f"moderate {counts['moderate']}  minor {counts['minor']}" + (f"  [{detail}]" if detail else ""))
    if options.screenshots:
        print(f"screenshots in {options.screenshots}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def check_breakdown_link(page, where, check):
    """The first in-page link of the recommendations table lands on its heading."""
    target = page.evaluate("""() => {
      const link = Array.from(document.querySelectorAll('main table a[href^="#"]'))
        .find(a => a.getAttribute('href').length > 1);
      if (!link) { return null; }
      link.scrollIntoView({block: 'center'});
      return link.getAttribute('href').slice(1);
    }""")
    check(target is not None, f"{where}: a recommendation links to its breakdown (href=\"#...\")")
    if target is None:
        return
    page.click(f"main table a[href=\"#{target}\"]")
    # Bootstrap scrolls smoothly: wait until the page stops moving.
    page.wait_for_function("""() => new Promise(done => {
      let last = -1, still = 0;
      const tick = () => { const y = window.scrollY; still = y === last ? still + 1 : 0; last = y;
                           if (still >= 3) { done(true); } else { requestAnimationFrame(tick); } };
      tick();
    })""", timeout=10000)
    landed = page.evaluate("""(id) => {
      const heading = document.getElementById(id);
      if (!heading) { return {found: false}; }
      const box = heading.getBoundingClientRect();
      return {found: true, tag: heading.tagName, hash: decodeURIComponent(location.hash.slice(1)),
              top: box.top, height: window.innerHeight};
    }""", target)
    check(landed["found"] and landed["tag"] in ("H2", "H3", "H4") and landed["hash"] == target
          and -2 <= landed["top"] < landed["height"] / 2,
          f"{where}: the link #{target} lands on its heading ({landed})")


def check_sorting(page, where, check):
    """A numeric header sorts descending first, then ascending; aria-sort says so."""
    column = page.evaluate("""() => {
      const table = document.querySelector('main table');
      const headers = Array.from(table.tHead.rows[0].cells);
      return headers.findIndex(h => h.getAttribute('data-sort-type') === 'number');
    }""")
    check(column >= 0, f"{where}: the table has a numeric column")
    if column < 0:
        return
    values = """(column) => Array.from(document.querySelector('main table').tBodies[0].rows)
      .map(r => r.cells[column]).map(c => parseFloat(c.getAttribute('data-value') ?? c.textContent.replace(/,/g, '')))"""
    button = page.locator("main table").first.locator("thead th").nth(column).locator("button")
    button.click()
    first = page.evaluate(values, column)
    sort = page.evaluate("(c) => document.querySelector('main table').tHead.rows[0].cells[c].getAttribute('aria-sort')", column)
    check(sort == "descending" and first == sorted(first, reverse=True),
          f"{where}: first click on numeric column {column} sorts descending (aria-sort={sort})")
    button.click()
    second = page.evaluate(values, column)
    sort = page.evaluate("(c) => document.querySelector('main table').tHead.rows[0].cells[c].getAttribute('aria-sort')", column)
    check(sort == "ascending" and second == sorted(second), f"{where}: second click sorts ascending (aria-sort={sort})")


def check_filter(page, where, user, check):
    rows = "Array.from(document.querySelector('main table').tBodies[0].rows)"
    total = page.evaluate(rows + ".length")
    page.fill(".table-filter", user.get("name") or user["id"])
    shown = page.evaluate(rows + ".filter(r => !r.hidden).length")
    check(1 <= shown < total, f"{where}: the filter keeps {shown} of {total} rows")
    page.fill(".table-filter", "")


def check_search(page, base, user, variant, errors, check):
    """The navigation search finds a user by the first word of the name."""
    errors.clear()
    page.goto(base + "index.html", wait_until="load")
    if page.is_visible(".navbar-toggler"):
        page.click(".navbar-toggler")
        page.wait_for_selector("#site-search-input", state="visible")
    query = user["name"].split()[0] if user.get("name") else user["id"]
    page.fill("#site-search-input", query)
    selector = f"#site-search-results a[data-search-result=\"user\"][href$=\"{user['page']}\"]"
    try:
        page.wait_for_selector(selector, timeout=5000)
        found = True
    except Exception:
        found = False
    check(found, f"search ({variant}): typing {query!r} finds {user.get('name')!r}")
    # "u" matches every user ID: the group says "8 of N" and links the filtered users index.
    page.fill("#site-search-input", "u")
    try:
        page.wait_for_selector("#site-search-results a[data-search-all=\"users\"]", timeout=5000)
        heading = page.evaluate("document.querySelector('#site-search-results .list-group-item').textContent")
        total = int(heading.rsplit(" of ", 1)[1]) if " of " in heading else 0
        page.click("#site-search-results a[data-search-all=\"users\"]")
        page.wait_for_load_state("load")
        value = page.input_value("main input.table-filter")
        shown = page.evaluate("Array.from(document.querySelectorAll('main table tbody tr')).filter(r => !r.hidden).length")
        check(value == "u" and shown == total > 8,
              f"search ({variant}): 'all {total} users' opens the users index filtered to {shown} rows")
    except Exception as error:
        check(False, f"search ({variant}): the 'all results' link works ({error})")
    check(not errors, f"search ({variant}): no console errors" + ("" if not errors else ": " + "; ".join(errors[:5])))


if __name__ == "__main__":
    sys.exit(main())
