"""python manage.py import_release, against a real database."""

import datetime as dt
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import pre_save
from wagtail.models import Page, Revision

from languages.formatting import IST
from stories.models import StoryIndexPage, SuccessStoryPage
from taxonomy.models import IssuingOffice, Ministry
from tests.factories import (
    IssuingOfficeFactory,
    MinistryFactory,
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
)
from tests.translation import translate

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def commerce_ministry():
    """The fixtures' ministry, known in English, Hindi and Urdu (the parser
    recognises the ministry line only by a known name)."""
    english = MinistryFactory(name="Ministry of Commerce & Industry")
    translate(english, "hi", strings=lambda text, path: "वाणिज्य एवं उद्योग मंत्रालय")
    translate(english, "ur", strings=lambda text, path: "وزارت تجارت و صنعت")
    return english


def import_release(fixture: str, *args: str) -> str:
    out = StringIO()
    call_command("import_release", str(FIXTURES / fixture), *args, stdout=out)
    return out.getvalue()


def release_id_line(release_id: int) -> re.Pattern:
    """The page's "(Release ID: N)" line, whatever language its label is in."""
    return re.compile(rf'class="release-id">(?:<bdi>)?\([^:<]+: {release_id}\)')


def row_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "ministries": Ministry.objects.count(),
        "offices": IssuingOffice.objects.count(),
    }


def test_hindi_release_becomes_live_hindi_story_with_every_part(client):
    output = import_release("hindi_release.txt", "--locale", "hi", "--publish")

    story = SuccessStoryPage.objects.get(release_id=2004513)
    assert story.live and story.locale.language_code == "hi"
    assert story.title.startswith("ओडीओपी संपर्क कार्यशाला में कन्नौज")
    assert [block.value for block in story.subheadlines] == [
        "कार्यशाला में 80 कारीगरों और 5 किसान उत्पादक संगठनों ने भाग लिया"
    ]
    assert story.posted_at == dt.datetime(2024, 3, 9, 16, 30, tzinfo=IST)
    assert story.ministry.name == "वाणिज्य एवं उद्योग मंत्रालय"
    assert story.ministry.locale == story.locale
    assert (story.issuing_office.name, story.issuing_office.city) == ("PIB Lucknow", "Lucknow")
    assert [block.block_type for block in story.body] == ["paragraph"] * 3
    assert story.footer_initials == "एसके/एनडी"
    assert story.url.startswith("/hi/")
    assert story.url in output

    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "कन्नौज का इत्र जिले का प्राथमिक उत्पाद है" in html
    assert release_id_line(2004513).search(html)


def test_hindi_tree_is_made_as_translations_of_the_english_one():
    english_index = StoryIndexPageFactory()
    import_release("hindi_release.txt", "--locale", "hi", "--publish")

    hindi_index = StoryIndexPage.objects.get(locale__language_code="hi")
    assert hindi_index.translation_key == english_index.translation_key
    assert hindi_index.live
    assert hindi_index.get_parent().specific.translation_key == english_index.get_parent().translation_key


def test_importing_the_same_release_again_updates_the_page_as_a_new_revision():
    import_release("english_release.txt", "--locale", "en", "--publish")
    story = SuccessStoryPage.objects.get(release_id=2004512)
    story.summary = "Written by an editor after the import."
    story.save_revision().publish()
    revisions = story.revisions.count()

    output = import_release("english_release.txt", "--locale", "en", "--publish")

    assert SuccessStoryPage.objects.filter(release_id=2004512).count() == 1
    story.refresh_from_db()
    assert story.revisions.count() == revisions + 1
    assert story.live and not story.has_unpublished_changes
    assert story.summary == "Written by an editor after the import."
    assert output.startswith("Updated story")


def test_reimport_without_publish_leaves_a_draft_revision_on_the_live_page():
    import_release("english_release.txt", "--locale", "en", "--publish")
    import_release("english_release.txt", "--locale", "en")
    story = SuccessStoryPage.objects.get(release_id=2004512)
    assert story.live and story.has_unpublished_changes


def test_import_without_publish_makes_a_draft():
    output = import_release("english_release.txt", "--locale", "en")
    story = SuccessStoryPage.objects.get(release_id=2004512)
    assert not story.live
    assert "draft" in output


