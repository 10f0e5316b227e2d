from django.urls import path

from . import views

app_name = "visitors"
urlpatterns = [path("hit/<int:page_id>/", views.hit, name="hit")]
