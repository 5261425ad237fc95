"""The dashboard in a real browser: how long each page takes to settle in headless Chromium, cold, warm and after
one widget change, and what it sends and draws.

Usage: python benchmarks/browser_times.py [--store DIR] [--pages overview,timeline,...] [--pick TEXT]
                                         [--env NAME=VALUE ...]

Starts `streamlit run dashboard.py` on a free port (read-only, on the store given: the shipped one by default),
then, for each page:
1. cold: the page's first visit on this server, in a fresh browser context (empty cache; the first page also pays
   for opening the store);
2. warm: the same URL again in a new tab of that context (the frontend's code cached, a new session);
3. change: on the warm page, one widget changed as a person would (the page's speaker, actor or outlet box;
   the article page's is not changed: choosing there sent no message the benchmark saw): `--pick` typed in it,
   then the option that reads exactly so chosen, else the first.
Each is timed from the action to the page settled: the script's run finished (its `script_finished` message),
Streamlit's "running" status gone, every Plotly chart it was sent drawn, and neither a websocket message, nor a
change in the number of DOM nodes, nor an HTTP request in flight (the frontend loads some elements' code lazily)
for 1 s (the settle time is the last of those events). The script time is when its `script_finished` message
came: the rest of the settle time is the browser's (receiving, laying out, drawing). Beside the times: the bytes
of websocket messages received (with the three element kinds that weigh most: plotly_chart, dataframe,
multiselect...), the DOM nodes, and the Plotly traces and points drawn.

Needs Playwright and Chromium (/usr/bin/chromium: `apt-get install chromium`). Prints a table; the last line is
one JSON object: {"store", "load_avg", "pages": {page: {cold_s, warm_s, change_s, ...}}, "max_cold_s",
"max_warm_s", "max_change_s"}.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {  # URL path → the box a person changes first on it (its aria label), or None
    "overview": ("", "Outlet"),
    "timeline": ("timeline", "Actor or speaker"),
    "who_said_what": ("who_said_what", "Speaker"),
    "quotes": ("quotes", "Speaker"),
    "article": ("article", None),
    "speaker": ("speaker", "Speaker"),
}
QUIET_S = 1.0  # no message, no DOM change and no "running" status for this long: settled
TIMEOUT_S = 180.0
GIVE_UP_S = 20.0  # a chart still not drawn after this long with nothing else moving (hidden in an expander)

PAGE_STATE_JS = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const len = a => (a && a.length) || 0;
  const traces = plots.reduce((n, p) => n + len(p._fullData || p.data), 0);
  const points = plots.reduce((n, p) => n + (p._fullData || p.data || []).reduce(
      (m, t) => m + Math.max(len(t.x), len(t.y), len(t.z)), 0), 0);
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")];
  const drawn = charts.filter(p => p.querySelector('svg.main-svg')).length;
  return {nodes: document.getElementsByTagName('*').length,
          running: document.querySelectorAll("[data-testid='stStatusWidget']").length > 0,
          h1: document.querySelectorAll("[data-testid='stMain'] h1").length,
          plots: charts.length, undrawn: charts.length - drawn, drawn,
          traces, points};
}"""


class NotStarted(RuntimeError):
    """The dashboard server did not answer its health check in time."""


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dashboard(env: dict[str, str], *, log: Path | None = None, wait: float = 120) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free port (its output to `log`); yields its base URL, stops it afterwards."""
    port = free_port()
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below, after the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + wait
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read().strip() == b"ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise NotStarted(f"the dashboard did not start within {wait:.0f} s") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()


def element_type(payload: bytes) -> tuple[str, tuple[int, ...]]:
    """The kind of element a Streamlit websocket message carries ("plotly_chart", "dataframe", ...), or its type,
    and the element's place on the page."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        msg = ForwardMsg.FromString(payload)
    except Exception:  # noqa: BLE001 - a frame that is not a ForwardMsg is counted, not parsed
        return "other", ()
    kind = msg.WhichOneof("type") or "other"
    if kind != "delta":
        return kind, ()
    delta, path = msg.delta, tuple(msg.metadata.delta_path)
    if delta.WhichOneof("type") == "new_element":
        return delta.new_element.WhichOneof("type") or "element", path
    return delta.WhichOneof("type") or "delta", path


