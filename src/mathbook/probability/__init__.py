"""Probability: distributions, inverse-CDF sampling, classic simulations and Bayes' rule.

The companion code of Part 3, Weeks 1–2 of the book.

Distributions are small frozen dataclasses with one interface (names as in
``scipy.stats``): ``pmf`` (discrete) or ``pdf`` (continuous), ``cdf``, ``ppf`` (inverse
CDF), ``mean``, ``var``, ``std`` and ``sample(size, seed)``. They are vectorised: a scalar
argument gives a Python ``float``, an array gives an array of the same shape.

>>> from mathbook.probability import Binomial, Normal
>>> round(float(Binomial(10, 0.5).pmf(5)), 4), round(float(Normal(0, 1).cdf(1.96)), 4)
(0.2461, 0.975)
"""

from __future__ import annotations

from ._base import (
    ContinuousDistribution,
    DiscreteDistribution,
    Distribution,
    FloatOrArray,
    Seed,
    Size,
)
from ._bayes import bayes_rule, posterior
from ._continuous import Cauchy, ChiSquared, Normal, Uniform
from ._discrete import Bernoulli, Binomial, Poisson
from ._sampling import empirical_frequency, inverse_cdf_sample
from ._simulations import (
    birthday_probability,
    birthday_same_as_you,
    dice_sum_distribution,
    monty_hall_win_probability,
    simulate_birthday,
    simulate_dice,
    simulate_monty_hall,
)

__all__ = [
    "Bernoulli",
    "Binomial",
    "Cauchy",
    "ChiSquared",
    "ContinuousDistribution",
    "DiscreteDistribution",
    "Distribution",
    "FloatOrArray",
    "Normal",
    "Poisson",
    "Seed",
    "Size",
    "Uniform",
    "bayes_rule",
    "birthday_probability",
    "birthday_same_as_you",
    "dice_sum_distribution",
    "empirical_frequency",
    "inverse_cdf_sample",
    "monty_hall_win_probability",
    "posterior",
    "simulate_birthday",
    "simulate_dice",
    "simulate_monty_hall",
]
