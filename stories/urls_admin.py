from django.urls import path

from .views.release_import import batch_report_view, release_import_view

app_name = "stories_release_import"
urlpatterns = [
    path("", release_import_view, name="upload"),
    path("batches/<int:batch_id>/", batch_report_view, name="batch"),
]
