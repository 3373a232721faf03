from django.contrib import admin

from .models import Membership, Organisation, Team, TeamMembership


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "city", "institution_number"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "institution_number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "function", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name", "organisation__name"]
    raw_id_fields = ["organisation"]


@admin.register(TeamMembership)
class TeamMembershipAdmin(admin.ModelAdmin):
    list_display = ["membership", "team", "is_home"]
    raw_id_fields = ["membership", "team"]
