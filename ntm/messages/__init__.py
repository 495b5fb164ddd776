"""The vi/en message catalogue: key → (Vietnamese, English), one module per area of the product.

Read it through ``ntm.i18n.t``. Add a key to the module of the page or package that shows it;
a key defined in two modules is an error (checked at import).
"""

from ntm.messages import (
    access,
    cli,
    common,
    compare,
    counts,
    criteria,
    history,
    ingest,
    layout,
    levels,
    national,
    officials,
    overview,
    profile,
    reports,
    resources,
    setup,
    targets,
    trust,
    upload,
    villages,
)

AREAS = (
    layout,
    common,
    cli,
    ingest,
    overview,
    criteria,
    compare,
    profile,
    targets,
    reports,
    setup,
    trust,
    access,
    national,
    officials,
    counts,
    villages,
    resources,
    levels,
    history,
    upload,
)

MESSAGES: dict[str, tuple[str, str]] = {}
for _area in AREAS:
    _clash = MESSAGES.keys() & _area.MESSAGES.keys()
    if _clash:
        raise ValueError(f"message keys defined twice: {sorted(_clash)}")
    MESSAGES.update(_area.MESSAGES)
