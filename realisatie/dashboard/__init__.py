"""The dashboard for regietafel members: tables, selectors per page and the views' helpers.

A plain package inside the `realisatie` app (templates and catalogue are the app's).
"""
