"""Office mode (docs/office-hub.md): the gateway as one office's hub on embedded SQLite.

Counters sync to it with the unchanged contract; it adds pairing, the office feed and the
queue of events to forward to the province. It imports nothing from `intake_app`: the hub's
composition (TLS, the forwarder, the command) lives in `intake_app/hub/`.
"""
