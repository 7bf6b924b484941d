"""A small archive written for the searchsvc tests (our own text, no shared corpus).

Used by tests/test_api.py, test_facets.py, test_pages.py, test_server.py:
``build(root)`` writes it as an index generation with indexer.build.write_paragraphs
(the ``index_root`` and ``client`` fixtures of conftest.py build it once per module).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from indexer.build import write_paragraphs
from indexer.models import Paragraph, PersonRef

with warnings.catch_warnings():
    # Starlette 1.x warns at import that it prefers the httpx2 package; with
    # filterwarnings=error that would fail every test that imports TestClient.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: F401 - imported from here by the tests

ROSA = PersonRef("rosa-luxemburg", "Rosa Luxemburg")
JAURES = PersonRef("jean-jaures", "Jean Jaurès")
KARL = PersonRef("karl-liebknecht", "Karl Liebknecht")
EMMA = PersonRef("emma-goldman", "Emma Goldman")
LAZARO = PersonRef("lazaro-cardenas", "Lázaro Cárdenas")

PERSONS = {
    "rosa-luxemburg": {"name": "Rosa Luxemburg", "sort": "Luxemburg, Rosa", "aliases": ["Red Rosa"]},
    "jean-jaures": {"name": "Jean Jaurès", "sort": "Jaurès, Jean", "aliases": ["Jaures"]},
    "karl-liebknecht": {"name": "Karl Liebknecht", "sort": "Liebknecht, Karl", "aliases": []},
    "emma-goldman": {"name": "Emma Goldman", "sort": "Goldman, Emma", "aliases": ["Red Emma"]},
    "lazaro-cardenas": {"name": "Lázaro Cárdenas", "sort": "Cárdenas, Lázaro",
                        "aliases": ["Cardenas"]},
}

XSS_SCRIPT = "<script>alert('owned')</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'


def _doc(doc_id, title, published, author, rows):
    out = []
    for n, (section, text, years, decades, persons) in enumerate(rows):
        out.append(Paragraph(
            id=f"{doc_id}#p{n}", doc_id=doc_id, title=title, position=n, text=text,
            section=section, author=author, published=published, years=tuple(years),
            decades=tuple(decades), persons=tuple(persons),
        ))
    return out


def paragraphs() -> list[Paragraph]:
    ps: list[Paragraph] = []
    ps += _doc("letters/strike-1905.md", "Notes on the Mass Strike", "1906-03-01", "A. Writer", [
        ("Origins", "In 1905 the general strike spread from the oil fields to the capital, "
         "and Rosa Luxemburg wrote that the workers had taught the party.",
         [1905], [], [ROSA]),
        ("Origins", "The strike was general in the south, while in the north the printers "
         "stopped work only for a day and went back.",
         [1905], [], []),
        ("Lessons", "Karl Liebknecht and Rosa Luxemburg argued in 1906 that a strike cannot "
         "be ordered from above like a parade.",
         [1906], [], [KARL, ROSA]),
        ("Lessons", "Deportation of the strike leaders followed; many were deported to the "
         "north and their letters were read aloud at meetings.",
         [1906, 1907], [], []),
    ])
    ps += _doc("essays/peace-1914.md", "Against the War", "1914-07-20", "B. Essayist", [
        ("", "Jean Jaurès spoke in July 1914 for an international strike against the war.",
         [1914], [1910], [JAURES]),
        ("", "After his murder the socialist deputies voted the war credits, and in the 1910s "
         "few remembered the promise of 1912.",
         [1912, 1914], [1910], [JAURES]),
        ("", "Karl Liebknecht alone voted against the credits in December 1914.",
         [1914], [1910], [KARL]),
    ])
    ps += _doc("speeches/asylum.html", "Asylum in Mexico", "1937-01-10", None, [
        ("Arrival", "Lázaro Cárdenas granted asylum in 1936 when no other government would; "
         "asylum was a policy, and asylum was a promise kept.",
         [1936], [1930], [LAZARO]),
        ("Arrival", "The ship reached the harbour in January 1937 after a long crossing, and "
         "asylum was mentioned once in the newspapers.",
         [1937], [1930], []),
        ("Exile", "Deported from one country after another, the exiles found that deportation "
         "orders followed them across borders throughout the 1930s.",
         [], [1930], []),
    ])
    ps += _doc("memoir/emma.md", "Living Notes", "1931", "Emma Goldman", [
        ("", "Emma Goldman was deported in 1919 together with two hundred others on a "
         "single ship.",
         [1919], [1910], [EMMA]),
        ("", "In the 1920s Red Emma lectured in many cities and wrote about deportation and "
         "free speech.",
         [], [1920], [EMMA]),
    ])
    ps += _doc("notes/undated.txt", "Undated Fragment " + XSS_SCRIPT, None, None, [
        ("", "A fragment with markup in it: " + XSS_SCRIPT + " and " + XSS_ATTR
         + " which must appear as text.", [], [], []),
        ("Margin " + XSS_ATTR, "A pamphlet on the general strike was found in the margin "
         "notes, printed in 1905.", [1905], [], []),
    ])
    return ps


def build(root: Path):
    """Write the corpus into a new generation under ``root`` (switched in)."""
    return write_paragraphs(paragraphs(), root, persons=PERSONS, meta={"corpus": "svc-tests"})


def assert_error_shape(response, status: int) -> dict:
    """Every JSON error has one shape (datasette's envelope)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all(
        set(e) == {"parameter", "message"} and e["message"] for e in body["errors"]
    )
    return body
