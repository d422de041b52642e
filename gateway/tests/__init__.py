"""The gateway's tests (a package, so that its conftest does not clash with the station's)."""
