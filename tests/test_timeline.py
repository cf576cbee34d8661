"""The matplotlib timeline: a PNG is written, rows and counts are right, the extra is named."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import secevents as se
from secevents.notebook.collection import EventCollection
from secevents.notebook.timeline import timeline

matplotlib = pytest.importorskip("matplotlib", reason="the plot extra is not installed")
matplotlib.use("Agg")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def day(text: str) -> se.DateSpan:
    return se.DateSpan.parse(text)


def sample() -> EventCollection:
    return EventCollection(
        [
            se.JointExercise(date=day("2021-10-23"), participants=(se.Actor.state("RUS"),)),
            se.JointExercise(date=day("2019-09-16/2019-09-21"), name="Tsentr-2019"),
            se.BaseConstruction(date=day("2016"), host=se.Actor.state("TJK")),
            se.BaseConstruction(date=day("2021-10-27/.."), host=se.Actor.state("TJK")),
            se.Statement(content="undated"),
        ]
    )


def test_timeline_writes_a_png(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    ax = sample().timeline()
    path = tmp_path / "timeline.png"
    ax.figure.savefig(path)  # type: ignore[union-attr]
    plt.close(ax.figure)  # type: ignore[arg-type]
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 5_000
    from PIL import Image

    with Image.open(path) as image:
        image.verify()
        assert image.size[0] > 300 and image.size[1] > 100


def test_rows_labels_and_title() -> None:
    import matplotlib.pyplot as plt

    ax = sample().timeline()
    labels = [label.get_text() for label in ax.get_yticklabels()]
    # Rows count what they draw: the one statement is undated, counted in the title only.
    assert labels == ["base_construction (2)", "joint_exercise (2)", "statement (0)"]
    assert ax.get_title() == "5 events (1 undated, not shown)"
    bars = [collection for collection in ax.collections if len(collection.get_paths())]
    assert sum(len(collection.get_paths()) for collection in bars) == 3  # the intervals
    points = [list(line.get_xdata()) for line in ax.get_lines()]  # type: ignore[arg-type]
    assert sum(len(xs) for xs in points) == 1  # the single day
    plt.close(ax.figure)  # type: ignore[arg-type]


def test_draws_on_a_given_axes_grouped_by_country() -> None:
    import matplotlib.pyplot as plt

    fig, given = plt.subplots()
    events = EventCollection(
        [
            se.Statement(content="a", date=day("2021-10-23"), location=se.Location(country="TJK")),
            se.Statement(content="b", date=day("2021-10-24"), location=se.Location(country="AFG")),
        ]
    )
    ax = timeline(events, given, by="country")
    assert ax is given
    assert [label.get_text() for label in ax.get_yticklabels()] == ["AFG (1)", "TJK (1)"]
    plt.close(fig)


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'secevents\[plot\]'"):
        sample().timeline()
