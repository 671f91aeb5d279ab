"""A report opens in a real browser with its charts: headless Chromium (Debian's ``chromium``,
installed by ``.ci/run``) loads the HTML file, and a script added for the test counts the
images that decoded. The test fails, never skips, when the browser is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .cli import MINIMAL, run_game

COUNT_IMAGES = """<script>
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const shown = images.filter((i) => i.complete && i.naturalWidth > 100);
  document.title = "images " + shown.length + " of " + images.length;
});
</script>
</body>"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "no chromium on PATH: .ci/run installs Debian's chromium package"
    return found


def test_a_report_opens_in_chromium_with_its_charts(tmp_path: Path) -> None:
    """A comparison report (with the differences chart) and its tables render; every one of
    its images decodes to a picture more than 100 pixels wide."""
    out = tmp_path / "c.json"
    done = run_game("compare", str(MINIMAL), str(MINIMAL), "--runs", "40", "--out", str(out),
                    "--quiet")  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = tmp_path / "report.html"
    done = run_game("report", str(out), "--html", str(page))
    assert done.returncode == 0, done.stderr
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text().replace("</body>", COUNT_IMAGES))
    shown = subprocess.run(
        [
            chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr[-2000:]
    title = re.search(r"<title>(.*?)</title>", shown.stdout)
    assert title is not None, shown.stdout[:500]
    count = page.read_text().count("<img ")
    assert count >= 3
    assert title.group(1) == f"images {count} of {count}"
    assert "Who wins</h2>" in shown.stdout and "<table>" in shown.stdout
