"""Who may edit which bureau: a bureau's staff are assigned to it, and some of them may publish it."""

from django.conf import settings
from django.db import models


class Assignment(models.Model):
    """One person's right to edit one bureau, with its departments, duties, achievements, counts and
    sources; with ``can_publish``, also to publish and withdraw it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bureau_assignments")
    bureau = models.ForeignKey("bureaus.Bureau", on_delete=models.CASCADE, related_name="assignments")
    can_publish = models.BooleanField(
        "may publish", default=False, help_text="Publishers may publish and withdraw this bureau; editors may not."
    )

    class Meta:
        ordering = ["bureau", "user"]
        verbose_name = "editor assignment"
        constraints = [models.UniqueConstraint(fields=["user", "bureau"], name="assignment_unique_per_user_and_bureau")]

    def __str__(self):
        role = "publisher" if self.can_publish else "editor"
        return f"{self.user} — {role} of {self.bureau}"

    def get_absolute_url(self):
        return self.bureau.get_absolute_url()
