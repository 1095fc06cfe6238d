"""API Design Rules: paths without trailing slash, API-Version, problem+json, the contract."""

import pytest

from api.versie import API_VERSIE


def test_collection_has_api_version_and_etag(lid):
    response = lid.get("/api/v1/gemeenten", {"provincie": "PV23"})
    assert response.status_code == 200
    assert response["API-Version"] == API_VERSIE == "1.0.0"
    assert response["ETag"].startswith('"')
    assert response.json()["aantal"] == 25


@pytest.mark.parametrize("pad", ["/api/v1/gemeenten/", "/api/v1/gemeenten/GM0150/", "/api/v1/"])
def test_trailing_slash_is_a_404_problem_not_a_redirect(lid, pad):
    response = lid.get(pad)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == API_VERSIE
    assert response.json()["status"] == 404


def test_anonymous_gets_401_problem(demodata, client):
    response = client.get("/api/v1/gemeenten")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == API_VERSIE
    body = response.json()
    assert body["status"] == 401
    assert body["title"] == "Niet ingelogd."
    assert body["detail"]


def test_invalid_query_parameter_is_400_with_invalid_params(lid):
    response = lid.get("/api/v1/gemeenten", {"geldigOp": "morgen"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert [p["name"] for p in body["invalidParams"]] == ["geldigOp"]


def test_camel_case_properties_and_cbs_codes(lid):
    body = lid.get("/api/v1/gemeenten/GM0150").json()
    assert body["code"] == "GM0150"
    assert body["naam"] == "Deventer"
    assert body["provincie"] == "PV23"
    assert "geldigVan" in body and "geldigTotEnMet" in body


def test_contract_is_public_with_cors_contact_and_semver(db, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["API-Version"] == API_VERSIE
    info = response.json()["info"]
    assert info["version"] == "1.0.0"
    assert info["contact"]["email"]


def test_documentation_page_lists_the_operations(db, client):
    response = client.get("/api/v1/documentatie")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/provincies/{code}/samenvatting" in html
    assert "If-Match" in html
