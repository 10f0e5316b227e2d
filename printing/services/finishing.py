"""Finish a PDF WeasyPrint wrote, so it passes a strict preflight.

WeasyPrint 70 leaves three things a PDF/A or PDF/X preflight rejects or flags:

- dates: its PDF/X code writes the local UTC offset in seconds
  (``D:…+05'1800'`` and ``+05:1800`` in XMP for +05:30, and -03:30 as
  ``-04'1800'``). Both dates are rewritten here from one aware datetime;
- ``/Interpolate true`` on every image drawn with ``image-rendering: auto``
  (ISO 19005-2, 6.2.8.1 forbids it). The key is dropped (false by default);
- colour spaces declared in every page's resources (Lab D50/D65, an ICC
  space) that no content stream uses, and empty /Pattern and /Shading
  dictionaries.

pikepdf (qpdf) edits the objects; the file is otherwise unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
from pikepdf import Name

XMP_DATES = ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate")
COLOUR_OPERATORS = {"cs", "CS"}
# Names that are colour spaces by themselves, never resource names.
DEVICE_SPACES = {"/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern"}


def _offset(moment: dt.datetime) -> tuple[str, int, int]:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError(f"{moment!r} has no time zone: PDF dates need an aware datetime")
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return sign, hours, rest


def pdf_date(moment: dt.datetime) -> str:
    """``D:YYYYMMDDHHmmSSOHH'mm'`` (ISO 32000-1, 7.9.4); ``Z`` for UTC."""
    sign, hours, minutes = _offset(moment)
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    if hours == minutes == 0:
        return f"{stamp}Z"
    return f"{stamp}{sign}{hours:02d}'{minutes:02d}'"


def xmp_date(moment: dt.datetime) -> str:
    """W3C date-time with a ``±HH:MM`` offset (XMP, ISO 16684-1)."""
    sign, hours, minutes = _offset(moment)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if hours == minutes == 0:
        return f"{stamp}Z"
    return f"{stamp}{sign}{hours:02d}:{minutes:02d}"


def finish_pdf(content: bytes, *, moment: dt.datetime) -> bytes:
    """`content` with valid dates, no /Interpolate, no unused colour spaces."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        _set_dates(pdf, moment)
        streams = list(_content_streams(pdf))
        for stream in streams:
            _drop_interpolate(stream)
        used = _colour_space_names(streams)
        for resources in _resource_dicts(pdf, streams):
            _prune_resources(resources, used)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=False)
    return out.getvalue()


def _set_dates(pdf: pikepdf.Pdf, moment: dt.datetime) -> None:
    """Same instant in Info and XMP; the XMP is written only if it exists
    (the PDF/A and PDF/X writers always make one)."""
    info_date = pikepdf.String(pdf_date(moment))
    pdf.docinfo[Name.CreationDate] = info_date
    pdf.docinfo[Name.ModDate] = info_date
    if Name.Metadata not in pdf.Root:
        return
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in XMP_DATES:
            meta[key] = xmp_date(moment)


def _content_streams(pdf: pikepdf.Pdf):
    """Pages and every XObject (form or image) reachable from them, once each."""
    seen: set = set()
    pending = [page.obj for page in pdf.pages]
    while pending:
        obj = pending.pop()
        key = obj.objgen if obj.is_indirect else id(obj)
        if key in seen:
            continue
        seen.add(key)
        yield obj
        resources = obj.get(Name.Resources)
        if resources is not None and Name.XObject in resources:
            pending.extend(resources.XObject.values())


def _drop_interpolate(obj) -> None:
    if obj.get(Name.Subtype) == Name.Image and Name.Interpolate in obj:
        del obj[Name.Interpolate]
    smask = obj.get(Name.SMask)
    if isinstance(smask, pikepdf.Stream) and Name.Interpolate in smask:
        del smask[Name.Interpolate]


def _colour_space_names(streams) -> set[str]:
    used: set[str] = set()
    for obj in streams:
        if obj.get(Name.Type) == Name.Page:
            instructions = pikepdf.parse_content_stream(pikepdf.Page(obj))
        elif obj.get(Name.Subtype) == Name.Form:
            instructions = pikepdf.parse_content_stream(obj)
        else:
            continue
        for operands, operator in instructions:
            if str(operator) in COLOUR_OPERATORS and operands:
                used.add(str(operands[0]))
    return used - DEVICE_SPACES


def _resource_dicts(pdf, streams):
    seen: set = set()
    for obj in streams:
        resources = obj.get(Name.Resources)
        if resources is None:
            continue
        key = resources.objgen if resources.is_indirect else id(resources)
        if key not in seen:
            seen.add(key)
            yield resources


def _prune_resources(resources, used: set[str]) -> None:
    spaces = resources.get(Name.ColorSpace)
    if spaces is not None:
        for name in list(spaces.keys()):
            if name not in used:
                del spaces[name]
        if not spaces.keys():
            del resources[Name.ColorSpace]
    for category in (Name.Pattern, Name.Shading):
        entry = resources.get(category)
        if entry is not None and not entry.keys():
            del resources[category]


class ProfileError(ValueError):
    """The output profile cannot describe a CMYK press."""


def check_output_profile(profile_path, *, data: bytes | None = None) -> str:
    """The description of a CMYK output (printer) ICC profile; ProfileError
    for anything else, OSError if the file cannot be read."""
    from PIL import ImageCms

    data = Path(profile_path).read_bytes() if data is None else data
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError) as exc:
        raise ProfileError(f"{profile_path} is not an ICC profile: {exc}") from exc
    if profile.profile.xcolor_space.strip() != "CMYK" or profile.profile.device_class.strip() != "prtr":
        raise ProfileError(f"{profile_path} is not a CMYK output (printer) profile")
    return ImageCms.getProfileDescription(profile).strip() or Path(profile_path).stem


def set_output_intent(content: bytes, *, profile_path) -> bytes:
    """`content` with its PDF/X OutputIntent describing `profile_path` (an
    ICC output profile for CMYK): the embedded DestOutputProfile, its /N and
    the OutputConditionIdentifier and /Info (the profile's description).

    Only for a PDF whose colours do not depend on the profile: the greyscale
    news box is 100 % K text and a DeviceGray photo (separated through
    PRINT_GRAY_PROFILE, never the CMYK one), so this gives the same file a
    render with that profile would. The CMYK news box's photo was separated
    through the house profile, so it keeps its intent.
    """
    data = Path(profile_path).read_bytes()
    description = check_output_profile(profile_path, data=data)
    with pikepdf.open(io.BytesIO(content)) as pdf:
        intents = [i for i in pdf.Root.get(Name.OutputIntents, []) if i.get(Name.S) == Name.GTS_PDFX]
        if len(intents) != 1:
            raise ProfileError(f"the PDF has {len(intents)} PDF/X OutputIntents, not one")
        intent = intents[0]
        stream = pikepdf.Stream(pdf, data)
        stream[Name.N] = 4
        intent[Name.DestOutputProfile] = pdf.make_indirect(stream)
        intent[Name.OutputConditionIdentifier] = pikepdf.String(description)
        intent[Name.Info] = pikepdf.String(description)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=False)
    return out.getvalue()
