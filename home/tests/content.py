"""Test content for the public site: an English story with real Hindi, Tamil,
Bengali and Urdu translations made through wagtail-localize
(tests.translation.translate with the strings below).

Not a fixture file: functions the tests of home, visitors and publiccache call
from setUpTestData or module fixtures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import wagtail_factories
from django.core.cache import caches
from wagtail.models import Page

from home.renditions import warm_stories
from languages.formatting import IST
from tests.factories import (
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    home_page,
    locale,
    varanasi_handloom,
)
from tests.translation import translate

# Source text -> translation, per language. Anything not listed falls back to English.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "hi": {
        "ODOP Success Stories": "ओडीओपी सफलता की कहानियाँ",
        "Stories": "कहानियाँ",
        "ODOP Sampark": "ओडीओपी संपर्क",
        "Banarasi silk weavers reach new markets": "बनारसी रेशम बुनकरों को नए बाज़ार मिले",
        "Handloom weavers sell on GeM and ONDC.": "हथकरघा बुनकर जीईएम और ओएनडीसी पर बेच रहे हैं।",
        "Weavers earned more than ever": "बुनकरों ने अब तक की सबसे अधिक कमाई की",
        "weavers trained": "बुनकरों को प्रशिक्षण",
        "turnover": "कारोबार",
        "lakh": "लाख",
        "crore": "करोड़",
        "PIB Delhi": "पीआईबी दिल्ली",
        "Ministry of Commerce and Industry": "वाणिज्य एवं उद्योग मंत्रालय",
        "Handloom and textiles": "हथकरघा और वस्त्र",
        "Uttar Pradesh": "उत्तर प्रदेश",
        "Varanasi": "वाराणसी",
        "Banarasi silk saree": "बनारसी रेशमी साड़ी",
        "Looms of Varanasi": "वाराणसी के करघे",
        "ODOP Sampark Lucknow": "ओडीओपी संपर्क लखनऊ",
        "Vanijya Bhawan": "वाणिज्य भवन",
    },
    "ta": {
        "ODOP Success Stories": "ஓடிஓபி வெற்றிக் கதைகள்",
        "Stories": "கதைகள்",
        "ODOP Sampark": "ஓடிஓபி சம்பர்க்",
        "Banarasi silk weavers reach new markets": "பனாரசி பட்டு நெசவாளர்கள் புதிய சந்தைகளை அடைகின்றனர்",
        "Handloom weavers sell on GeM and ONDC.": "கைத்தறி நெசவாளர்கள் ஜெம் மற்றும் ஓஎன்டிசியில் விற்கின்றனர்.",
        "Weavers earned more than ever": "நெசவாளர்கள் இதுவரை இல்லாத அளவு சம்பாதித்தனர்",
        "weavers trained": "பயிற்சி பெற்ற நெசவாளர்கள்",
        "turnover": "விற்றுமுதல்",
        "lakh": "லட்சம்",
        "crore": "கோடி",
        "PIB Delhi": "பிஐபி தில்லி",
        "Handloom and textiles": "கைத்தறி மற்றும் ஜவுளி",
        "Uttar Pradesh": "உத்தரப் பிரதேசம்",
        "Varanasi": "வாரணாசி",
    },
    "bn": {
        "ODOP Success Stories": "ওডিওপি সাফল্যের গল্প",
        "Stories": "গল্প",
        "ODOP Sampark": "ওডিওপি সম্পর্ক",
        "Banarasi silk weavers reach new markets": "বেনারসি সিল্কের তাঁতিরা নতুন বাজারে পৌঁছেছেন",
        "Handloom weavers sell on GeM and ONDC.": "তাঁতিরা জেম এবং ওএনডিসি-তে বিক্রি করছেন।",
        "Weavers earned more than ever": "তাঁতিরা আগের চেয়ে বেশি আয় করেছেন",
        "weavers trained": "প্রশিক্ষিত তাঁতি",
        "turnover": "লেনদেন",
        "lakh": "লক্ষ",
        "crore": "কোটি",
        "PIB Delhi": "পিআইবি দিল্লি",
        "Handloom and textiles": "তাঁত ও বস্ত্র",
        "Uttar Pradesh": "উত্তরপ্রদেশ",
        "Varanasi": "বারাণসী",
    },
    "ur": {
        "ODOP Success Stories": "او ڈی او پی کامیابی کی کہانیاں",
        "Stories": "کہانیاں",
        "ODOP Sampark": "او ڈی او پی سمپرک",
        "Banarasi silk weavers reach new markets": "بنارسی ریشم کے بنکروں کو نئے بازار ملے",
        "Handloom weavers sell on GeM and ONDC.": "ہتھ کرگھا بنکر جی ای ایم اور او این ڈی سی پر فروخت کر رہے ہیں۔",
        "Weavers earned more than ever": "بنکروں نے پہلے سے کہیں زیادہ کمایا",
        "weavers trained": "تربیت یافتہ بنکر",
        "turnover": "کاروبار",
        "lakh": "لاکھ",
        "crore": "کروڑ",
        "PIB Delhi": "پی آئی بی دہلی",
        "Handloom and textiles": "ہتھ کرگھا اور کپڑا",
        "Uttar Pradesh": "اتر پردیش",
        "Varanasi": "وارانسی",
        "Looms of Varanasi": "وارانسی کے کرگھے",
    },
}
TRANSLATIONS["ks"] = dict(TRANSLATIONS["ur"])
TRANSLATIONS["sd"] = dict(TRANSLATIONS["ur"])


def key_figures_body():
    return [
        ("paragraph", "<p>Artisans and farmers of the district gained buyers.</p>"),
        ("heading", "Weavers earned more than ever"),
        (
            "key_figures",
            [
                {"value": Decimal("1234567"), "unit": "", "label": "weavers trained"},
                {"value": Decimal("12.5"), "unit": "lakh", "label": "turnover"},
                {"value": Decimal("450"), "unit": "crore", "label": "turnover"},
            ],
        ),
    ]


def build_site(*, languages=("hi", "ta", "bn", "ur"), extra_stories: int = 2) -> dict:
    """Home, story index and workshop index in English plus `languages`, one
    full story with translations, a few related English stories and a workshop."""
    # Renditions (and pages) cached by an earlier test may name files in that
    # test's MEDIA_ROOT, or rows that a rollback reused the ids of.
    for cache in caches.all():
        cache.clear()
    home = home_page()
    for code in languages:
        locale(code)
    taxonomy = varanasi_handloom()
    state, district, sector, product = taxonomy.state, taxonomy.district, taxonomy.sector, taxonomy.product
    office, ministry = taxonomy.office, taxonomy.ministry
    index = StoryIndexPageFactory(parent=home)
    workshops = WorkshopIndexPageFactory(parent=home)
    # Wider than every rendition asked for, as a real photo is (a 100-pixel
    # original gives srcset candidates of the same width: invalid HTML).
    image = wagtail_factories.ImageFactory(title="Looms of Varanasi", file__width=1280, file__height=720)
    story = SuccessStoryPageFactory(
        parent=index,
        title="Banarasi silk weavers reach new markets",
        slug="banarasi-silk",
        sector=sector,
        issuing_office=office,
        ministry=ministry,
        hero_image=image,
        hero_caption="Looms of Varanasi",
        body=key_figures_body(),
        release_id=2000861,
    )
    story.districts.set([district])
    story.products.set([product])
    story.tags.add("handloom")
    story.save_revision().publish()
    others = []
    for n in range(extra_stories):
        other = SuccessStoryPageFactory(
            parent=index,
            title=f"Weavers story {n}",
            slug=f"weavers-{n}",
            sector=sector,
            posted_at=dt.datetime(2024, 1, 10 + n, 10, 0, tzinfo=IST),
        )
        other.districts.set([district])
        other.save_revision().publish()
        others.append(other)
    workshop = WorkshopPageFactory(
        parent=workshops, title="ODOP Sampark Lucknow", state=state, slug="lucknow"
    )
    workshop.stories.set([story])
    workshop.save_revision().publish()

    warm_stories([story])
    translated: dict[str, dict] = {}
    for code in languages:
        strings = TRANSLATIONS.get(code)
        for snippet in (state, district, sector, product, office, ministry):
            translate(snippet, code, strings=strings)
        pages = {
            "home": translate(home, code, strings=strings),
            "index": translate(index, code, strings=strings),
            "workshops": translate(workshops, code, strings=strings),
        }
        pages["story"] = translate(story, code, strings=strings)
        pages["workshop"] = translate(workshop, code, strings=strings)
        translated[code] = {name: Page.objects.get(pk=p.pk).specific for name, p in pages.items()}
    return {
        "home": home,
        "index": index,
        "story": story,
        "others": others,
        "workshops": workshops,
        "workshop": workshop,
        "state": state,
        "district": district,
        "sector": sector,
        "product": product,
        "translated": translated,
    }
