"""Admin wiring: each role's panels on the dashboard."""

from wagtail import hooks

from .panels import construct_panel

hooks.register("construct_homepage_panels", construct_panel)
