"""Story texts in the languages the checks cover, and a builder that makes a
live English story published through revisions. Translate it with
tests.translation.translate(story, code, strings=STRINGS[code])."""

from __future__ import annotations

import datetime as dt

from django.test import TestCase
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file_jpeg

from languages.formatting import IST
from tests import factories

TEXTS = {
    "en": {
        "summary": "Handloom weavers sell on GeM and ONDC.",
        "title": "Handloom weavers of Chanderi reach buyers across India",
        "subheadline": "ODOP Sampark workshops held in 15 states",
        "paragraphs": [
            "The Department for Promotion of Industry and Internal Trade is holding nationwide programmes "
            "under its One District One Product initiative.",
            "Artisans and farmers learnt how to sell on GeM and ONDC, and 1,250 sellers joined in one month.",
        ],
        "credit": "Photo: PIB",
    },
    "hi": {
        "summary": "हथकरघा बुनकर जीईएम और ओएनडीसी पर बेचते हैं।",
        "title": "चंदेरी के हथकरघा बुनकरों ने देश भर में खरीदार पाए",
        "subheadline": "15 राज्यों में 'ओडीओपी संपर्क' कार्यशालाएं आयोजित की गईं",
        "paragraphs": [
            "उद्योग और आंतरिक व्यापार संवर्धन विभाग (डीपीआईआईटी) अपनी 'एक जिला एक उत्पाद' पहल के तहत "
            "देशव्यापी कार्यक्रम आयोजित कर रहा है।",
            "कारीगरों और किसानों ने जीईएम और ओएनडीसी पर बिक्री करना सीखा, और एक महीने में 1,250 विक्रेता जुड़े।",
        ],
        "credit": "फोटो: पीआईबी",
    },
    "ta": {
        "summary": "கைத்தறி நெசவாளர்கள் ஜெம் மற்றும் ஓஎன்டிசியில் விற்கின்றனர்.",
        "title": "சந்தேரி கைத்தறி நெசவாளர்கள் நாடு முழுவதும் வாங்குபவர்களைப் பெற்றனர்",
        "subheadline": "15 மாநிலங்களில் ஒரு மாவட்டம் ஒரு பொருள் பயிலரங்குகள் நடைபெற்றன",
        "paragraphs": [
            "தொழில் மற்றும் உள்நாட்டு வர்த்தக மேம்பாட்டுத் துறை ஒரு மாவட்டம் ஒரு பொருள் திட்டத்தின் கீழ் "
            "நாடு தழுவிய நிகழ்ச்சிகளை நடத்துகிறது.",
            "கைவினைஞர்களும் விவசாயிகளும் ஜெம் மற்றும் ஓஎன்டிசி தளங்களில் விற்கக் கற்றுக்கொண்டனர்; "
            "ஒரே மாதத்தில் 1,250 விற்பனையாளர்கள் இணைந்தனர்.",
        ],
        "credit": "படம்: பிஐபி",
    },
    "bn": {
        "summary": "তাঁতশিল্পীরা জেম ও ওএনডিসি-তে বিক্রি করেন।",
        "title": "চান্দেরির তাঁতশিল্পীরা সারা দেশে ক্রেতা পেলেন",
        "subheadline": "১৫টি রাজ্যে এক জেলা এক পণ্য সম্পর্ক কর্মশালা অনুষ্ঠিত হয়েছে",
        "paragraphs": [
            "শিল্প ও অভ্যন্তরীণ বাণিজ্য প্রসার দপ্তর এক জেলা এক পণ্য উদ্যোগের আওতায় দেশজুড়ে অনুষ্ঠান আয়োজন করছে।",
            "কারিগর ও কৃষকরা জেম এবং ওএনডিসি-তে বিক্রি করতে শিখেছেন, আর এক মাসে 1,250 জন বিক্রেতা যুক্ত হয়েছেন।",
        ],
        "credit": "ছবি: পিআইবি",
    },
    "ur": {
        "summary": "ہتھ کرگھا بنکر جیم اور او این ڈی سی پر فروخت کرتے ہیں۔",
        "title": "چندیری کے ہتھ کرگھا بنکروں نے ملک بھر میں خریدار پائے",
        "subheadline": "پندرہ ریاستوں میں ایک ضلع ایک پیداوار ورکشاپ منعقد ہوئیں",
        "paragraphs": [
            "صنعت اور داخلی تجارت کے فروغ کا محکمہ ایک ضلع ایک پیداوار پہل کے تحت ملک گیر پروگرام منعقد کر رہا ہے۔",
            "کاریگروں اور کسانوں نے جیم اور او این ڈی سی پر فروخت کرنا سیکھا اور ایک مہینے میں 1,250 فروخت کنندگان جڑے۔",
        ],
        "credit": "تصویر: پی آئی بی",
    },
}


def _strings(code: str) -> dict[str, str]:
    english, text = TEXTS["en"], TEXTS[code]
    strings = {english[key]: text[key] for key in ("title", "summary", "subheadline", "credit")}
    strings.update(zip(english["paragraphs"], text["paragraphs"], strict=True))
    return strings


# English text -> its translation, per language: the strings a translator enters.
STRINGS = {code: _strings(code) for code in TEXTS if code != "en"}


def jpeg_image(*, width: int = 1600, height: int = 1000, title: str = "Weavers at work") -> WagtailImage:
    """A real RGB JPEG in Wagtail's image library."""
    image_file = get_test_image_file_jpeg(size=(width, height))
    return WagtailImage.objects.create(title=title, file=image_file)


def colourful_jpeg(path, *, width: int, height: int) -> None:
    """A JPEG with real colour in it (a gradient), so greyscale conversion shows."""
    gradient = Image.linear_gradient("L").resize((width, height))
    Image.merge("RGB", (gradient, gradient.rotate(90), Image.new("L", (width, height), 90))).save(
        path, format="JPEG", quality=80
    )


def publish(page, *, run_on_commit: bool = True):
    """Publish a new revision; with run_on_commit, the on_commit hooks (the
    PDF task, on the immediate backend) run as they would after a real commit."""
    revision = page.save_revision()
    if run_on_commit:
        with TestCase.captureOnCommitCallbacks(execute=True):
            revision.publish()
    else:
        revision.publish()
    page.refresh_from_db()
    return page


def english_story(*, run_on_commit: bool = True, **kwargs):
    text = TEXTS["en"]
    fields = {
        "title": text["title"],
        "summary": text["summary"],
        "subheadlines": [("subheadline", text["subheadline"])],
        "body": [("paragraph", f"<p>{paragraph}</p>") for paragraph in text["paragraphs"]],
        "hero_credit": text["credit"],
        "release_id": 2000861,
        "footer_initials": "MG/AR/PK",
        "posted_at": dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST),
        "live": False,
    }
    fields.update(kwargs)
    story = factories.SuccessStoryPageFactory(**fields)
    return publish(story, run_on_commit=run_on_commit)
