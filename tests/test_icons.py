"""The application icon exists at every size each platform asks for, and the files parse."""

import struct

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from resources import resource_path
from scripts.make_icons import ICNS_TYPES, ICO_SIZES, PNG_SIZES
from ui.app_icon import application_icon

ICONS = resource_path("icons")


def test_png_sizes_are_square_images_of_their_size():
    for size in PNG_SIZES:
        image = QImage(str(ICONS / f"manage-account-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    available = application_icon().availableSizes()
    assert {QSize(size, size) for size in PNG_SIZES} <= set(available)


def test_ico_holds_each_windows_size_as_png():
    data = (ICONS / "manage-account.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    sizes = []
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        image = QImage.fromData(data[offset : offset + length], "PNG")
        assert image.width() == (width or 256)
        sizes.append(image.width())
    assert sizes == sorted(ICO_SIZES)


def test_icns_holds_each_macos_type():
    data = (ICONS / "manage-account.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    offset, found = 8, {}
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        found[kind] = QImage.fromData(data[offset + 8 : offset + length], "PNG").width()
        offset += length
    assert found == dict(ICNS_TYPES)
