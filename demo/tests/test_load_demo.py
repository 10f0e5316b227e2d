"""load_demo against a real database. The full load runs once, with real
commits (wagtail-localize publishes translations on commit), and is then run
again to prove it changes nothing."""

import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.html import strip_tags
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.content import MIN_STORIES_PER_LANGUAGE, load_content
from demo.content.validation import in_script
from demo.images import draw_poster
from demo.services import ADMIN_PASSWORD, load_demo
from home.models import HomePage
from languages.registry import ALL_CODES
from stories.models import SuccessStoryPage
from taxonomy.models import District, Product, State
from workshops.models import WorkshopPage


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "strings": StringTranslation.objects.count(),
        "translations": Translation.objects.count(),
        "districts": District.objects.count(),
        "products": Product.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def has_script(text: str, first: str, last: str) -> bool:
    return any(first <= char <= last for char in text)


def test_poster_is_a_1200_by_675_jpeg():
    data_bytes = draw_poster(
        title="Bhagalpur silk", subtitle="Bhagalpur, Bihar", badge="ODOP", palette=3, seed="x"
    )
    image = PILImage.open(io.BytesIO(data_bytes))
    assert (image.format, image.size) == ("JPEG", (1200, 675))


def test_every_taxonomy_name_is_written_in_the_script_of_its_language():
    for english, names in load_content().taxonomy.names.items():
        for code, name in names.items():
            assert in_script(name, code), (english, code, name)


def body_paragraphs(page) -> list[str]:
    return [block.value.source for block in page.body if block.block_type == "paragraph"]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_load_demo_builds_the_translated_site_and_a_second_run_changes_nothing():
    first = load_demo()
    content = load_content()

    # The admin login exists and works.
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(ADMIN_PASSWORD)

    # At least 24 English stories from at least 8 states.
    english = SuccessStoryPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 24
    states = State.objects.filter(districts__stories__in=english).distinct()
    assert states.count() >= 8

    # Every language has its stories live, each made through wagtail-localize, with every
    # paragraph its own text: none the same as the source's, none a note in place of one.
    (release,) = content.releases
    for code in ALL_CODES:
        live = SuccessStoryPage.objects.live().filter(locale__language_code=code)
        assert live.count() >= MIN_STORIES_PER_LANGUAGE, code
        assert live.filter(release_id=release.release_id).exists(), code
        for page in live:
            source = TranslationSource.objects.filter(object_id=page.translation_key).first()
            if source is None or source.locale_id == page.locale_id:
                continue  # an original: an English story never translated, or the Hindi release
            assert Translation.objects.filter(source=source, target_locale__language_code=code).exists()
            original = source.get_source_instance()
            assert not set(body_paragraphs(page)) & set(body_paragraphs(original)), (code, page.slug)
            assert page.title != original.title, (code, page.slug)

    # The release is PIB's own Hindi text, imported, and the source of the others.
    hindi = SuccessStoryPage.objects.get(release_id=release.release_id, locale__language_code="hi")
    assert TranslationSource.objects.get(object_id=hindi.translation_key).locale.language_code == "hi"
    paragraphs = [html.unescape(strip_tags(text)) for text in body_paragraphs(hindi)]
    assert paragraphs == list(release.original.paragraphs)

    # Every enabled locale has a home page, story index and workshop index.
    locales = Locale.objects.count()
    assert HomePage.objects.live().count() == locales
    assert Page.objects.live().filter(slug="stories", depth=3).count() == locales
    assert WorkshopPage.objects.live().filter(locale__language_code="en").count() >= 3

    # Real translated text, in the reader's script, served at /<lang>/.
    client = Client()
    page = client.get("/hi/stories/varanasi-banarasi-silk/")
    assert page.status_code == 200
    assert "वाराणसी के बनारसी रेशम बुनकर" in page.content.decode()
    page = client.get(f"/as/stories/{release.slug}/")
    assert page.status_code == 200
    assert "অ'ডিঅ'পি সম্পৰ্ক" in page.content.decode()
    page = client.get("/ur/stories/alleppey-coir/").content.decode()
    assert 'dir="rtl"' in page
    assert "الاپوزا کی کوائر کوآپریٹو سوسائٹیوں" in page
    page = client.get("/sat/stories/madhubani-painting/").content.decode()
    assert "ᱢᱟᱫᱷᱩᱵᱚᱱᱤ ᱪᱤᱛᱟᱹᱨ" in page
    for code in ["ta", "bn", "mr"]:
        assert client.get(f"/{code}/stories/").status_code == 200
        assert client.get(f"/{code}/odop-sampark/odop-sampark-kolkata/").status_code == 200

    # Running it again creates nothing and changes nothing.
    before = counts()
    second = load_demo()
    assert second.created == {}
    assert counts() == before
    assert first.created["success story"] == len(content.stories)
    assert first.created["imported release"] == 1
