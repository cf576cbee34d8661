"""Draw the pictures of ``docs/notebook.md``: a report, a collection, a timeline and a map,
each rendered in headless Chromium as a notebook would show it.

The corpus reports (``tests/data/corpus``) are extracted into one collection. The map
is drawn offline: Leaflet, jQuery (folium's popups use it) and a world outline come
from npm packages unpacked in a folder given with ``--npm`` (no tiles are fetched)::

    apt-get install -y chromium                          # once
    mkdir -p /tmp/npm && cd /tmp/npm \\
        && npm pack leaflet@1.9.3 jquery@3.7.1 geojson-world-map@0.0.2 \\
        && for f in *.tgz; do tar -xzf "$f" --one-top-level="${f%.tgz}"; done
    .venv/bin/python scripts/notebook_pictures.py --npm /tmp/npm
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import secevents as se

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from render_html import _FLAGS, _TIMEOUT, chromium, screenshot  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
IMAGES = ROOT / "docs" / "images"
_LEAFLET_CDN = re.compile(
    r"https://cdn\.jsdelivr\.net/npm/leaflet@[0-9.]+/dist/(leaflet\.(?:js|css))"
)
_JQUERY_CDN = re.compile(r"https://code\.jquery\.com/jquery-[0-9.]+\.min\.js")


def corpus_collection() -> tuple[se.Report, se.EventCollection]:
    """The seed report and the collection of every corpus report, as docs/notebook.md makes."""
    texts = [json.loads(path.read_text("utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))]
    reports = [se.extract(text) for text in texts]
    seed = next(
        r for r, p in zip(reports, sorted(CORPUS.glob("*.json")), strict=True) if p.stem == "seed"
    )
    return seed, se.EventCollection(reports)


def timeline_html(events: se.EventCollection) -> str:
    """The timeline as the notebook's inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(10, 3.2))
    events.between("2014", "2025").timeline(ax)
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def map_page(events: se.EventCollection, npm: Path) -> str:
    """The map's page with Leaflet and the world outline from the unpacked npm packages."""
    import folium

    world_js = (npm / "geojson-world-map-0.0.2" / "package" / "lib" / "world.js").read_text()
    world = json.loads(world_js[world_js.index("{") : world_js.rindex("}") + 1])
    placed = events.map(tiles=None)
    outline = folium.GeoJson(
        world,
        name="countries",
        style_function=lambda _: {
            "color": "#999",
            "weight": 1,
            "fillColor": "#f4f1ea",
            "fillOpacity": 1,
        },
        control=False,
    )
    outline.add_to(placed)
    # The outline goes under the events: move it to the front of the map's children.
    placed._children.move_to_end(outline.get_name(), last=False)
    page = placed.get_root().render()
    dist = npm / "leaflet-1.9.3" / "package" / "dist"
    page = _LEAFLET_CDN.sub(lambda m: (dist / m.group(1)).as_uri(), page)
    jquery = npm / "jquery-3.7.1" / "package" / "dist" / "jquery.min.js"
    return _JQUERY_CDN.sub(jquery.as_uri(), page)


def shoot_page(page: str, target: Path, *, width: int, height: int) -> None:
    """A PNG of a whole HTML page, after its scripts ran."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("no chromium binary: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="secevents-chromium-") as scratch:
        path = Path(scratch) / "page.html"
        path.write_text(page, encoding="utf-8")
        command = [
            binary, *_FLAGS, f"--user-data-dir={Path(scratch) / 'profile'}",
            "--allow-file-access-from-files", "--virtual-time-budget=5000",
            f"--window-size={width},{height}", f"--screenshot={target.resolve()}", path.as_uri(),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=True, cwd=scratch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--npm", type=Path, required=True, help="folder of the unpacked npm packages"
    )
    args = parser.parse_args()
    seed, events = corpus_collection()
    screenshot(seed._repr_html_(), IMAGES / "notebook-report.png")
    screenshot(events.sort_by("date")[:12]._repr_html_(), IMAGES / "notebook-collection.png")
    screenshot(timeline_html(events), IMAGES / "notebook-timeline.png")
    shoot_page(map_page(events, args.npm), IMAGES / "notebook-map.png", width=1000, height=560)
    for name in ("report", "collection", "timeline", "map"):
        print(f"wrote docs/images/notebook-{name}.png")


if __name__ == "__main__":
    main()
