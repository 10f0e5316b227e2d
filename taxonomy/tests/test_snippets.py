"""Taxonomy snippets: translatable, with codes synchronised across languages."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from taxonomy.models import District, Product, State
from tests.factories import DistrictFactory, ProductFactory, SectorFactory, StateFactory, locale
from tests.translation import translate

pytestmark = pytest.mark.django_db


def test_translated_district_points_at_the_translated_state_and_keeps_its_lgd_code():
    district = DistrictFactory(
        name="Varanasi", lgd_code=182, state=StateFactory(name="Uttar Pradesh", lgd_code=9)
    )
    hindi = translate(district, "hi")
    assert hindi.locale.language_code == "hi"
    assert hindi.lgd_code == 182
    assert hindi.state.locale.language_code == "hi"
    assert hindi.state.translation_key == district.state.translation_key
    assert hindi.state.lgd_code == 9


def test_translated_product_points_at_translated_sector_and_district_and_keeps_rank_and_gi_tag():
    product = ProductFactory(name="Banarasi silk", rank=Product.Rank.SECONDARY, has_gi_tag=True)
    tamil = translate(product, "ta")
    assert (tamil.rank, tamil.has_gi_tag) == (Product.Rank.SECONDARY, True)
    assert tamil.sector.locale.language_code == "ta"
    assert tamil.district.locale.language_code == "ta"
    assert tamil.sector.slug == product.sector.slug


def test_lgd_code_is_unique_within_a_language_only():
    StateFactory(lgd_code=9)
    StateFactory(lgd_code=9, locale=locale("hi"))
    with transaction.atomic(), pytest.raises(IntegrityError):
        StateFactory(lgd_code=9)
    assert State.objects.filter(lgd_code=9).count() == 2


def test_sector_slug_is_unique_within_a_language():
    SectorFactory(slug="handloom")
    with transaction.atomic(), pytest.raises(IntegrityError):
        SectorFactory(slug="handloom")


def test_snippets_are_listed_in_the_admin(admin_client):
    DistrictFactory(name="Kannauj")
    url = reverse(f"wagtailsnippets_{District._meta.app_label}_{District._meta.model_name}:list")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Kannauj" in response.content.decode()
