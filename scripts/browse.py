#!/usr/bin/env python3
"""Drives headless Chromium through a list of steps, as a person at the browser would.

    scripts/browse.py STEPS.json OUT-FOLDER

Chromium is Debian's `chromium`, spoken to over the DevTools protocol on a pipe
(--remote-debugging-pipe: commands on its fd 3, replies on its fd 4), so nothing but the Python
standard library is needed. The steps are a JSON list; each is one of
  {"go": URL}                        open URL and wait for the page to load
  {"fill": CSS, "value": TEXT}       type TEXT into the field CSS selects
  {"click": CSS}                     click the element (a submit button: waits for the next page)
  {"dump": NAME}                     keep the page's URL, status and HTML as NAME
  {"shot": FILE}                     a PNG of the whole page into OUT-FOLDER/FILE
  {"script": FILE}                   run the JavaScript file FILE in the page (a measure)
  {"pdf": FILE}                      the page printed (A4, as the print stylesheet lays it out)
                                     into OUT-FOLDER/FILE
It prints one JSON object: {NAME: {"url": ..., "html": ...}, ...}. A step that fails (no such
element, no page loaded in 30 s) ends the run with exit status 1 and the reason on stderr.
"""
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 30


class Browser:
    def __init__(self, profile):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise SystemExit("chromium is missing: scripts/install-prerequisites --tests installs it")
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def give_pipes():
            a, b = os.dup(commands_read), os.dup(replies_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1366,768",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"],
            pass_fds=(3, 4), preexec_fn=give_pipes, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(replies_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def message(self):
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.replies], [], [], TIMEOUT)
            if not ready:
                raise RuntimeError("Chromium did not answer in time")
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = self.session
        os.write(self.commands, json.dumps(request).encode() + b"\0")
        while True:
            reply = self.message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[: index + 1]
                    return event
            self.events.append(self.message())

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def go(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")

    def fill(self, selector, value):
        found = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false;"
            f" e.value = {json.dumps(value)}; return true; }})()")
        if not found:
            raise RuntimeError(f"no field {selector}")

    def click(self, selector):
        self.events.clear()
        kind = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            f" const submits = e.type === 'submit'; e.click(); return submits; }})()")
        if kind is None:
            raise RuntimeError(f"nothing to click at {selector}")
        if kind:
            self.wait_for("Page.loadEventFired")

    def dump(self):
        return {"url": self.evaluate("location.href"), "html": self.evaluate("document.documentElement.outerHTML")}

    def shot(self, path):
        metrics = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": max(metrics["width"], 1366), "height": metrics["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                         session=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def script(self, path):
        with open(path, encoding="utf-8") as file:
            self.evaluate(file.read())

    def pdf(self, path):
        data = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                             "displayHeaderFooter": False}, session=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    steps = json.load(open(sys.argv[1], encoding="utf-8"))
    folder = sys.argv[2]
    pages = {}
    with tempfile.TemporaryDirectory(prefix="papi-browse-") as profile:
        browser = Browser(profile)
        try:
            for step in steps:
                if "go" in step:
                    browser.go(step["go"])
                elif "fill" in step:
                    browser.fill(step["fill"], step["value"])
                elif "click" in step:
                    browser.click(step["click"])
                elif "dump" in step:
                    pages[step["dump"]] = browser.dump()
                elif "shot" in step:
                    browser.shot(os.path.join(folder, step["shot"]))
                elif "script" in step:
                    browser.script(step["script"])
                elif "pdf" in step:
                    browser.pdf(os.path.join(folder, step["pdf"]))
                else:
                    raise RuntimeError(f"unknown step {step}")
        except RuntimeError as error:
            print(f"browse.py: {error}", file=sys.stderr)
            print(json.dumps(pages))
            sys.exit(1)
        finally:
            browser.close()
    print(json.dumps(pages))


if __name__ == "__main__":
    main()
