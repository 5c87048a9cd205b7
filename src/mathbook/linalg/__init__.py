"""Linear algebra for the book: systems, elimination, vectors, transformations, eigen, PCA.

Part 1 of the book is built on these functions::

    from mathbook import linalg

    E = linalg.eliminate([[1, 1], [3, -1]], [4, 0], reduced=True, pivoting="first")
    print(E.to_text())                     # the worked solution, step by step
    linalg.solve([[2, 1], [1, 3]], [3, 5])  # Gaussian elimination + back substitution
    A, b, names = linalg.parse_system("2x + y = 3; x + 3y = 5")   # a system typed as text

Every function validates its input and raises :class:`ValueError` (or its subclass
:class:`SingularMatrixError`) with a message naming the argument. Rank decisions use one
rule everywhere: an entry counts as zero when its magnitude is at most
``10 * max(m, n) * eps * max|a_ij|`` (see :func:`rank`).
"""

from __future__ import annotations

from mathbook.linalg._eigen import characteristic_polynomial, eig, steady_state
from mathbook.linalg._elimination import (
    Elimination,
    SingularMatrixError,
    Step,
    SystemKind,
    add_row_multiple,
    augment,
    det,
    eliminate,
    rank,
    row_echelon,
    rref,
    scale_row,
    swap_rows,
)
from mathbook.linalg._format import format_number, matrix_to_latex, matrix_to_text
from mathbook.linalg._parse import ParsedSystem, parse_system
from mathbook.linalg._pca import PCAResult, pca
from mathbook.linalg._systems import (
    ParametricSolution,
    back_substitution,
    classify_system,
    inverse,
    least_squares,
    solve,
    solve_parametric,
)
from mathbook.linalg._transforms import (
    projection_matrix,
    reflection,
    rotation,
    scaling,
    shear,
)
from mathbook.linalg._vectors import angle, cosine_similarity, distance, dot, norm, project

__all__ = [
    # systems and elimination
    "SingularMatrixError",
    "SystemKind",
    "Step",
    "Elimination",
    "ParametricSolution",
    "swap_rows",
    "scale_row",
    "add_row_multiple",
    "augment",
    "eliminate",
    "row_echelon",
    "rref",
    "rank",
    "det",
    "solve",
    "classify_system",
    "inverse",
    "back_substitution",
    "solve_parametric",
    "least_squares",
    # systems typed as text
    "ParsedSystem",
    "parse_system",
    # printing
    "format_number",
    "matrix_to_text",
    "matrix_to_latex",
    # vectors
    "norm",
    "dot",
    "angle",
    "cosine_similarity",
    "project",
    "distance",
    # transformations
    "rotation",
    "scaling",
    "shear",
    "reflection",
    "projection_matrix",
    # eigen, Markov, PCA
    "eig",
    "characteristic_polynomial",
    "steady_state",
    "PCAResult",
    "pca",
]

# Tracebacks name the exception as ``mathbook.linalg.SingularMatrixError``, where readers
# import it from, rather than the private module that defines it.
SingularMatrixError.__module__ = __name__
