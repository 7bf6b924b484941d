"""Archive Search web service: a Starlette app over the index generations.

Run it with ``python -m searchsvc``; build the app in code with
:func:`searchsvc.app.create_app`.
"""
