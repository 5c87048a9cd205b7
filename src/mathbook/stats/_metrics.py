"""Classification metrics: accuracy, confusion matrix, precision and recall (private)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook._validate import as_binary_labels, as_labels, as_scalar

__all__ = ["accuracy", "confusion_matrix", "precision", "recall"]


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Fraction of predictions equal to the true label.

    $$\text{accuracy} = \frac{1}{n}\sum_{i=1}^{n} [\hat y_i = y_i].$$

    On unbalanced data it misleads: with 1% spam, "never spam" scores 99%.

    Parameters
    ----------
    y_true, y_pred : array_like
        1-D label arrays of equal length (any labels: numbers, strings, booleans).

    Returns
    -------
    float
        The accuracy in $[0, 1]$.

    Raises
    ------
    ValueError
        If the arrays are empty, not 1-D, or differ in length.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.accuracy(["spam", "ham", "ham", "spam"], ["spam", "ham", "spam", "spam"])
    0.75
    """
    truth = as_labels(y_true, "y_true")
    predicted = as_labels(y_pred, "y_pred", length=truth.size, other="y_true")
    return float(np.mean(truth == predicted))


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.int64]:
    r"""Counts of each (true, predicted) pair for binary labels 0/1.

    $$\begin{bmatrix} \text{TN} & \text{FP} \\ \text{FN} & \text{TP} \end{bmatrix},$$

    rows are the true class (0 then 1), columns the predicted class — the layout of
    scikit-learn's ``confusion_matrix``.

    Parameters
    ----------
    y_true, y_pred : array_like
        1-D arrays of 0/1 (or ``False``/``True``) labels, equal length; 1 is "positive".

    Returns
    -------
    ndarray of int64, shape (2, 2)
        ``[[TN, FP], [FN, TP]]``.

    Raises
    ------
    ValueError
        If a label is not 0 or 1, or the arrays are empty or differ in length.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.confusion_matrix([1, 0, 1, 1, 0], [1, 1, 0, 1, 0]).tolist()
    [[1, 1], [1, 2]]
    """
    truth = as_binary_labels(y_true, "y_true")
    predicted = as_binary_labels(y_pred, "y_pred")
    if truth.size != predicted.size:
        raise ValueError(
            f"y_true and y_pred must have the same length, got {truth.size} and {predicted.size}"
        )
    # Code each pair as 2 * true + predicted: 0 = TN, 1 = FP, 2 = FN, 3 = TP.
    codes = (2.0 * truth + predicted).astype(np.int64)
    return np.bincount(codes, minlength=4).reshape(2, 2).astype(np.int64)


def _check_zero_division(value: float) -> float:
    if isinstance(value, float) and math.isnan(value):
        return value
    number = as_scalar(value, "zero_division")
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"zero_division must be in [0, 1] or nan, got {number!r}")
    return number


def precision(y_true: ArrayLike, y_pred: ArrayLike, zero_division: float = 0.0) -> float:
    r"""Of the items predicted positive, the fraction that really are positive.

    $$\text{precision} = \frac{\text{TP}}{\text{TP} + \text{FP}}.$$

    If nothing is predicted positive the ratio is $0/0$; like scikit-learn, the function
    then returns ``zero_division`` (default 0.0; pass ``float("nan")`` to mark it
    undefined).

    Parameters
    ----------
    y_true, y_pred : array_like
        1-D arrays of 0/1 labels, equal length; 1 is "positive".
    zero_division : float, default 0.0
        Value returned when there are no positive predictions (in $[0, 1]$ or NaN).

    Returns
    -------
    float
        The precision.

    Raises
    ------
    ValueError
        As for :func:`confusion_matrix`, or if ``zero_division`` is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> round(stats.precision([1, 0, 1, 1, 0], [1, 1, 0, 1, 0]), 4)
    0.6667
    """
    fallback = _check_zero_division(zero_division)
    (_, fp), (_, tp) = confusion_matrix(y_true, y_pred).tolist()
    return tp / (tp + fp) if tp + fp > 0 else fallback


def recall(y_true: ArrayLike, y_pred: ArrayLike, zero_division: float = 0.0) -> float:
    r"""Of the truly positive items, the fraction the classifier found (sensitivity).

    $$\text{recall} = \frac{\text{TP}}{\text{TP} + \text{FN}}.$$

    If there are no positive items the ratio is $0/0$ and ``zero_division`` is returned.

    Parameters
    ----------
    y_true, y_pred : array_like
        1-D arrays of 0/1 labels, equal length; 1 is "positive".
    zero_division : float, default 0.0
        Value returned when ``y_true`` has no positives (in $[0, 1]$ or NaN).

    Returns
    -------
    float
        The recall.

    Raises
    ------
    ValueError
        As for :func:`confusion_matrix`, or if ``zero_division`` is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> round(stats.recall([1, 0, 1, 1, 0], [1, 1, 0, 1, 0]), 4)
    0.6667
    """
    fallback = _check_zero_division(zero_division)
    _, (fn, tp) = confusion_matrix(y_true, y_pred).tolist()
    return tp / (tp + fn) if tp + fn > 0 else fallback
