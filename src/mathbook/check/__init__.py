r"""Graders for the book's exercises and labs.

A lab asks you to write a function; a cell then hands it to a grader, which runs it
and a hidden reference solution on the same fixed and random cases and shows the
first case where they disagree::

    from mathbook import check

    def det_2x2(A):
        return A[0][0] * A[1][1] - A[0][1] * A[1][0]

    check.linalg_w1.det_2x2(det_2x2)     # shows "passed: det_2x2 matched … on 39 cases"

A grader returns a :class:`CheckResult` (``passed``, ``n_cases``, ``message``) that a
notebook displays as its message, and it never raises because of your function:
wrong answers, wrong shapes, exceptions, a forgotten ``return``, inputs changed in place
and unfinished stubs (``raise NotImplementedError``) are all reported as messages.

Naming scheme
-------------
One module per lab, named ``<part>_w<week>``, holding one grader per function the lab
asks you to write, named exactly like that function:

| module | lab |
| --- | --- |
| `check.found_w<n>` | Part 0, Foundations, week *n* (`found_w1`, `found_w2` available) |
| `check.linalg_w<n>` | Part 1, Linear algebra, week *n* (`linalg_w1` to `linalg_w4` available) |
| `check.calculus_w<n>` | Part 2, Calculus, week *n* (planned) |
| `check.probstats_w<n>` | Part 3, Probability and statistics, week *n* (planned) |

So the grader for ``solve_2x2`` of Part 1, Week 1 is ``check.linalg_w1.solve_2x2``.
A new lab adds a module built with :func:`grader` and :func:`random_cases`, and
imports it below.

Available
---------
``found_w1``
    ``predict``, ``squared_loss``, ``loss_slope``, ``grid_search``, ``update_step``,
    ``fit``.
``found_w2``
    ``design_matrix``, ``predict``, ``mse``, ``normal_equations_fit``, ``standardise``,
    ``unstandardise``, ``gradient``, ``gradient_descent_fit``.
``linalg_w1``
    ``det_2x2``, ``is_singular``, ``solve_2x2``, ``classify_2x2``, ``det_3x3``,
    ``det_triangular``, ``is_singular_nxn``.
``linalg_w2``
    ``swap_rows``, ``scale_row``, ``add_row_multiple``, ``row_echelon``, ``rref``,
    ``rank``, ``back_substitution``, ``solve_any``.
``linalg_w3``
    ``transform``, ``matrix_from_images``, ``rotation_matrix``, ``compose``,
    ``normalise``, ``gradient``, ``train``, ``predict``.
``linalg_w4``
    ``transition_matrix``, ``steady_state``, ``power_iteration``, ``covariance_matrix``,
    ``principal_axes``, ``project``, ``reconstruct``, ``cumulative_explained_variance``.

Examples
--------
>>> from mathbook import check
>>> def solve_2x2(A, b):
...     raise NotImplementedError
>>> check.linalg_w1.solve_2x2(solve_2x2)
not done yet: solve_2x2 raises NotImplementedError
"""

from __future__ import annotations

from mathbook.check import found_w1, found_w2, linalg_w1, linalg_w2, linalg_w3, linalg_w4
from mathbook.check._core import (
    Case,
    CheckResult,
    Compare,
    Grader,
    check_function,
    grader,
    random_cases,
)

__all__ = [
    "Case",
    "CheckResult",
    "Compare",
    "Grader",
    "check_function",
    "found_w1",
    "found_w2",
    "grader",
    "linalg_w1",
    "linalg_w2",
    "linalg_w3",
    "linalg_w4",
    "random_cases",
]
