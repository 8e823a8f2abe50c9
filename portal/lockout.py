"""
The login lockout's two additions to django-axes: whose address a request is, and a limit per username.

Whose address: django-axes reads ``REMOTE_ADDR`` unless django-ipware is installed, so behind the TLS
proxy every visitor had the proxy's address and five wrong passwords from anyone locked a username out
for everyone. ``client_address`` believes ``X-Forwarded-For`` only when ``PROXY_COUNT`` says proxies are
there, and then only the entry the nearest of them wrote: each proxy appends the address it saw, so the
client's is ``PROXY_COUNT`` entries from the right, and whatever a client put to the left of it is
ignored. (A function of our own rather than django-ipware: one rule, no dependency.)

A limit per username: axes counts failures per (username, address) against one limit, so guesses from
many addresses were endless. ``LockoutHandler`` also locks a username out at every address once
``AXES_USERNAME_FAILURE_LIMIT`` failures for it, from any addresses, fall within the cool-off time.
"""

import ipaddress
import logging

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum

log = logging.getLogger("axes")


def client_address(request):
    """The visitor's address: from the proxies' ``X-Forwarded-For`` when ``PROXY_COUNT`` proxies are in
    front, else (or when the header is missing, too short or not an address) ``REMOTE_ADDR``."""
    remote = request.META.get("REMOTE_ADDR")
    if settings.PROXY_COUNT <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < settings.PROXY_COUNT:
        return remote  # it did not come through every proxy
    candidate = hops[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler, with a second limit: failures for one username from every address."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self.username_is_locked(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return  # axes locked this username at this address already (or cannot work without a request)
        if self.is_whitelisted(request, credentials) or not self.username_is_locked(request, credentials):
            return
        username = get_client_username(request, credentials)
        log.warning(
            "AXES: Locking out username %r at every address after %d failed logins from several addresses.",
            username,
            settings.AXES_USERNAME_FAILURE_LIMIT,
        )
        # What axes does when its own limit is reached: the middleware answers with the lockout page.
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)

    @staticmethod
    def username_is_locked(request, credentials=None):
        username = get_client_username(request, credentials)
        if not username:
            return False
        attempts = AccessAttempt.objects.filter(username=username)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        return failures >= settings.AXES_USERNAME_FAILURE_LIMIT