def test_body_text_is_escaped_not_trusted_as_html(client):
    import_release("english_release.txt", "--locale", "en", "--publish")
    story = SuccessStoryPage.objects.get(release_id=2004512)
    html = client.get(story.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "<b>sold out</b>" not in html


def test_same_release_in_another_language_becomes_its_translation():
    import_release("english_release.txt", "--locale", "en", "--publish")
    english = SuccessStoryPage.objects.get(release_id=2004512)
    hindi_text = (FIXTURES / "hindi_release.txt").read_text(encoding="utf-8").replace("2004513", "2004512")
    path = FIXTURES.parent / "_tmp_same_release_hi.txt"
    try:
        path.write_text(hindi_text, encoding="utf-8")
        call_command("import_release", str(path), "--locale", "hi", "--publish", stdout=StringIO())
    finally:
        path.unlink()

    hindi = SuccessStoryPage.objects.get(release_id=2004512, locale__language_code="hi")
    assert hindi.translation_key == english.translation_key
    assert english.get_translation(hindi.locale) == hindi


def test_office_named_in_english_is_the_translation_of_the_english_snippet():
    english_office = IssuingOfficeFactory(name="PIB Lucknow", city="Lucknow")
    import_release("hindi_release.txt", "--locale", "hi", "--publish")
    story = SuccessStoryPage.objects.get(release_id=2004513)
    assert story.issuing_office.translation_key == english_office.translation_key
    assert story.issuing_office.locale.language_code == "hi"


def test_existing_snippets_are_reused_not_duplicated():
    import_release("hindi_release.txt", "--locale", "hi", "--publish")
    counts = row_counts()
    import_release("hindi_release.txt", "--locale", "hi", "--publish")
    assert Ministry.objects.count() == counts["ministries"]
    assert IssuingOffice.objects.count() == counts["offices"]


def test_dry_run_prints_the_plan_and_writes_nothing():
    before = row_counts()
    output = import_release("english_release.txt", "--locale", "en", "--dry-run")
    assert row_counts() == before
    assert "ODOP Sampark workshop in Varanasi" in output
    assert "Weavers learn to list hand-woven sarees" in output
    assert "2024-02-15 12:05 IST" in output
    assert "PIB Mumbai" in output
    assert "2004512" in output
    assert "Paragraphs:    3" in output
    assert "Nothing was written." in output


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("malformed_no_posted_on.txt", "malformed_no_posted_on.txt:1: no 'Posted On' line"),
        ("malformed_bad_date.txt", "malformed_bad_date.txt:11: '30 FEB 2024' is not a date"),
        ("malformed_no_release_id.txt", "malformed_no_release_id.txt:23: no '(Release ID: …)' line"),
        ("malformed_empty_body.txt", "malformed_empty_body.txt:11: the body is empty"),
        ("malformed_not_utf8.txt", "malformed_not_utf8.txt:15: the file is not UTF-8"),
        ("not_a_release.txt", "not_a_release.txt:1: this does not look like a PIB release"),
    ],
)
def test_malformed_release_is_refused_naming_the_line_and_nothing_is_written(fixture, says):
    before = row_counts()
    with pytest.raises(CommandError) as error:
        import_release(fixture, "--locale", "hi", "--publish")
    assert says in str(error.value)
    assert "Nothing was written" in str(error.value)
    assert row_counts() == before


def test_unknown_locale_is_refused():
    before = row_counts()
    with pytest.raises(CommandError, match="unknown locale 'xx'"):
        import_release("english_release.txt", "--locale", "xx")
    assert row_counts() == before


def test_missing_file_is_refused():
    with pytest.raises(CommandError, match="no such file"):
        import_release("does_not_exist.txt", "--locale", "en")


def test_parent_in_another_locale_is_refused():
    english_index = StoryIndexPageFactory()
    with pytest.raises(CommandError, match="not 'hi'"):
        import_release("hindi_release.txt", "--locale", "hi", "--parent", str(english_index.pk))


def test_parent_chooses_the_story_index():
    index = StoryIndexPageFactory()
    import_release("english_release.txt", "--locale", "en", "--parent", str(index.pk))
    assert SuccessStoryPage.objects.get(release_id=2004512).get_parent().pk == index.pk


def test_failure_while_saving_the_story_rolls_back_everything():
    """The Hindi index, the snippets and the page are one transaction."""
    StoryIndexPageFactory()
    before = row_counts()

    def refuse_story(sender, instance, **kwargs):
        raise RuntimeError("disk full")

    pre_save.connect(refuse_story, sender=SuccessStoryPage)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            import_release("hindi_release.txt", "--locale", "hi", "--publish")
    finally:
        pre_save.disconnect(refuse_story, sender=SuccessStoryPage)
    assert row_counts() == before
    assert not StoryIndexPage.objects.filter(locale__language_code="hi").exists()


def test_release_id_of_imported_story_is_not_handed_out_again():
    import_release("english_release.txt", "--locale", "en", "--publish")
    assert SuccessStoryPageFactory().release_id != 2004512


def test_urdu_release_becomes_a_right_to_left_urdu_story(client):
    import_release("urdu_release.txt", "--locale", "ur", "--publish")
    story = SuccessStoryPage.objects.get(release_id=2004514)
    assert story.locale.language_code == "ur"
    assert story.ministry.name == "وزارت تجارت و صنعت"
    assert story.footer_initials == "ش ح ۔ ع و ۔ ن ع"
    assert story.slug.isascii() and story.slug.endswith("-2004514")
    html = client.get(story.url).content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "ورکشاپ میں 120 بُنکروں" in html
    assert release_id_line(2004514).search(html)
    assert '<p class="release-id"><bdi>' in html  # isolated from the right-to-left text around it


def test_banner_above_the_ministry_is_skipped_with_a_warning(tmp_path):
    path = tmp_path / "banner.txt"
    path.write_text("Special banner\n" + (FIXTURES / "english_release.txt").read_text(encoding="utf-8"))
    err = StringIO()
    call_command("import_release", str(path), "--locale", "en", stdout=StringIO(), stderr=err)
    story = SuccessStoryPage.objects.get(release_id=2004512).get_latest_revision_as_object()
    assert story.ministry.name == "Ministry of Commerce & Industry"
    assert story.title.startswith("ODOP Sampark workshop in Varanasi")
    assert f"{path}:1: warning: skipped the banner 'Special banner' above the ministry line" in err.getvalue()


def test_header_that_cannot_be_placed_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "unknown.txt"
    text = (FIXTURES / "english_release.txt").read_text(encoding="utf-8")
    path.write_text(text.replace("Ministry of Commerce & Industry", "Ministry of Textiles", 1))
    before = row_counts()
    with pytest.raises(CommandError, match=rf"{path}:1: 'Ministry of Textiles' is not a known ministry"):
        call_command("import_release", str(path), "--locale", "en", stdout=StringIO())
    assert row_counts() == before