class Watch:
    """The websocket messages a page receives: their time, size and element kind."""

    def __init__(self, pg) -> None:
        self.frames: list[tuple[float, int, str, tuple[int, ...]]] = []
        self.inflight: set[object] = set()
        self.last_request = 0.0
        pg.on("websocket", self.attach)
        pg.on("request", self.started)
        pg.on("requestfinished", self.ended)
        pg.on("requestfailed", self.ended)

    def started(self, request) -> None:
        self.inflight.add(request)
        self.last_request = time.perf_counter()

    def ended(self, request) -> None:
        self.inflight.discard(request)
        self.last_request = time.perf_counter()

    def attach(self, ws) -> None:
        ws.on("framereceived", self.frame)

    def frame(self, payload) -> None:
        raw = payload if isinstance(payload, bytes) else payload.encode()
        kind, path = element_type(raw)
        self.frames.append((time.perf_counter(), len(raw), kind, path))

    def since(self, t0: float) -> list[tuple[float, int, str, tuple[int, ...]]]:
        return [f for f in self.frames if f[0] >= t0]

    def charts(self, t0: float) -> int:
        """How many Plotly charts the page was sent since t0 (each place counted once)."""
        return len({f[3] for f in self.since(t0) if f[2] == "plotly_chart"})


def settle(pg, watch: Watch, t0: float) -> dict:
    """Wait until the page has settled; its settle time (s after t0), bytes received and what it draws."""
    last_change, last_nodes, state = t0, -1, {}
    while True:
        now = time.perf_counter()
        if now - t0 > TIMEOUT_S:
            raise SystemExit(f"{pg.url}: not settled after {TIMEOUT_S:.0f} s ({state}; requests in flight: "
                             f"{len(watch.inflight)}; messages: {[f[2] for f in watch.since(t0)][-5:]})")
        state = pg.evaluate(PAGE_STATE_JS)
        frames = watch.since(t0)
        if state["nodes"] != last_nodes or state["running"] or not state["h1"] or watch.inflight:
            last_change, last_nodes = now, state["nodes"]
        last = max([last_change, watch.last_request] + [f[0] for f in frames])
        undrawn = state["undrawn"] or state["drawn"] < watch.charts(t0)
        finished = any(f[2] == "script_finished" for f in frames)
        if now - last >= QUIET_S and finished and not (undrawn and now - last < GIVE_UP_S):
            break
        pg.wait_for_timeout(100)
    frames = watch.since(t0)
    kinds = Counter()
    for _, size, kind, _ in frames:
        kinds[kind] += size
    script = max((f[0] for f in frames if f[2] == "script_finished"), default=last)
    return {"s": round(last - t0, 2), "script_s": round(script - t0, 2),
            "ws_kb": round(sum(f[1] for f in frames) / 1024, 1),
            "top": {k: round(v / 1024, 1) for k, v in kinds.most_common(3)}, "nodes": state["nodes"],
            "traces": state["traces"], "points": state["points"]}


def visit(context, url: str) -> tuple[object, Watch, dict]:
    """Open `url` in a new tab of `context`; the tab, its watch and its settle figures."""
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_S * 1000)
    watch = Watch(pg)
    t0 = time.perf_counter()
    pg.goto(url)
    return pg, watch, settle(pg, watch, t0)


