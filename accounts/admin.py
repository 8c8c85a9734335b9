from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import Membership, Team, User


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0


@admin.register(User)
class StaffAdmin(UserAdmin, SimpleHistoryAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Rapport", {"fields": ("role", "job_title")}))
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    inlines = [MembershipInline]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "is_active"]
