"""An inspect page as a browser draws it: headless Chromium takes a screenshot, and its pixels
must show the removal kinds' colours where the article has them (and not where it has not).

The PNG is decoded here with zlib and struct (rows unfiltered as the PNG specification says),
so the test needs no imaging library; NumPy, a dependency of the package, counts the pixels.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest

from workers.inspect.render import render_page
from workers.inspect.style import REMOVAL_COLOURS
from workers.inspect.view import Inspected

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
WIDTH, HEIGHT = 1000, 900

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to take a screenshot with (Debian: apt-get install chromium; .ci/run does)",
)

SENTENCE = "Story continues below this advertisement, and so does this long removed line. "
PROMO = "ये भी पढ़ें : दिल्ली में बारिश से यातायात प्रभावित, पूरी खबर यहां पढ़ें और आगे भी "
ARTICLE = Inspected(
    origin="screenshot.txt",
    article_id="shot",
    lines=[
        (1, "Lucknow: the body of the article stays as it is, with no colour behind it."),
        (2, SENTENCE * 4),
        (3, PROMO * 3),
        (4, "Another body line that is not removed at all."),
    ],
    removed=[
        {"kind": "advertisement", "text": SENTENCE * 4, "line": 2},
        {"kind": "read_also", "text": PROMO * 3, "line": 3},
    ],
    language="hi",
)


def screenshot(page: str, folder: Path) -> bytes:
    html, png = folder / "page.html", folder / "page.png"
    html.write_text(page, "utf-8")
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",  # as root (CI): Chromium refuses to start sandboxed
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={folder / 'profile'}",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--screenshot={png}",
        html.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return png.read_bytes()


def decode_png(data: bytes) -> np.ndarray:
    """An 8-bit RGB or RGBA, non-interlaced PNG as a (height, width, channels) array."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, header = 8, b"", b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = np.zeros((height, stride), dtype=np.uint8)
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        unfilter(raw[start], line, previous, channels)
        rows[y] = np.frombuffer(bytes(line), dtype=np.uint8)
        previous = line
    return rows.reshape(height, width, channels)


def unfilter(kind: int, line: bytearray, up: bytearray, bpp: int) -> None:
    """Undo one row's PNG filter in place (0 none, 1 sub, 2 up, 3 average, 4 Paeth)."""
    row = np.frombuffer(line, np.uint8)
    if kind == 1:  # each byte plus the reconstructed one a pixel left: a running sum per channel
        line[:] = (
            (row.reshape(-1, bpp).astype(np.uint32).cumsum(axis=0) % 256).astype(np.uint8).tobytes()
        )
        return
    if kind == 2:
        line[:] = (row + np.frombuffer(up, np.uint8)).tobytes()  # uint8 wraps, as PNG's sum
        return
    for i in range(len(line)) if kind else ():
        a = line[i - bpp] if i >= bpp else 0
        b = up[i]
        if kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 0xFF
        else:
            c = up[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            nearest = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + nearest) & 0xFF


def pixels_of(image: np.ndarray, colour: str, tolerance: int = 3) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    close = np.abs(image[:, :, :3].astype(np.int16) - rgb) <= tolerance
    return int(close.all(axis=2).sum())


def test_the_screenshot_shows_each_removal_in_its_kind_s_colour(tmp_path):
    image = decode_png(screenshot(render_page([ARTICLE]), tmp_path))
    assert image.shape[:2] == (HEIGHT, WIDTH)
    # The legend and the labels hold a small chip of every colour; a highlighted line, far more.
    chips = pixels_of(image, REMOVAL_COLOURS["dateline"])
    assert 0 < chips < 3_000, "the legend's chips are drawn, small"
    for kind in ("advertisement", "read_also"):
        highlighted = pixels_of(image, REMOVAL_COLOURS[kind])
        assert highlighted > 5 * chips and highlighted > 8_000, (kind, highlighted, chips)
