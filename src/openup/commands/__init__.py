"""CLI commands, one module each with `register(app)`. Thin: parse, call the library, render."""
