"""The projector view: read-only, large type, shared content only, following the mediator's step.

Opened by the mediator in a second window on the projector (ui/projector.py).
"""
from __future__ import annotations

from ui import common, projector

projector.follow_the_mediator(common.projector_frame())
