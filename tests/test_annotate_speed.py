"""bench.annotate_speed: the annotation-only speed figure, on a corpus written here."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_measures_cold_and_with_the_authority(tmp_path: Path) -> None:
    from bench.annotate_speed import measure

    (tmp_path / "a.txt").write_text("A day at the works\n\nSamuel Halloran wrote to the committee.\n\n"
                                    "Halloran was angry, and Halloran said so.\n", encoding="utf-8")
    figures = measure(tmp_path)
    assert figures["paragraphs"] >= 2
    for key in ("cold_discovery_rate", "cold_annotate_rate", "authority_discovery_rate",
                "authority_annotate_rate"):
        assert figures[key] > 0


@pytest.mark.parametrize("argv", [["--corpus", "/nonexistent"], ["--baseline", "/nonexistent"]])
def test_bad_folders_are_clear_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from bench.annotate_speed import main

    if argv[0] == "--baseline":
        argv = [*argv, "--corpus", str(tmp_path)]
    assert main(argv) == 1
    assert capsys.readouterr().err.startswith("Error: ")
