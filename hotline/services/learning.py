"""Learning from operators: corrections become training examples; a retrain job builds a new model
version from the base data plus the corrections; the routing model learns from closed tickets."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from sqlalchemy import select

from models import Category, Ticket, TrainingExample, Unit

log = logging.getLogger(__name__)


def category_corrections(hl) -> list[tuple[str, str]]:
    """Operators' category corrections, oldest first: (text, category name)."""
    with hl.sessions() as s:
        rows = s.execute(select(TrainingExample.text, TrainingExample.label)
                         .where(TrainingExample.kind == "category")
                         .order_by(TrainingExample.created_at, TrainingExample.id)).all()
    return [(t, label) for t, label in rows]


def base_training_data(hl) -> str | None:
    """The city's base training CSV (`classifier_base_data` in the config file), or the starter corpus."""
    path = hl.settings.extra.get("classifier_base_data")
    return str(Path(path).expanduser()) if path else None


def retrain_classifier(hl) -> dict:
    """Train, store and activate a new category model version; the serving model swaps by itself."""
    from classifier.registry import retrain

    corrections = category_corrections(hl)
    root = hl.settings.models_dir / "category"
    version = retrain(base_training_data(hl), corrections, root)
    with hl.uow() as uow:
        for ex in uow.session.scalars(select(TrainingExample).where(TrainingExample.kind == "category")):
            ex.model_version = ex.model_version or version
        uow.commit()
    log.info("category model retrained: version %s with %d corrections", version, len(corrections))
    return {"version": version, "corrections": len(corrections)}


def routing_history(hl) -> Iterator[tuple[str, str | None, str]]:
    """(text, category code, the unit that finally handled it) for every closed ticket."""
    with hl.sessions() as s:
        rows = s.execute(select(Ticket.content, Category.code, Unit.code)
                         .join(Unit, Unit.id == Ticket.lead_unit_id)
                         .outerjoin(Category, Category.id == Ticket.category_id)
                         .where(Ticket.status == "closed")
                         .order_by(Ticket.id)).all()
    yield from ((text, cat, unit) for text, cat, unit in rows)
