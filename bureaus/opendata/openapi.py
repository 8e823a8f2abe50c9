"""The OpenAPI 3.1 description of the open-data API, built from the same schema the serializer follows."""

from bureaus.models.parts import CSV_PARTS
from bureaus.opendata.serializers import BUREAU_SCHEMA, FORMAT_VERSION
from bureaus.pages.filters import BureauFilter
from bureaus.places.regions import PROVINCES

FILTER_DESCRIPTIONS = {
    "q": "Full-text search over name, place, departments, duties, achievements and summary; ranked by relevance.",
    "province": "Province (the four municipalities count as provinces).",
    "city": "Prefecture-level city, exactly as listed.",
    "institution_type": "Slug of an institution type the bureau runs at least one of (see /api/institution-types/).",
    "department": "A word the name of one of its departments contains.",
    "founded_from": "Founded in or after this year.",
    "founded_to": "Founded in or before this year.",
    "sort": "name, province, founded or updated; prefix - for descending. Default: best match for a search, else name.",
}


def _filter_parameters():
    parameters = []
    for name in BureauFilter.base_filters:
        schema = {"type": "integer"} if name.startswith("founded") else {"type": "string"}
        if name == "province":
            schema = {"type": "string", "enum": list(PROVINCES)}
        parameters.append(
            {"name": name, "in": "query", "required": False, "description": FILTER_DESCRIPTIONS[name], "schema": schema}
        )
    return parameters


def _errors(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}},
    }


def _json_response(schema_name, description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
        "headers": {
            "ETag": {"schema": {"type": "string"}},
            "Last-Modified": {"schema": {"type": "string"}},
            "Cache-Control": {"schema": {"type": "string"}},
        },
    }


NOT_MODIFIED = {"description": "Not modified since the ETag or date the client sent."}


def openapi_document(server_url="/"):
    filters = _filter_parameters()
    paging = [
        {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1}},
        {"name": "page_size", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
    ]  # fmt: skip
    count_schema = {"type": "integer", "minimum": 0}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "District Education Bureau Portal open data",
            # The API's major version is the format's: version 2 made text facts {language tag: text}.
            "version": f"{FORMAT_VERSION}.0.0",
            "description": "Published profiles of China's district education bureaus. Read-only; any origin may read. "
            "Text facts (names, responsibilities, duties, achievements, summaries) are objects of their texts by "
            "language tag (en, zh-Hans), each in the language it was read in; nothing is machine-translated.",
        },
        "servers": [{"url": server_url.rstrip("/") or "/"}],
        "paths": {
            "/api/bureaus/": {
                "get": {
                    "summary": "Published bureaus, filtered and searched like the list page",
                    "operationId": "listBureaus",
                    "parameters": [*filters, *paging],
                    "responses": {
                        "200": _json_response("BureauPage", "A page of bureaus."),
                        "304": NOT_MODIFIED,
                        "400": _errors("A filter value is not valid."),
                        "404": _errors("The page does not exist."),
                    },
                }
            },
            "/api/bureaus/{slug}/": {
                "get": {
                    "summary": "One published bureau in the open-data format",
                    "operationId": "getBureau",
                    "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": _json_response("Bureau", "The bureau."),
                        "304": NOT_MODIFIED,
                        "404": {"description": "No published bureau has this slug."},
                    },
                }
            },
            "/api/institution-types/": {
                "get": {
                    "summary": "The shared institution types counts refer to",
                    "operationId": "listInstitutionTypes",
                    "responses": {"200": _json_response("InstitutionTypeList", "Every type."), "304": NOT_MODIFIED},
                }
            },
            "/api/statistics/": {
                "get": {
                    "summary": "Institutions of published bureaus by type and by province",
                    "operationId": "getStatistics",
                    "responses": {"200": _json_response("Statistics", "The totals."), "304": NOT_MODIFIED},
                }
            },
            "/api/csv/{kind}.csv": {
                "get": {
                    "summary": "CSV of bureaus or of their items, one row per item with its bureau's slug",
                    "operationId": "downloadCsv",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": ["bureaus", *CSV_PARTS]},
                        },
                        *filters,
                    ],
                    "responses": {
                        "200": {
                            "description": (
                                "CSV (UTF-8) with a header row. A text cell that would start with =, +, -, @, "
                                "a tab or a carriage return is written with a leading apostrophe (') so that "
                                "spreadsheets show it as text instead of running it as a formula. Times are "
                                "ISO 8601, as in the JSON."
                            ),
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "304": NOT_MODIFIED,
                        "400": _errors("A filter value is not valid."),
                        "404": {"description": "No such download."},
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Bureau": BUREAU_SCHEMA,
                "BureauPage": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["count", "next", "previous", "results"],
                    "properties": {
                        "count": count_schema,
                        "next": {"type": ["string", "null"], "format": "uri"},
                        "previous": {"type": ["string", "null"], "format": "uri"},
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Bureau"}},
                    },
                },
                "InstitutionType": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["slug", "name", "plural", "group", "description"],
                    "properties": {
                        "slug": {"type": "string"},
                        "name": {"type": "string"},
                        "plural": {"type": "string"},
                        "group": {"enum": ["school", "unit"]},
                        "description": {"type": "string"},
                    },
                },
                "InstitutionTypeList": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["results"],
                    "properties": {
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/InstitutionType"}}
                    },
                },
                "Statistics": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["by_type", "by_province"],
                    "properties": {
                        "by_type": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["type", "name", "plural", "chinese_name", "group", "total", "bureaus"],
                                "properties": {
                                    "type": {"type": "string"},
                                    "name": {"type": "string"},
                                    "plural": {"type": "string"},
                                    "chinese_name": {"type": "string", "description": "Empty when not known."},
                                    "group": {"enum": ["school", "unit"]},
                                    "total": count_schema,
                                    "bureaus": count_schema,
                                },
                            },
                        },
                        "by_province": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["province", "bureaus", "schools", "units"],
                                "properties": {
                                    "province": {"type": "string"},
                                    "bureaus": count_schema,
                                    # null: no bureau of the province reports any (not reported is not 0)
                                    "schools": {"type": ["integer", "null"], "minimum": 0},
                                    "units": {"type": ["integer", "null"], "minimum": 0},
                                },
                            },
                        },
                    },
                },
                "Errors": {
                    "type": "object",
                    "required": ["errors"],
                    "properties": {
                        "errors": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        }
                    },
                },
            }
        },
    }
