"""Classic puzzles answered exactly and by simulation: birthdays, Monty Hall, dice (private)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from mathbook._validate import (
    FloatArray,
    FloatOrArray,
    Seed,
    as_vector,
    check_bool,
    check_int,
    check_seed,
    float_or_array,
)

from ._base import as_int_array

__all__ = [
    "birthday_probability",
    "birthday_same_as_you",
    "dice_sum_distribution",
    "monty_hall_win_probability",
    "simulate_birthday",
    "simulate_dice",
    "simulate_monty_hall",
]


def birthday_probability(n: ArrayLike, days: int = 365) -> FloatOrArray:
    r"""Exact probability that at least two of $n$ people share a birthday.

    With $d$ equally likely days, person $i + 1$ avoids the first $i$ birthdays with
    probability $(d - i)/d$, so by the product rule

    $$P(\text{all different}) = \prod_{i=0}^{n-1} \frac{d - i}{d}
      = \frac{d!}{(d - n)!\, d^{\,n}}, \qquad
      P(\text{a shared birthday}) = 1 - P(\text{all different}),$$

    and it is 1 when $n > d$ (pigeonhole principle). The product is computed as a sum of
    logarithms, $\sum_{i<n} \ln(1 - i/d)$, so large $n$ and $d$ cannot overflow or
    underflow (memory grows with $\min(\max n, d)$).

    Parameters
    ----------
    n : int or array_like of int
        Number(s) of people, $n \ge 0$.
    days : int, default 365
        Number of equally likely birthdays, $d \ge 1$.

    Returns
    -------
    float or numpy.ndarray
        The probability for each ``n``.

    Raises
    ------
    ValueError
        If ``n`` has a negative or non-whole entry, or ``days`` is not a positive integer.

    Examples
    --------
    >>> from mathbook.probability import birthday_probability
    >>> round(float(birthday_probability(23)), 4)
    0.5073
    >>> birthday_probability([10, 50, 400]).round(4).tolist()
    [0.1169, 0.9704, 1.0]

    See Also
    --------
    simulate_birthday
    """
    people = as_int_array(n, "n", minimum=0)
    d = check_int(days, "days", minimum=1)
    fits = people <= d
    # log P(all different among the first m people) for m = 0, 1, ..., min(max n, d),
    # summed in log space; log1p keeps each factor 1 - i/d accurate.
    largest = int(min(people.max(), d))
    log_all_different = np.concatenate([[0.0], np.cumsum(np.log1p(-np.arange(largest) / d))])
    m = np.where(fits, people, 0.0).astype(np.int64)
    # 1 - exp(L) computed as -expm1(L) keeps precision when the probability is tiny.
    return float_or_array(np.where(fits, -np.expm1(log_all_different[m]), 1.0))


def birthday_same_as_you(n: ArrayLike, days: int = 365) -> FloatOrArray:
    r"""Exact probability that at least one of $n$ *other* people has *your* birthday.

    Each of the others misses your birthday independently with probability $(d - 1)/d$:

    $$P = 1 - \left(1 - \frac{1}{d}\right)^{n},$$

    computed as ``-expm1(n * log1p(-1/d))`` for accuracy. Far more people are needed than
    for :func:`birthday_probability` (253 rather than 23 for a better-than-even chance),
    because only pairs involving you count.

    Parameters
    ----------
    n : int or array_like of int
        Number(s) of other people, $n \ge 0$.
    days : int, default 365
        Number of equally likely birthdays, $d \ge 1$.

    Returns
    -------
    float or numpy.ndarray
        The probability for each ``n``.

    Raises
    ------
    ValueError
        If ``n`` has a negative or non-whole entry, or ``days`` is not a positive integer.

    Examples
    --------
    >>> from mathbook.probability import birthday_same_as_you
    >>> birthday_same_as_you([252, 253]).round(4).tolist()
    [0.4991, 0.5005]
    """
    people = as_int_array(n, "n", minimum=0)
    d = check_int(days, "days", minimum=1)
    # xlog1py makes 0 * log(0) = 0, so a one-day calendar (d = 1) needs no special case.
    return float_or_array(-np.expm1(special.xlog1py(people, -1.0 / d)))


def simulate_birthday(n: int, trials: int, days: int = 365, seed: Seed = None) -> float:
    r"""Estimate the chance of a shared birthday among $n$ people by simulation.

    Each trial draws $n$ birthdays uniformly from $d$ days; the estimate is the fraction of
    trials in which a sorted row has two equal neighbours,

    $$\hat P = \frac{\#\{\text{trials with a repeat}\}}{\text{trials}}
      \to P(\text{a shared birthday}),$$

    with standard error $\sqrt{P(1 - P)/\text{trials}}$. Memory use is
    ``trials * n`` integers.

    Parameters
    ----------
    n : int
        Number of people, $n \ge 0$.
    trials : int
        Number of simulated rooms, at least 1.
    days : int, default 365
        Number of equally likely birthdays.
    seed : int, numpy.random.Generator or None
        Seed (or generator) for reproducible draws.

    Returns
    -------
    float
        The simulated probability.

    Raises
    ------
    ValueError
        If an integer argument is out of range or ``seed`` is invalid.

    Examples
    --------
    >>> from mathbook.probability import simulate_birthday
    >>> round(simulate_birthday(23, trials=20_000, seed=1), 2)
    0.51

    See Also
    --------
    birthday_probability
    """
    people = check_int(n, "n", minimum=0)
    runs = check_int(trials, "trials", minimum=1)
    d = check_int(days, "days", minimum=1)
    rng = check_seed(seed)
    birthdays = np.sort(rng.integers(0, d, size=(runs, people)), axis=1)
    repeated = np.any(np.diff(birthdays, axis=1) == 0, axis=1)
    return float(repeated.mean())


def monty_hall_win_probability(n_doors: int = 3, switch: bool = True) -> float:
    r"""Exact probability of winning the car in the $n$-door Monty Hall game.

    You pick one of $n$ doors; the host, who knows where the car is, opens one *other* door
    hiding a goat; you then stay or switch to one of the $n - 2$ other closed doors, chosen
    at random.

    * Staying wins exactly when the first pick was right: $P = 1/n$.
    * Switching wins when the first pick was wrong (probability $(n - 1)/n$) — the host
      never opens the car, so it is then behind one of the $n - 2$ doors you can switch to —
      and you choose that door (probability $1/(n - 2)$). So

    $$P(\text{win} \mid \text{switch}) = \frac{n - 1}{n} \cdot \frac{1}{n - 2}
      = \frac{n - 1}{n(n - 2)} > \frac{1}{n}.$$

    For $n = 3$ that is $2/3$ against $1/3$.

    Parameters
    ----------
    n_doors : int, default 3
        Number of doors, $n \ge 3$.
    switch : bool, default True
        Whether you switch after the host opens a door.

    Returns
    -------
    float
        The winning probability.

    Raises
    ------
    ValueError
        If ``n_doors < 3`` or ``switch`` is not a bool.

    Examples
    --------
    >>> from mathbook.probability import monty_hall_win_probability
    >>> round(monty_hall_win_probability(3, switch=True), 4)
    0.6667
    >>> monty_hall_win_probability(4, switch=True), monty_hall_win_probability(4, switch=False)
    (0.375, 0.25)

    See Also
    --------
    simulate_monty_hall
    """
    n = check_int(n_doors, "n_doors", minimum=3)
    check_bool(switch, "switch")
    if switch:
        return (n - 1) / (n * (n - 2))
    return 1.0 / n


def _uniform_door_avoiding(
    rng: np.random.Generator, n: int, first: NDArray[np.int64], second: NDArray[np.int64]
) -> NDArray[np.int64]:
    """A uniformly random door in 0..n-1 different from ``first`` and ``second`` (row-wise).

    Draw ``r`` uniformly among the allowed count, then step over the excluded doors in
    increasing order: each excluded door at or below the running value shifts it up by one.
    """
    low, high = np.minimum(first, second), np.maximum(first, second)
    distinct = first != second
    count = np.where(distinct, n - 2, n - 1)
    door = np.floor(rng.random(first.shape) * count).astype(np.int64)
    door += door >= low
    door += distinct & (door >= high)
    return door


def simulate_monty_hall(
    n_doors: int = 3, switch: bool = True, trials: int = 10_000, seed: Seed = None
) -> float:
    r"""Play the $n$-door Monty Hall game many times (vectorised) and return the win rate.

    Per trial: the car and your pick are uniform over the doors; the host opens a uniformly
    chosen door that is neither your pick nor the car; if switching, you move to a uniformly
    chosen door that is neither your pick nor the opened one. The win rate estimates
    $(n - 1)/(n(n - 2))$ (switch) or $1/n$ (stay), see :func:`monty_hall_win_probability`.

    Parameters
    ----------
    n_doors : int, default 3
        Number of doors, at least 3.
    switch : bool, default True
        Whether the player switches.
    trials : int, default 10 000
        Number of games, at least 1.
    seed : int, numpy.random.Generator or None
        Seed (or generator) for reproducible draws.

    Returns
    -------
    float
        The fraction of games won.

    Raises
    ------
    ValueError
        If an argument is out of range or ``seed`` is invalid.

    Examples
    --------
    >>> from mathbook.probability import simulate_monty_hall
    >>> round(simulate_monty_hall(3, switch=True, trials=100_000, seed=0), 2)
    0.67

    See Also
    --------
    monty_hall_win_probability
    """
    n = check_int(n_doors, "n_doors", minimum=3)
    check_bool(switch, "switch")
    runs = check_int(trials, "trials", minimum=1)
    rng = check_seed(seed)
    car = rng.integers(0, n, size=runs)
    pick = rng.integers(0, n, size=runs)
    opened = _uniform_door_avoiding(rng, n, pick, car)
    final = _uniform_door_avoiding(rng, n, pick, opened) if switch else pick
    return float(np.mean(final == car))


def _die_probabilities(sides: int, weights: ArrayLike | None) -> FloatArray:
    """Validated, normalised face probabilities (uniform when ``weights`` is None)."""
    if weights is None:
        return np.full(sides, 1.0 / sides)
    w = as_vector(weights, "weights", size=sides)
    if np.any(w < 0.0):
        raise ValueError("weights must be non-negative")
    total = float(w.sum())
    if total == 0.0:
        raise ValueError("weights must not all be zero")
    return w / total


def dice_sum_distribution(
    n_dice: int = 2, sides: int = 6, weights: ArrayLike | None = None
) -> tuple[NDArray[np.int64], FloatArray]:
    r"""Exact distribution of the sum of $n$ independent dice, by repeated convolution.

    If $S_{m} = S_{m-1} + X_m$ with $X_m$ independent of $S_{m-1}$, then

    $$P(S_m = s) = \sum_{x} P(S_{m-1} = s - x)\,P(X_m = x),$$

    a discrete convolution (``numpy.convolve``), applied $n - 1$ times.

    Parameters
    ----------
    n_dice : int, default 2
        Number of dice, at least 1.
    sides : int, default 6
        Faces $1, \dots, \text{sides}$ per die, at least 2.
    weights : array_like, optional
        Relative face weights of a loaded die (length ``sides``, non-negative, not all
        zero; normalised here). Fair die when omitted.

    Returns
    -------
    values : ndarray of int64
        The possible sums $n, n + 1, \dots, n \cdot \text{sides}$.
    probabilities : ndarray of float64
        $P(S = \text{value})$ for each value; they sum to 1.

    Raises
    ------
    ValueError
        If an integer argument is out of range or ``weights`` is invalid.

    Examples
    --------
    >>> from mathbook.probability import dice_sum_distribution
    >>> values, probs = dice_sum_distribution(2)
    >>> values.tolist()
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    >>> (probs * 36).round(6).tolist()
    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]

    See Also
    --------
    simulate_dice
    """
    n = check_int(n_dice, "n_dice", minimum=1)
    k = check_int(sides, "sides", minimum=2)
    face = _die_probabilities(k, weights)
    probabilities = face
    for _ in range(n - 1):
        probabilities = np.convolve(probabilities, face)
    values = np.arange(n, n * k + 1, dtype=np.int64)
    return values, probabilities


def simulate_dice(
    n_dice: int,
    trials: int,
    sides: int = 6,
    weights: ArrayLike | None = None,
    seed: Seed = None,
) -> tuple[NDArray[np.int64], FloatArray]:
    r"""Roll $n$ dice many times and return the relative frequency of every possible sum.

    $$\hat P(S = s) = \frac{\#\{\text{trials with sum } s\}}{\text{trials}},$$

    on the same ``values`` as :func:`dice_sum_distribution`, so the two can be compared
    directly.

    Parameters
    ----------
    n_dice : int
        Number of dice per roll, at least 1.
    trials : int
        Number of rolls, at least 1.
    sides : int, default 6
        Faces per die, at least 2.
    weights : array_like, optional
        Relative face weights of a loaded die (see :func:`dice_sum_distribution`).
    seed : int, numpy.random.Generator or None
        Seed (or generator) for reproducible draws.

    Returns
    -------
    values : ndarray of int64
        The possible sums $n, \dots, n \cdot \text{sides}$.
    frequencies : ndarray of float64
        Relative frequency of each sum (they sum to 1).

    Raises
    ------
    ValueError
        If an argument is out of range or ``seed`` is invalid.

    Examples
    --------
    >>> from mathbook.probability import simulate_dice
    >>> values, freq = simulate_dice(2, trials=60_000, seed=0)
    >>> int(values[freq.argmax()])
    7

    See Also
    --------
    dice_sum_distribution
    """
    n = check_int(n_dice, "n_dice", minimum=1)
    runs = check_int(trials, "trials", minimum=1)
    k = check_int(sides, "sides", minimum=2)
    face = _die_probabilities(k, weights)
    rng = check_seed(seed)
    faces = rng.choice(k, size=(runs, n), p=face) + 1
    sums = faces.sum(axis=1)
    counts = np.bincount(sums - n, minlength=n * (k - 1) + 1)
    values = np.arange(n, n * k + 1, dtype=np.int64)
    return values, counts / runs
