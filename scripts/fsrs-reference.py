#!/usr/bin/env python3
"""Computes the reference FSRS intervals papi-train's scheduler must equal.

Uses the `fsrs` package from PyPI (`pip install fsrs`; written with fsrs 6.3.2) with its published
default parameters, no learning or relearning steps and no fuzzing: the same scheduler
Sources/Assessment/Review/FSRS.swift implements. Simulates one question answered over 30 days
(grades 1 Again, 2 Hard, 3 Good as papi-train maps answers: wrong, right but slow, right), reviewing
it whenever it falls due, and writes every review's day, grade, stability, difficulty and next
interval to Tests/AssessmentTests/Fixtures/fsrs-reference.json.

Run once from the repository root: python3 scripts/fsrs-reference.py
"""
import json
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler

scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
start = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
# The answers of a learner, in turn: wrong at first, then mostly right, once slow, once wrong again.
grades = [1, 3, 3, 2, 3, 1, 3, 3, 3, 2, 3, 3]
histories = []
for first_delay in (0,):
    card = Card()
    day = 0
    reviews = []
    for grade in grades:
        when = start + timedelta(days=day)
        card, _ = scheduler.review_card(card, Rating(grade), when)
        interval = (card.due - when).days
        reviews.append({
            "day": day, "grade": grade, "stability": card.stability, "difficulty": card.difficulty,
            "interval": interval,
        })
        day += interval
        if day > 30:
            break
    histories.append(reviews)

# A second learner who answers the same question twice on one day (short-term stability).
card = Card()
same_day = []
for hours, grade in ((0, 3), (2, 3), (26, 3), (26 + 24 * 4, 1), (26 + 24 * 5, 3)):
    when = start + timedelta(hours=hours)
    card, _ = scheduler.review_card(card, Rating(grade), when)
    same_day.append({
        "hours": hours, "grade": grade, "stability": card.stability, "difficulty": card.difficulty,
        "interval": (card.due - when).days,
    })

# A third learner who answers it every day for 30 days, whether due or not.
card = Card()
every_day = []
pattern = [3, 3, 1, 3, 2, 3, 3, 3, 1, 3]
for day in range(30):
    when = start + timedelta(days=day)
    grade = pattern[day % len(pattern)]
    card, _ = scheduler.review_card(card, Rating(grade), when)
    every_day.append({
        "day": day, "grade": grade, "stability": card.stability, "difficulty": card.difficulty,
        "interval": (card.due - when).days,
    })

with open("Tests/AssessmentTests/Fixtures/fsrs-reference.json", "w") as out:
    json.dump({
        "fsrs": version("fsrs"), "parameters": list(scheduler.parameters),
        "desired_retention": scheduler.desired_retention, "thirty_days": histories[0],
        "same_day": same_day, "every_day": every_day,
    }, out, indent=1)
    out.write("\n")
