"""Build N stories x L locales for search benchmarks and run search/bench.py.

    DATABASE_URL=... python manage.py shell -c \
      "from search.tests.bench_dataset import main; main(2000, ['en','hi','ta','ur'])"

(the project-wide `manage.py bench` builds its own dataset; this one lets the
search suite be measured alone). The search signal is disconnected while
building and the index rebuilt once at the end, as after a bulk import.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_save

from languages.formatting import IST
from stories.models import SuccessStoryPage
from tests.factories import DistrictFactory, ProductFactory, SectorFactory, StateFactory, locale, story_index

VOCABULARY = {
    "hi": "वाणिज्य उद्योग मंत्रालय स्थानीय विकास कारीगरों किसानों देशव्यापी जिला उत्पाद संपर्क कार्यक्रम "
    "विक्रेताओं सहयोग स्वदेशी उद्योगों राज्यों कार्यशालाएं क्षेत्रीय पहल आंतरिक व्यापार संवर्धन विभाग "
    "प्रधानमंत्री हथकरघा बुनकरों रेशम निर्यात बाज़ार ग्रामीण महिलाओं प्रशिक्षण आत्मनिर्भर उद्यमियों "
    "मसाले चावल हस्तशिल्प मिट्टी बर्तन लकड़ी खिलौने",
    "ta": "வணிகம் தொழில் அமைச்சகம் உள்ளூர் வளர்ச்சி கைவினைஞர்கள் விவசாயிகள் மாவட்டம் தயாரிப்பு "
    "நிகழ்ச்சி விற்பனையாளர்கள் ஒத்துழைப்பு மாநிலங்கள் பட்டறைகள் பிராந்திய முயற்சி வர்த்தகம் துறை "
    "பிரதமர் கைத்தறி நெசவாளர்கள் பட்டு ஏற்றுமதி சந்தை கிராமப்புற பெண்கள் பயிற்சி தொழில்முனைவோர் "
    "மசாலா அரிசி கைவினைப்பொருட்கள் மண்பாண்டம் மரம் பொம்மைகள்",
    "ur": "تجارت صنعت وزارت مقامی ترقی کاریگروں کسانوں ضلع پیداوار رابطہ پروگرام فروخت کنندگان تعاون "
    "ریاستوں ورکشاپس علاقائی پہل داخلی محکمہ وزیراعظم ہینڈلوم بنکروں ریشم برآمد بازار دیہی خواتین "
    "تربیت خود کفیل کاروباری مصالحے چاول دستکاری مٹی برتن لکڑی کھلونے",
    "en": "commerce industry ministry local development artisans farmers district product outreach "
    "programme sellers cooperation indigenous states workshops regional initiative internal trade "
    "promotion department handloom weavers silk export market rural women training entrepreneurs "
    "spices rice handicrafts pottery wooden toys",
}


def _taxonomy(rng: random.Random) -> dict:
    states = [StateFactory() for _ in range(6)]
    districts = [DistrictFactory(state=rng.choice(states)) for _ in range(30)]
    sectors = [SectorFactory() for _ in range(7)]
    products = [ProductFactory(sector=rng.choice(sectors), district=rng.choice(districts)) for _ in range(40)]
    return {"districts": districts, "sectors": sectors, "products": products}


def build(stories_per_locale: int, locales: list[str], *, seed: int = 7) -> int:
    from modelsearch.signal_handlers import post_save_signal_handler

    rng = random.Random(seed)
    taxonomy = _taxonomy(rng)
    post_save.disconnect(post_save_signal_handler, sender=SuccessStoryPage)
    try:
        for code in locales:
            words = VOCABULARY.get(code, VOCABULARY["en"]).split()
            parent, target = story_index(code), locale(code)
            for number in range(stories_per_locale):
                with transaction.atomic():
                    page = SuccessStoryPage(
                        title=" ".join(rng.sample(words, 6)),
                        slug=f"bench-{code}-{number}",
                        locale=target,
                        summary=" ".join(rng.choices(words, k=40)),
                        body=[("paragraph", "<p>" + " ".join(rng.choices(words, k=150)) + "</p>")],
                        posted_at=dt.datetime(rng.randint(2019, 2025), rng.randint(1, 12), 1, tzinfo=IST),
                        sector=rng.choice(taxonomy["sectors"]),
                    )
                    # Parental many-to-many values are written when the page is saved.
                    page.districts = rng.sample(taxonomy["districts"], 2)
                    page.products = rng.sample(taxonomy["products"], 2)
                    parent.add_child(instance=page)
    finally:
        post_save.connect(post_save_signal_handler, sender=SuccessStoryPage)
    call_command("update_index", verbosity=0)  # what an import runs afterwards
    analyze()
    return stories_per_locale * len(locales)


def analyze() -> None:
    """Refresh planner statistics after a bulk load, as autovacuum would in
    time (PostgreSQL chose 450 ms plans for 10 ms queries without it)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main(stories_per_locale: int = 2000, locales: list[str] | None = None, repeat: int = 50) -> dict:
    from benchmarks.harness import BenchContext
    from search import bench

    locales = locales or ["en", "hi", "ta", "ur"]
    if not SuccessStoryPage.objects.filter(slug__startswith="bench-").exists():
        build(stories_per_locale, locales)
    analyze()
    result = bench.run(BenchContext(stories=stories_per_locale, locales=locales, repeat=repeat))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result
