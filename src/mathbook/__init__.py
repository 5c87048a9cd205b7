"""mathbook: the companion library of *Mathematics for Machine Learning and Data Science*.

Each subject of the book has its own module; import the one you need::

    from mathbook import linalg, calculus, nn, probability, stats, plot, datasets, check

The package is small and readable on purpose: every function validates its input and
raises a :class:`ValueError` that names the problem (for a wrong *type*, an
:class:`InputError`, which is also a :class:`TypeError`; the rule is written once in
``mathbook._validate``), returns plain Python ``float`` scalars, and is checked against
NumPy/SciPy in the test suite.
"""

from mathbook._validate import InputError

__version__ = "0.1.0"
__all__ = ["InputError", "__version__"]
