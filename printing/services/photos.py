"""Photos for print: resampled for their placed size, colour-converted with
Pillow's ImageCms (LittleCMS), never upscaled.

News boxes take greyscale (DeviceGray) or CMYK (DeviceCMYK) JPEGs so the
PDF/X-1a file holds no RGB; the A4 release takes sRGB. The original is read
through its storage (local disk or S3), never by path. Converted files are
cached on local disk (PRINT_PHOTO_CACHE_DIR) by source file, size, mtime,
mode and profile, so a story's second render (and its other languages)
reuse them.
"""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path, PurePosixPath

from django.core.files.storage import Storage
from PIL import Image, ImageCms, ImageOps

from .. import conf

logger = logging.getLogger(__name__)

MM_PER_INCH = 25.4
# Refuse to decode more than this many pixels after JPEG draft reduction.
MAX_DECODED_PIXELS = 40_000_000


class PhotoMode(StrEnum):
    GREY = "grey"
    CMYK = "cmyk"
    RGB = "rgb"


class PhotoError(ValueError):
    """A photo could not be prepared for print; the message says why."""


@dataclass(frozen=True)
class PhotoSource:
    """An original image file, named in the storage that holds it."""

    storage: Storage
    name: str

    @classmethod
    def of(cls, fieldfile) -> PhotoSource:
        return cls(storage=fieldfile.storage, name=fieldfile.name)

    @property
    def label(self) -> str:
        return PurePosixPath(self.name).name


@dataclass(frozen=True)
class PrintPhoto:
    path: Path
    width_px: int
    height_px: int

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()


def target_width_px(*, placed_width_mm: float, dpi: int) -> int:
    return max(1, round(placed_width_mm / MM_PER_INCH * dpi))


def prepare_photo(*, source: PhotoSource, placed_width_mm: float, mode: PhotoMode) -> PrintPhoto:
    """A print-ready JPEG of `source`; PhotoError naming the file if it cannot be read."""
    wanted_px = target_width_px(placed_width_mm=placed_width_mm, dpi=conf.image_dpi())
    profile = conf.icc_profile_path() if mode == PhotoMode.CMYK else conf.gray_profile_path()
    key = hashlib.sha256(f"{_fingerprint(source)}|{wanted_px}|{mode}|{profile}".encode()).hexdigest()[:32]
    target = conf.photo_cache_dir() / f"{key}.jpg"
    if not target.exists():
        image = _convert(_read(source, wanted_px), mode=mode)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        image.save(tmp, format="JPEG", quality=85, optimize=False)
        tmp.replace(target)
        width, height = image.size
    else:
        with Image.open(target) as cached:
            width, height = cached.size
    return PrintPhoto(path=target, width_px=width, height_px=height)


def _fingerprint(source: PhotoSource) -> str:
    """Which file, in which storage, in which version: the photo cache's key."""
    storage = source.storage
    try:
        size = storage.size(source.name)
        try:
            modified = storage.get_modified_time(source.name).timestamp()
        except NotImplementedError:
            modified = ""
    except Exception as exc:  # each backend says "not there" its own way (OSError, botocore's ClientError)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise PhotoError(f"photo file {source.label!r} is missing ({reason})") from exc
    where = getattr(storage, "bucket_name", None) or getattr(storage, "location", "")
    return f"{type(storage).__name__}|{where}|{source.name}|{size}|{modified}"


def _read(source: PhotoSource, wanted_px: int) -> Image.Image:
    try:
        handle = source.storage.open(source.name, "rb")
    except Exception as exc:  # as in _fingerprint: the backend's own error
        raise PhotoError(f"photo file {source.label!r} cannot be opened: {exc}") from exc
    with handle:
        return _load(handle, source.label, wanted_px)


def _load(handle, label: str, wanted_px: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # The pixel count is checked below, after draft reduction.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(handle)
        # JPEG decodes at 1/2, 1/4 or 1/8 scale when that still covers the
        # placed size: a 12000 px photo never lands in memory at full size.
        image.draft("RGB", (wanted_px, max(1, wanted_px * image.height // max(1, image.width))))
        if image.width * image.height > MAX_DECODED_PIXELS:
            raise PhotoError(
                f"photo {label!r} is {image.width}x{image.height} pixels, more than "
                f"{MAX_DECODED_PIXELS:,} after reduction; upload a smaller version"
            )
        image.load()
    except PhotoError:
        raise
    except (OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PhotoError(f"photo {label!r} cannot be read: {exc}") from exc
    image = ImageOps.exif_transpose(image)
    if image.width > wanted_px:  # never upscale
        height = max(1, round(image.height * wanted_px / image.width))
        image = image.resize((wanted_px, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return image


def _convert(image: Image.Image, *, mode: PhotoMode) -> Image.Image:
    source_profile = _embedded_profile(image)
    image = _flatten_to_rgb(image)
    if mode == PhotoMode.RGB:
        if source_profile is None:
            return image
        return ImageCms.profileToProfile(image, source_profile, _srgb(), outputMode="RGB")
    target_path = conf.icc_profile_path() if mode == PhotoMode.CMYK else conf.gray_profile_path()
    output_mode = "CMYK" if mode == PhotoMode.CMYK else "L"
    return ImageCms.profileToProfile(
        image,
        source_profile or _srgb(),
        _open_profile(str(target_path)),
        outputMode=output_mode,
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _embedded_profile(image: Image.Image):
    data = image.info.get("icc_profile")
    if not data or image.mode not in {"RGB", "RGBA", "P"}:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        logger.warning("ignoring an unreadable embedded ICC profile")
        return None


@lru_cache(maxsize=1)
def _srgb():
    return ImageCms.createProfile("sRGB")


@lru_cache(maxsize=8)
def _open_profile(path: str):
    try:
        return ImageCms.getOpenProfile(path)
    except (OSError, ImageCms.PyCMSError) as exc:
        raise PhotoError(f"ICC profile {path!r} cannot be opened: {exc}") from exc
