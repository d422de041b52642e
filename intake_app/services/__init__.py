"""Feature services the desk hands out (`desk.ledger`, `desk.reports`): each joins the pure
rules, the store and the printed documents of one feature, like the desk does for intake."""
