"""Every lab notebook runs: its blanks fail the graders, its reference solutions pass them.

A lab's exercise cells are tagged ``exercise`` and define one function each, as a stub
that raises ``NotImplementedError``. The reference solutions live in
``tests/labs/<path with / replaced by _>.py``, one function per exercise.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
from conftest import DOCS, ROOT
from nbclient import NotebookClient

LABS = sorted(DOCS.rglob("*.ipynb"))
SOLUTIONS = ROOT / "tests" / "labs"


def lab_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def solutions_for(lab: Path) -> dict[str, str]:
    path = SOLUTIONS / (lab.relative_to(DOCS).with_suffix("").as_posix().replace("/", "_") + ".py")
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    imports = "\n".join(
        ast.get_source_segment(source, node) or ""
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
    )
    return {
        node.name: imports + "\n\n\n" + (ast.get_source_segment(source, node) or "")
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    }


def exercise_name(cell: nbformat.NotebookNode) -> str:
    match = re.search(r"^def (\w+)\(", cell.source, re.MULTILINE)
    assert match, f"exercise cell defines no function:\n{cell.source}"
    return match.group(1)


def grader_outputs(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "check." in cell.source:
            text = "".join(
                out.get("data", {}).get("text/plain", "") + out.get("text", "")
                for out in cell.get("outputs", [])
            )
            texts.append(text)
    return texts


def run(nb: nbformat.NotebookNode, lab: Path) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(lab.parent)}}
    )
    client.execute()
    return nb


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_lab_is_clean(lab: Path) -> None:
    nb = nbformat.read(lab, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, (
                "strip outputs before committing"
            )
    exercises = [c for c in nb.cells if "exercise" in c.metadata.get("tags", [])]
    assert exercises, "a lab has graded exercises"
    for cell in exercises:
        assert "raise NotImplementedError" in cell.source


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_blank_lab_runs_and_every_grader_says_not_done(lab: Path) -> None:
    nb = run(nbformat.read(lab, as_version=4), lab)
    outputs = grader_outputs(nb)
    assert outputs and all(out.startswith("not done yet") for out in outputs), outputs


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_reference_solutions_pass_every_grader(lab: Path) -> None:
    nb = nbformat.read(lab, as_version=4)
    solutions = solutions_for(lab)
    for cell in nb.cells:
        if "exercise" in cell.metadata.get("tags", []):
            cell.source = solutions[exercise_name(cell)]
    nb = run(nb, lab)
    outputs = grader_outputs(nb)
    assert outputs and all(out.startswith("passed") for out in outputs), outputs
