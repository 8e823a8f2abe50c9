"""The admin app with the portal's own admin site (``portal.admin_site``) as ``admin.site``."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
