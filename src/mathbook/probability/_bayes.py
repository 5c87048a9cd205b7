"""Bayes' theorem for a test result and for a discrete set of hypotheses (private)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    as_vector,
    check_probabilities,
    check_probability,
    check_same_length,
)

__all__ = ["bayes_rule", "posterior"]


def bayes_rule(prior: float, sensitivity: float, false_positive_rate: float) -> float:
    r"""Probability of a condition $A$ after a positive test $B$: $P(A \mid B)$.

    With prior $P(A)$, sensitivity $P(B \mid A)$ and false-positive rate
    $P(B \mid \lnot A)$, the law of total probability gives the evidence
    $P(B) = P(B \mid A)P(A) + P(B \mid \lnot A)(1 - P(A))$, and Bayes' theorem

    $$P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B \mid A)P(A) + P(B \mid \lnot A)(1 - P(A))}.$$

    Parameters
    ----------
    prior : float
        $P(A)$, e.g. how common the disease is.
    sensitivity : float
        $P(B \mid A)$, the probability that the test is positive when $A$ holds.
    false_positive_rate : float
        $P(B \mid \lnot A)$ ($= 1 -$ specificity).

    Returns
    -------
    float
        The posterior $P(A \mid B)$.

    Raises
    ------
    ValueError
        If an argument is not a probability in $[0, 1]$, or if $P(B) = 0$ (a positive
        result is impossible, so conditioning on it is meaningless).

    Examples
    --------
    A disease affects 1 in 10 000 people; the test detects it 99% of the time and is
    falsely positive for 1% of healthy people. A positive result means only:

    >>> from mathbook.probability import bayes_rule
    >>> round(bayes_rule(prior=0.0001, sensitivity=0.99, false_positive_rate=0.01), 4)
    0.0098
    """
    p_a = check_probability(prior, "prior")
    p_b_given_a = check_probability(sensitivity, "sensitivity")
    p_b_given_not_a = check_probability(false_positive_rate, "false_positive_rate")
    true_positive = p_b_given_a * p_a
    evidence = true_positive + p_b_given_not_a * (1.0 - p_a)
    if evidence == 0.0:
        raise ValueError(
            "the evidence P(B) = sensitivity*prior + false_positive_rate*(1 - prior) is 0, "
            "so a positive result is impossible and P(A | B) is undefined"
        )
    return true_positive / evidence


def posterior(prior: ArrayLike, likelihoods: ArrayLike) -> FloatArray:
    r"""Posterior probabilities of hypotheses $H_1, \dots, H_m$ after observing data $D$.

    $$P(H_i \mid D) = \frac{P(D \mid H_i)\,P(H_i)}{\sum_{j=1}^{m} P(D \mid H_j)\,P(H_j)}.$$

    The denominator, the evidence $P(D)$, is what makes the result sum to 1.

    Parameters
    ----------
    prior : array_like
        $P(H_1), \dots, P(H_m)$: probabilities in $[0, 1]$ that sum to 1 (within $10^{-9}$).
    likelihoods : array_like
        $P(D \mid H_1), \dots, P(D \mid H_m)$: non-negative numbers (probabilities, or
        densities for continuous data), same length as ``prior``.

    Returns
    -------
    ndarray of float64
        The normalised posterior vector.

    Raises
    ------
    ValueError
        If ``prior`` is not a probability vector, ``likelihoods`` has a negative entry or a
        different length, or the evidence $P(D)$ is 0.

    Examples
    --------
    One of three coins (P(heads) = 0.2, 0.5, 0.8), chosen uniformly, shows heads:

    >>> from mathbook.probability import posterior
    >>> posterior([1/3, 1/3, 1/3], [0.2, 0.5, 0.8]).round(4).tolist()
    [0.1333, 0.3333, 0.5333]
    """
    p = as_vector(prior, "prior")
    lik = as_vector(likelihoods, "likelihoods")
    check_same_length(p, lik, "prior", "likelihoods")
    check_probabilities(p, "prior")
    if abs(float(p.sum()) - 1.0) > 1e-9:
        raise ValueError(f"prior must sum to 1, got a sum of {float(p.sum())!r}")
    if np.any(lik < 0.0):
        raise ValueError("likelihoods must be non-negative")
    joint = lik * p
    evidence = float(joint.sum())
    if evidence == 0.0:
        raise ValueError(
            "the evidence sum(prior * likelihoods) is 0: the data are impossible under "
            "every hypothesis with positive prior"
        )
    return joint / evidence
