"""A PDF rendition provider named in settings is imported strictly: one that
cannot be imported fails `manage.py check`, never silently drops the PDFs."""

from django.core.checks import run_checks
from django.test import SimpleTestCase, override_settings

from syndication.renditions import pdf_renditions

HERE = "syndication.tests.test_checks"


def newsbox_pdfs(*, pages, request):
    return {page: [{"name": "newsbox-pdf", "href": f"/pdf/{page}/newsbox.pdf"}] for page in pages}


def release_pdfs(*, pages, request):
    return {page: [{"name": "release-pdf", "href": f"/pdf/{page}/release.pdf"}] for page in pages}


NOT_A_FUNCTION = "release.pdf"


def error_ids() -> list[str]:
    return [message.id for message in run_checks() if message.id and message.id.startswith("syndication.")]


class PdfProviderCheckTests(SimpleTestCase):
    def test_default_settings_name_the_printing_provider_and_pass_the_checks(self):
        from django.conf import settings

        self.assertEqual(settings.SYNDICATION_PDF_RENDITIONS, ["printing.syndication.pdf_renditions"])
        self.assertEqual(error_ids(), [])

    @override_settings(SYNDICATION_PDF_RENDITIONS=[])
    def test_no_provider_named_means_no_pdf_renditions(self):
        self.assertEqual(error_ids(), [])
        self.assertEqual(pdf_renditions([1, 2], request=None), {})

    @override_settings(SYNDICATION_PDF_RENDITIONS=["printing.syndication.no_such_provider"])
    def test_provider_that_cannot_be_imported_is_a_system_check_error(self):
        errors = [message for message in run_checks() if message.id == "syndication.E002"]
        self.assertEqual(len(errors), 1)
        self.assertIn("printing.syndication.no_such_provider", errors[0].msg)
        self.assertTrue(errors[0].is_serious())
        with self.assertRaises(ImportError):
            pdf_renditions([1], request=None)

    @override_settings(SYNDICATION_PDF_RENDITIONS="printing.syndication.pdf_renditions")
    def test_a_single_string_instead_of_a_list_is_an_error(self):
        self.assertEqual(error_ids(), ["syndication.E001"])

    @override_settings(SYNDICATION_PDF_RENDITIONS=[f"{HERE}.NOT_A_FUNCTION"])
    def test_a_name_that_is_not_a_function_is_an_error(self):
        self.assertEqual(error_ids(), ["syndication.E003"])

    @override_settings(SYNDICATION_PDF_RENDITIONS=[f"{HERE}.newsbox_pdfs", f"{HERE}.release_pdfs"])
    def test_renditions_of_every_named_provider_are_merged_per_page(self):
        self.assertEqual(error_ids(), [])
        renditions = pdf_renditions([7], request=None)
        self.assertEqual([r["name"] for r in renditions[7]], ["newsbox-pdf", "release-pdf"])
