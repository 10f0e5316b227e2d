"""Preflight checks a newspaper's desk runs, written with pikepdf:

- PDF/A-2b through pikepdf's own validator (`pikepdf.pdfa.validate_written`);
- PDF/X-1a:2003 structure, checked by hand (pikepdf has no X validator):
  OutputIntent /GTS_PDFX with an embedded profile, GTS_PDFXVersion, TrimBox and
  BleedBox within the MediaBox, no transparency (soft masks, transparency
  groups, alpha below 1, blend modes), no RGB or ICC-based colour;
- things both reject: /Interpolate true, malformed dates, colour spaces
  declared but never used.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf
from pikepdf import Name

# ISO 32000-1, 7.9.4: D:YYYYMMDDHHmmSSOHH'mm' (the trailing apostrophe optional in PDF 2.0).
PDF_DATE = re.compile(r"^D:(\d{14})(?:(Z)|([+-])([01]\d)'([0-5]\d)'?)$")
XMP_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:(Z)|([+-])([01]\d):([0-5]\d))$")


def parse_pdf_date(value: str) -> dt.datetime:
    match = PDF_DATE.match(value)
    if not match:
        raise ValueError(f"malformed PDF date {value!r}")
    stamp, zulu, sign, hours, minutes = match.groups()
    return _aware(dt.datetime.strptime(stamp, "%Y%m%d%H%M%S"), zulu, sign, hours, minutes)


def parse_xmp_date(value: str) -> dt.datetime:
    match = XMP_DATE.match(value)
    if not match:
        raise ValueError(f"malformed XMP date {value!r}")
    stamp, zulu, sign, hours, minutes = match.groups()
    return _aware(dt.datetime.fromisoformat(stamp), zulu, sign, hours, minutes)


def _aware(naive, zulu, sign, hours, minutes) -> dt.datetime:
    if zulu:
        return naive.replace(tzinfo=dt.UTC)
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
    return naive.replace(tzinfo=dt.timezone(-offset if sign == "-" else offset))


def pdfa_report(content: bytes):
    return pikepdf.pdfa.validate_written(io.BytesIO(content), "2b")


def _objects(pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj


def common_problems(content: bytes) -> list[str]:
    """Interpolation, dates (Info and XMP the same instant) and unused colour spaces."""
    problems = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for obj in _objects(pdf):
            if obj.get(Name.Interpolate) is True:
                problems.append(f"/Interpolate true on object {obj.objgen}")
        dates = []
        for key in ("/CreationDate", "/ModDate"):
            try:
                dates.append(parse_pdf_date(str(pdf.docinfo[key])))
            except (KeyError, ValueError) as error:
                problems.append(f"Info {key}: {error}")
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            for key in ("xmp:CreateDate", "xmp:ModifyDate"):
                try:
                    dates.append(parse_xmp_date(meta[key]))
                except (KeyError, ValueError) as error:
                    problems.append(f"XMP {key}: {error}")
        if len({moment.astimezone(dt.UTC) for moment in dates}) > 1:
            problems.append(f"Info and XMP dates differ: {dates}")
        problems += _unused_colour_spaces(pdf)
    return problems


def _unused_colour_spaces(pdf) -> list[str]:
    used, declared = set(), set()
    for page in pdf.pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("cs", "CS"):
                used.add(str(operands[0]))
        spaces = page.obj.Resources.get(Name.ColorSpace) or {}
        declared |= {str(name) for name in spaces}
    return [f"colour space {name} declared but never used" for name in sorted(declared - used)]


def x1a_problems(content: bytes) -> list[str]:
    """What a PDF/X-1a:2003 preflight would reject in `content`."""
    problems = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        if pdf.pdf_version > "1.4":
            problems.append(f"PDF {pdf.pdf_version}: X-1a:2003 is at most PDF 1.4")
        if str(pdf.docinfo.get("/GTS_PDFXVersion")) != "PDF/X-1a:2003":
            problems.append("Info /GTS_PDFXVersion is not PDF/X-1a:2003")
        if str(pdf.docinfo.get("/Trapped")) not in ("/True", "/False"):
            problems.append("Info /Trapped must be /True or /False")
        intents = [i for i in pdf.Root.get(Name.OutputIntents, []) if i.get(Name.S) == "/GTS_PDFX"]
        if len(intents) != 1:
            problems.append(f"{len(intents)} GTS_PDFX OutputIntents (need one)")
        elif Name.DestOutputProfile not in intents[0] or not intents[0].get(Name.OutputConditionIdentifier):
            problems.append("the OutputIntent lacks DestOutputProfile or OutputConditionIdentifier")
        for number, page in enumerate(pdf.pages, start=1):
            problems += _box_problems(number, page)
        for obj in _objects(pdf):
            problems += _transparency_and_colour(obj)
    return problems


def _box_problems(number: int, page) -> list[str]:
    media = [float(v) for v in page.obj.MediaBox]
    problems = []
    for box in (Name.TrimBox, Name.BleedBox):
        if box not in page.obj:
            problems.append(f"page {number} has no {box}")
            continue
        x0, y0, x1, y1 = (float(v) for v in page.obj[box])
        if x0 < media[0] or y0 < media[1] or x1 > media[2] or y1 > media[3]:
            problems.append(f"page {number}: {box} is outside the MediaBox")
    return problems


def _transparency_and_colour(obj) -> list[str]:
    problems = []
    where = f"object {obj.objgen}"
    if obj.get(Name.SMask) not in (None, Name("/None")):
        problems.append(f"{where}: soft mask (transparency)")
    group = obj.get(Name.Group)
    if group is not None and group.get(Name.S) == Name.Transparency:
        problems.append(f"{where}: transparency group")
    for alpha in (Name.CA, Name.ca):
        if alpha in obj and float(obj[alpha]) != 1:
            problems.append(f"{where}: {alpha} {obj[alpha]}")
    if obj.get(Name.BM) not in (None, Name.Normal, Name.Compatible):
        problems.append(f"{where}: blend mode {obj[Name.BM]}")
    space = repr(obj.get(Name.ColorSpace, ""))
    for forbidden in ("/DeviceRGB", "/CalRGB", "/ICCBased", "/Lab"):
        if forbidden in space:
            problems.append(f"{where}: {forbidden} colour")
    return problems


def page_rgb_operators(content: bytes) -> list[str]:
    """rg/RG operators in page content streams (RGB fills and strokes)."""
    found = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("rg", "RG"):
                    found.append(f"page {number}: {operator} {list(operands)}")
    return found
