from django.urls import path

from . import views

app_name = "operations"

urlpatterns = [
    path("", views.TaskReportView.as_view(), name="task_report"),
    path("results/", views.TaskReportView.as_view(results_only=True), name="task_report_results"),
    path("<uuid:result_id>/retry/", views.retry, name="retry"),
]
