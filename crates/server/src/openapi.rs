//! OpenAPI 3.1 description of the API (`GET /api/v1/openapi.json`), so an
//! SWV's developers (and tools such as schemathesis) can read and test it.
//! The per-form document schemas are linked, not copied: they live at
//! `/api/v1/forms/{swv}/{form}/schema`.

use std::collections::BTreeSet;

use serde_json::{json, Value};

/// The OpenAPI document for the forms the server judges with.
pub fn document(forms: &[aanvraagwijzer::Form]) -> Value {
    let swvs: BTreeSet<&str> = forms.iter().map(|f| f.swv()).collect();
    let names: BTreeSet<&str> = forms
        .iter()
        .filter_map(|f| f.id.split_once('/').map(|(_, name)| name))
        .collect();
    let form_params = json!([
        {
            "name": "swv", "in": "path", "required": true,
            "description": "SWV-deel van het formulier-id.",
            "schema": { "type": "string", "enum": swvs }
        },
        {
            "name": "form", "in": "path", "required": true,
            "description": "Formulier-deel van het formulier-id. Niet elke combinatie bestaat: zie GET /api/v1/forms.",
            "schema": { "type": "string", "enum": names }
        }
    ]);
    let error = |description: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
        })
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Aanvraagwijzer API",
            "version": "1",
            "description": "Controleer aanvragen voor passend onderwijs met dezelfde kern als de website. Fouten zijn JSON met een vaste code en een Nederlandse uitleg.",
            "license": { "name": "EUPL-1.2", "identifier": "EUPL-1.2" }
        },
        "paths": {
            "/api/v1/forms": {
                "get": {
                    "summary": "Alle formulieren",
                    "operationId": "listForms",
                    "responses": {
                        "200": { "description": "De formulieren met versie en links.",
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FormList" } } } }
                    }
                }
            },
            "/api/v1/forms/{swv}/{form}": {
                "parameters": form_params.clone(),
                "get": {
                    "summary": "De definitie van een formulier",
                    "operationId": "getForm",
                    "responses": {
                        "200": { "description": "Velden, secties, regels en bronnen.",
                            "content": { "application/json": { "schema": { "type": "object", "required": ["id", "version", "sections"] } } } },
                        "404": error("Dit formulier bestaat niet.")
                    }
                }
            },
            "/api/v1/forms/{swv}/{form}/schema": {
                "parameters": form_params.clone(),
                "get": {
                    "summary": "JSON Schema (2020-12) van de antwoorden",
                    "operationId": "getFormSchema",
                    "responses": {
                        "200": { "description": "Het schema van een aanvraag voor dit formulier.",
                            "content": { "application/schema+json": { "schema": { "type": "object", "required": ["$schema"] } } } },
                        "404": error("Dit formulier bestaat niet.")
                    }
                }
            },
            "/api/v1/forms/{swv}/{form}/validate": {
                "parameters": form_params,
                "post": {
                    "summary": "Controleer een aanvraag",
                    "description": "Geeft precies het oordeel van de kern (validate) voor de datum van vandaag op de server. Een onvolledige aanvraag is een antwoord (200, valid: false), geen fout.",
                    "operationId": "validateDocument",
                    "requestBody": {
                        "required": true,
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Document" } } }
                    },
                    "responses": {
                        "200": { "description": "Het oordeel.",
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Verdict" } } } },
                        "400": error("Geen leesbare JSON, geen UTF-8 of te diep genest."),
                        "404": error("Dit formulier bestaat niet."),
                        "408": error("Het versturen duurde te lang."),
                        "413": error("De aanvraag is te groot."),
                        "415": error("Niet als application/json verstuurd."),
                        "422": error("JSON, maar geen aanvraag."),
                        "429": error("Te veel uploads tegelijk vanaf dit adres."),
                        "503": error("De server is te druk.")
                    }
                }
            },
            "/api/v1/verify": {
                "post": {
                    "summary": "Controleer een pakket (ZIP)",
                    "description": "Controleert controlegetallen, manifest, samenvatting en de antwoorden opnieuw. Een gewijzigd pakket is 422 package-tampered met het rapport.",
                    "operationId": "verifyPackage",
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/zip": { "schema": { "type": "string", "contentMediaType": "application/zip" } },
                            "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/zip" } }
                        }
                    },
                    "responses": {
                        "200": { "description": "Het pakket is ongewijzigd; ok zegt of de aanvraag compleet is.",
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VerifyAnswer" } } } },
                        "408": error("Het versturen duurde te lang."),
                        "413": error("Het pakket is te groot of pakt te groot uit."),
                        "415": error("Niet als application/zip verstuurd."),
                        "422": error("Geen leesbaar pakket, of gewijzigd (package-tampered)."),
                        "429": error("Te veel uploads tegelijk vanaf dit adres."),
                        "503": error("De server is te druk.")
                    }
                }
            },
            "/api/v1/health": {
                "get": {
                    "summary": "Werkt de server?",
                    "operationId": "health",
                    "responses": {
                        "200": { "description": "De server werkt.",
                            "content": { "application/json": { "schema": {
                                "type": "object", "required": ["status", "core_version", "forms"],
                                "properties": { "status": { "const": "ok" }, "core_version": { "type": "string" }, "forms": { "type": "integer" } }
                            } } } }
                    }
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "Deze beschrijving",
                    "operationId": "openapi",
                    "responses": {
                        "200": { "description": "OpenAPI 3.1.",
                            "content": { "application/json": { "schema": { "type": "object", "required": ["openapi"] } } } }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": { "type": "string", "description": "Vaste code, bijvoorbeeld json-invalid of package-tampered." },
                        "message": { "type": "string", "description": "Nederlandse uitleg: wat er mis is en wat te doen." },
                        "line": { "type": "integer" },
                        "column": { "type": "integer" },
                        "limit": { "type": "integer" },
                        "report": { "type": "object", "description": "Bij package-tampered: het hele rapport." }
                    }
                },
                "FormList": {
                    "type": "object",
                    "required": ["core_version", "forms"],
                    "properties": {
                        "core_version": { "type": "string" },
                        "forms": { "type": "array", "items": {
                            "type": "object",
                            "required": ["id", "swv", "swv_name", "title", "version", "links"],
                            "properties": {
                                "id": { "type": "string" }, "swv": { "type": "string" },
                                "swv_name": { "type": "string" }, "title": { "type": "string" },
                                "version": { "type": "string" },
                                "links": { "type": "object", "required": ["definition", "schema", "validate"] }
                            }
                        } }
                    }
                },
                "Document": {
                    "type": "object",
                    "required": ["form", "form_version"],
                    "description": "Een aanvraag; het precieze schema per formulier staat op /api/v1/forms/{swv}/{form}/schema.",
                    "properties": {
                        "form": { "type": "string" },
                        "form_version": { "type": "string" },
                        "answers": { "type": "object" }
                    }
                },
                "Finding": {
                    "type": "object",
                    "required": ["code", "path", "severity", "message"],
                    "properties": {
                        "code": { "type": "string" },
                        "path": { "type": "string", "description": "JSON Pointer in de aanvraag." },
                        "severity": { "enum": ["fout", "waarschuwing", "tip"] },
                        "message": { "type": "string" },
                        "source": { "type": "object", "required": ["key", "document", "section"] }
                    }
                },
                "Verdict": {
                    "type": "object",
                    "required": ["form", "form_version", "core_version", "checked_on", "valid", "findings"],
                    "properties": {
                        "form": { "type": "string" },
                        "form_version": { "type": "string" },
                        "core_version": { "type": "string" },
                        "checked_on": { "type": "string", "description": "dd-mm-jjjj" },
                        "valid": { "type": "boolean", "description": "Geen bevinding houdt de aanvraag tegen." },
                        "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } }
                    }
                },
                "VerifyAnswer": {
                    "type": "object",
                    "required": ["ok", "headline", "intact", "tampering", "pdf_proven", "manifest", "verdict"],
                    "properties": {
                        "ok": { "type": "boolean" },
                        "headline": { "type": "string" },
                        "intact": { "type": "boolean" },
                        "tampering": { "type": "array" },
                        "pdf_proven": { "type": "boolean", "description": "De PDF is opnieuw gemaakt uit aanvraag.json en is byte voor byte gelijk: hij toont precies deze antwoorden. Onwaar voor een pakket van een andere versie van Aanvraagwijzer (zie notes)." },
                        "notes": { "type": "array", "items": { "type": "string" }, "description": "Wat deze controle niet kon nagaan, en waarom." },
                        "manifest": { "type": "object" },
                        "verdict": { "$ref": "#/components/schemas/Verdict" }
                    }
                }
            }
        }
    })
}
