"""The local web app (`openup web`): the same library as the CLI, in pages a browser shows.

Security of a local server: it binds 127.0.0.1, refuses requests whose Host is not its own (DNS
rebinding), needs a CSRF token on every state-changing request, sends a strict Content-Security-Policy
with no inline script or style, and renders everything from a chat or a draft through Jinja2's
autoescape or as JSON that the page's script sets as text. Nothing it serves comes from elsewhere.
"""

from openup.web.app import create_app

__all__ = ["create_app"]
