from django.urls import path

from .views import po, report, review, submit

app_name = "odop_translations"

urlpatterns = [
    path("status/", report.TranslationStatusReportView.as_view(), name="status_report"),
    path(
        "status/results/",
        report.TranslationStatusReportView.as_view(results_only=True),
        name="status_report_results",
    ),
    path("submit/page/<int:page_id>/", submit.submit_page, name="submit_page"),
    path(
        "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        submit.submit_snippet,
        name="submit_snippet",
    ),
    path("review/<int:page_id>/", review.submit_page_for_review, name="submit_for_review"),
    path("po/export/", po.export_po_zip, name="po_export"),
    path("po/import/", po.import_po, name="po_import"),
    path("po/import/<int:page_id>/", po.import_po, name="po_import_story"),
    path("direction/", review.text_direction, name="text_direction"),
]