def change(pg, watch: Watch, label: str, pick: str) -> dict | None:
    """Type `pick` in the box labelled `label` and choose the option that reads `pick`, else the first it leaves;
    its settle figures (None when the page has no such box or no such option)."""
    box = pg.locator(f"input[aria-label='{label}']").or_(pg.get_by_role("combobox", name=label, exact=True)).first
    try:
        box.wait_for(timeout=10_000)
    except Exception:  # noqa: BLE001 - the page has no such box
        return None
    box.click()
    if pick:
        pg.keyboard.type(pick)
    option = pg.locator("[role='option']").first
    try:
        option.wait_for(timeout=30_000)
    except Exception:  # noqa: BLE001 - an empty box: nothing to choose
        return None
    exact = pg.get_by_role("option", name=pick, exact=True)  # not the typed text offered as a new option
    if pick and exact.count():
        option = exact.first
    t0 = time.perf_counter()
    option.click()
    figures = settle(pg, watch, t0)
    pg.keyboard.press("Escape")
    return figures


def measure(browser, url: str, pages: list[str], pick: str) -> dict[str, dict]:
    """Cold, warm and change figures for each page."""
    out: dict[str, dict] = {}
    for name in pages:
        path, label = PAGES[name]
        context = browser.new_context(viewport={"width": 1400, "height": 1000})  # empty cache, no cookies
        pg, _, cold = visit(context, f"{url}/{path}")
        pg.close()
        pg, watch, warm = visit(context, f"{url}/{path}")  # the frontend's code cached, as on a second visit
        changed = change(pg, watch, label, pick) if label else None
        context.close()
        out[name] = {"cold": cold, "warm": warm, "change": changed}
    return out


def table(results: dict[str, dict]) -> str:
    """The figures as a text table."""
    head = (f"{'page':<14} {'run':<7} {'settle s':>8} {'script s':>8} {'ws KB':>8} {'DOM nodes':>9} {'traces':>6} "
            f"{'points':>7}  heaviest messages (KB)")
    lines = [head]
    for name, runs in results.items():
        for run, r in runs.items():
            if r is None:
                lines.append(f"{name:<14} {run:<7} {'(no box)':>8}")
                continue
            top = ", ".join(f"{k} {v:,.1f}" for k, v in r["top"].items())
            lines.append(f"{name:<14} {run:<7} {r['s']:>8.2f} {r['script_s']:>8.2f} {r['ws_kb']:>8,.1f} "
                         f"{r['nodes']:>9,} {r['traces']:>6} "
                         f"{r['points']:>7,}  {top}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(ROOT / "data" / "processed"), help="the store to open (read only)")
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated pages, of " + ", ".join(PAGES))
    ap.add_argument("--pick", default="", help="text typed in the box changed on each page before choosing its first "
                    "option (e.g. a name), so that runs with other settings choose the same")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                    help="a setting for the dashboard, e.g. WHOSAID_OPTION_LIMIT=50 (repeatable)")
    args = ap.parse_args(argv)
    pages = [p for p in args.pages.split(",") if p]
    unknown = [p for p in pages if p not in PAGES]
    if unknown:
        ap.error(f"unknown page(s): {', '.join(unknown)}")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium")
    env = {"WHOSAID_STORE": str(Path(args.store).resolve()), "WHOSAID_READ_ONLY": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "lib"), os.environ.get("PYTHONPATH")]))}
    env.update(dict(e.split("=", 1) for e in args.env))
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()
    with dashboard(env) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results = measure(browser, url, pages, args.pick)
        finally:
            browser.close()
    print(f"store {args.store}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end")
    print(table(results))
    fields = ("s", "script_s", "ws_kb", "nodes", "traces", "points")
    runs = {n: {f"{k}_{field}": (r or {}).get(field) for k, r in v.items() for field in fields}
            for n, v in results.items()}
    summary = {"store": args.store, "load_avg": round(load[0], 2), "pages": runs}
    for run in ("cold", "warm", "change"):
        values = [r[run]["s"] for r in results.values() if r[run]]
        summary[f"max_{run}_s"] = max(values) if values else None
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
