#!/usr/bin/env python3
"""Browser check of a built recsite site, with headless Chromium.

Serves the site's parent folder with `python3 -m http.server` on 127.0.0.1,
so the site is opened under a base path (/<name>/), and drives Chromium
over the DevTools protocol on a pipe (--remote-debugging-pipe: no
websocket library needed, standard library only). It checks that

  * index.html, a user page, users/index.html and compare.html load with
    no console error, no uncaught exception and no failed request;
  * the navigation search finds a user by name (over http, via
    api/users.json) and from file:// (via assets/search-index.js);
  * the users table got its sort buttons and the theme toggle works;

and saves screenshots of the index, the user page and the compare page.

Usage: scripts/browser-check.py [--site DIR] [--screenshots DIR]
Exit status: 0 passed (or skipped: Chromium missing), 1 a check failed.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium and one page, spoken to over the DevTools pipe."""

    def __init__(self, executable, profile):
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()
        arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile,
                     "about:blank"]
        # Chromium reads commands on fd 3 and answers on fd 4; sh puts the pipes there.
        self.process = subprocess.Popen(
            ["sh", "-c", f'exec "$0" "$@" 3<&{to_child_read} 4>&{from_child_write}', executable] + arguments,
            pass_fds=(to_child_read, from_child_write),
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(profile, "chromium.log"), "wb"))
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def _send(self, message):
        os.write(self._to_child, json.dumps(message).encode() + b"\0")

    def _receive(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self._buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False, timeout=30):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        while True:
            reply = self._receive(timeout)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[index]
                    return event
            self.events.append(self._receive(max(0.1, deadline - time.time())))

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for_event("Page.loadEventFired")
        self.settle()

    def settle(self, seconds=0.3):
        """Collects events for a moment (scripts run after the load event)."""
        self.evaluate("new Promise(r => setTimeout(r, %d))" % int(seconds * 1000))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:400])
        return result.get("result", {}).get("value")

    def wait_until(self, expression, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.1)
        return False

    def errors(self):
        """Console errors, uncaught exceptions and failed requests seen since the last open()."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                found.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                found.append(f"request failed: {params.get('errorText')}")
        return found

    def screenshot(self, path):
        height = self.evaluate("Math.min(document.documentElement.scrollHeight, 4000)") or 1000
        data = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}}, session=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    parser.add_argument("--screenshots", default=os.path.join(tempfile.gettempdir(), "recsite-browser"),
                        help="folder for the PNG screenshots (default: /tmp/recsite-browser)")
    options = parser.parse_args()

    chromium = find_chromium()
    if chromium is None:
        print("browser check skipped: Chromium is not installed (apt-get install -y chromium)")
        return 0
    site = os.path.abspath(options.site)
    if not os.path.isfile(os.path.join(site, "index.html")):
        print(f"browser check: {site}/index.html not found; build the site first (recsite build --out {options.site})")
        return 1
    with open(os.path.join(site, "api", "users.json"), encoding="utf-8") as file:
        users = json.load(file)
    user = next((u for u in users if u["name"] and u["items"] > 0), None) or users[0]
    os.makedirs(options.screenshots, exist_ok=True)

    failures = []

    def check(condition, message):
        print(("  ok    " if condition else "  FAIL  ") + message)
        if not condition:
            failures.append(message)

    port = free_port()
    parent, name = os.path.split(site)
    server = serve(parent, port)
    profile = tempfile.mkdtemp(prefix="recsite-chromium-")
    browser = None
    try:
        browser = Browser(chromium, profile)
        base = f"http://127.0.0.1:{port}/{urllib.parse.quote(name)}/"
        print(f"browser check of {site} at {base} with {chromium}")

        pages = [("index", "index.html"), ("user", user["page"]), ("users", "users/index.html"), ("compare", "compare.html")]
        for label, page in pages:
            browser.open(base + page)
            errors = browser.errors()
            check(not errors, f"{page}: no console errors" + ("" if not errors else ": " + "; ".join(errors[:5])))
            check(browser.evaluate("document.querySelectorAll('h1').length") == 1, f"{page}: one <h1>")
            check(browser.evaluate("getComputedStyle(document.querySelector('.navbar')).display") != "none"
                  and browser.evaluate("!!document.querySelector('link[href$=\"bootstrap.min.css\"]').sheet"),
                  f"{page}: Bootstrap CSS loaded")
            if label == "users":
                check(browser.evaluate("document.querySelectorAll('main th .sort-button').length") > 0,
                      "users/index.html: sortable table headers")
                browser.evaluate("document.querySelector('main th .sort-button').click()")
                check(browser.evaluate("document.querySelector('main th').getAttribute('aria-sort')") == "ascending",
                      "users/index.html: a header click sorts")
                rows = "Array.from(document.querySelectorAll('main table')[0].tBodies[0].rows)"
                total = browser.evaluate(rows + ".length")
                browser.evaluate("(() => { const f = document.querySelector('.table-filter'); f.value = %s;"
                                 " f.dispatchEvent(new Event('input')); })()" % json.dumps(user["name"] or user["id"]))
                shown = browser.evaluate(rows + ".filter(r => !r.hidden).length")
                check(1 <= shown < total, f"users/index.html: the filter keeps {shown} of {total} rows")
            if label in ("index", "user", "compare"):
                browser.screenshot(os.path.join(options.screenshots, label + ".png"))

        query = user["name"].split()[0] if user["name"] else user["id"]
        find_user = ("Array.from(document.querySelectorAll('#site-search-results a[data-search-result=\"user\"]'))"
                     ".some(a => a.textContent.includes(%s) && a.getAttribute('href').endsWith(%s))"
                     % (json.dumps(user["name"] or user["id"]), json.dumps(user["page"])))
        browser.open(base + "index.html")
        browser.evaluate("(() => { const i = document.getElementById('site-search-input');"
                         " i.focus(); i.value = %s; i.dispatchEvent(new Event('input')); })()" % json.dumps(query))
        check(browser.wait_until(find_user), f"search over http finds {user['name']!r} by typing {query!r}")
        check(not browser.errors(), "search over http: no console errors")

        browser.open("file://" + urllib.parse.quote(os.path.join(site, "index.html")) + "?q=" + urllib.parse.quote(query))
        check(browser.wait_until(find_user), f"search from file:// finds {user['name']!r}")
        check(not browser.errors(), "file:// page: no console errors")

        browser.open(base + user["page"])
        before = browser.evaluate("document.documentElement.getAttribute('data-theme')")
        browser.evaluate("document.getElementById('theme-toggle').click()")
        after = browser.evaluate("document.documentElement.getAttribute('data-theme')")
        stored = browser.evaluate("localStorage.getItem('recsite-theme')")
        check(before != after and stored == after, f"theme toggle: {before} -> {after}, remembered")
        browser.screenshot(os.path.join(options.screenshots, "user-" + (after or "dark") + ".png"))
        browser.evaluate("localStorage.removeItem('recsite-theme')")
    finally:
        if browser:
            browser.close()
        server.terminate()
        server.wait()
        shutil.rmtree(profile, ignore_errors=True)

    print(f"screenshots in {options.screenshots}: " + ", ".join(sorted(os.listdir(options.screenshots))))
    if failures:
        print(f"browser check FAILED: {len(failures)} problem(s)")
        return 1
    print("browser check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
