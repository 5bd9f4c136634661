"""The API against its own OpenAPI description: generated requests (schemathesis, fixed
seed, bounded) as the secretary give no server error and no answer outside the schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from litestar import Litestar
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.conftest import Gebruikers, Klok

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def app_en_kop(
    settings: Settings, klok: Klok, gebruikers: Gebruikers
) -> tuple[Litestar, dict[str, str]]:
    kop = gebruikers.maak("secretaris", Rol.SECRETARIS)
    gebruikers.lid("Tessa Twente", "TW", voorzitter=True)
    gebruikers.lid("Iris IJssel", "IJ", voorzitter=True)
    gebruikers.lid("Ivo IJssel", "IJ")
    return create_app(omgeving=bouw_omgeving(settings, klok)), kop


VOORBEELDEN = 12  # per operation; 25 operations: about 300 requests


def test_api_volgens_beschrijving(app_en_kop: tuple[Litestar, dict[str, str]]) -> None:
    app, kop = app_en_kop
    api = schemathesis.openapi.from_asgi("/schema/openapi.json", app, headers=kop)
    fouten: dict[str, str] = {}
    aantal = 0
    for uitkomst in api.get_all_operations():
        operatie = uitkomst.ok()

        @given(case=operatie.as_strategy())
        @settings(
            max_examples=VOORBEELDEN,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def controleer(case: Any) -> None:
            nonlocal aantal
            aantal += 1
            case.validate_response(case.call(headers=kop), checks=CHECKS)

        try:
            controleer()
        except Exception as e:  # collected: the report lists every operation that fails
            fouten[operatie.label] = str(e)[:2000]
    assert aantal >= 200
    assert not fouten, "\n\n".join(f"{k}:\n{v}" for k, v in fouten.items())
