"""The log-in screen, the screen lock and the idle timer."""
