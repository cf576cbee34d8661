"""Render HTML in headless Chromium: a PNG screenshot, or the DOM as the browser built it.

Used by the scripts that draw the pictures in ``docs/images`` and by the tests that
check what a browser makes of the notebook HTML. Needs a ``chromium`` binary
(Debian: ``apt-get install -y chromium``). Each run gets a fresh profile directory
and no network, sync or update traffic.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

_FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
_TIMEOUT: Final = 60
_PAGE: Final = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>secevents</title></head>'
    '<body style="margin:16px;background:white">{body}</body></html>'
)


def chromium() -> str | None:
    """The path of the Chromium binary, or ``None`` when none is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(body: str, *options: str) -> str:
    binary = chromium()
    if binary is None:
        raise RuntimeError("no chromium binary: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="secevents-chromium-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(_PAGE.format(body=body), encoding="utf-8")
        profile = Path(scratch) / "profile"
        command = [binary, *_FLAGS, f"--user-data-dir={profile}", *options, page.as_uri()]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=_TIMEOUT, check=False, cwd=scratch
        )
        if done.returncode != 0:
            raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
        return done.stdout


def dump_dom(body: str) -> str:
    """The page's DOM serialized after Chromium parsed ``body`` (HTML of a ``<body>``)."""
    return _run(body, "--dump-dom")


def screenshot(body: str, target: Path, *, width: int = 1100, height: int = 3000) -> None:
    """A PNG of ``body`` rendered ``width`` pixels wide, cropped below the content."""
    from PIL import Image, ImageChops

    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _run(body, f"--window-size={width},{height}", f"--screenshot={target}")
    with Image.open(target) as shot:
        image = shot.convert("RGB")
    blank = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, blank).getbbox()
    if box is not None:
        image = image.crop((0, 0, width, min(height, box[3] + 16)))
    image.save(target, optimize=True)
