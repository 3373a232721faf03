"""A newcomer imports the staff export of the school administration system as it is: semicolons,
Windows-1252, a "Basisteam" column, a column Leerkring does not use and three teams that do
not exist yet. One upload, a few answers in the preview, and the staff is in; then a team pulse
goes to the whole staff in one step."""

import datetime

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import ngettext
from playwright.sync_api import expect

from organisations.models import Membership, StaffImport, TeamMembership
from organisations.tests.factories import TeamFactory
from surveys.loader import load_all
from surveys.models import InstrumentVersion, Survey

EXPORT = (
    "Voornaam;Naam;E-mail;Ambt;Basisteam;Stamnummer\n"
    "René;Dupré;rene.dupre@delinde.be;leraar;Kleuters;1001\n"
    "Anaïs;Wouters;anais.wouters@delinde.be;zorgcoördinator;Zorg;1002\n"
    "Jens;Janssens;jens.janssens@delinde.be;leraar;Lagere school;1003\n"
    "Fien;Maes;fien.maes@delinde.be;leraar;Eerste graad;1004\n"
).encode("cp1252")
NEW_TEAMS = ["Kleuters", "Zorg", "Lagere school"]


def test_a_newcomer_imports_a_school_export_with_one_upload(
    page, login_as, leader, check_accessibility, dutch
):
    school = leader.organisation
    TeamFactory(organisation=school, name="Eerste graad")
    login_as(page, leader, next_url=f"/o/{school.slug}/import/")
    page.locator("#id_file").set_input_files(
        {"name": "personeel-export.csv", "mimeType": "text/csv", "buffer": EXPORT}
    )
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    # The preview says plainly which column is left out and asks about the unknown teams.
    expect(page.locator("#ignored-columns")).to_contain_text("Stamnummer")
    choices = page.locator("#import-choices")
    selects = choices.locator("select")
    expect(selects).to_have_count(4)  # the unknown column and the three teams
    for number, name in enumerate(NEW_TEAMS):
        select = choices.locator(f"#id_team_{number}")
        expect(page.locator(f"label[for='id_team_{number}']")).to_contain_text(name)
        expect(select).to_have_value("new")
    expect(choices.locator("#id_column_5")).to_have_value("")
    expect(page.get_by_role("button", name=dutch("Confirm the import"))).to_have_count(0)
    check_accessibility(page)

    # Checking again reads the stored file: no second upload.
    with page.expect_navigation():
        choices.get_by_role("button", name=dutch("Check again")).click()
    expect(page.locator(".messages")).to_contain_text(
        dutch("The file was checked again with your choices.")
    )
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#new-teams")).to_contain_text("Kleuters, Zorg, Lagere school")
    expect(page.locator("#line-2")).to_contain_text("René Dupré")
    check_accessibility(page)
    assert StaffImport.objects.filter(organisation=school).count() == 1
    assert not school.teams.filter(name__in=NEW_TEAMS).exists()

    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Confirm the import")).click()
    expect(page.locator(".messages")).to_have_text(dutch("The staff list was imported."))
    check_accessibility(page)

    homes = dict(
        TeamMembership.objects.filter(team__organisation=school, is_home=True).values_list(
            "membership__user__email", "team__name"
        )
    )
    assert homes == {
        "rene.dupre@delinde.be": "Kleuters",
        "anais.wouters@delinde.be": "Zorg",
        "jens.janssens@delinde.be": "Lagere school",
        "fien.maes@delinde.be": "Eerste graad",
    }
    rene = Membership.objects.get(organisation=school, user__email="rene.dupre@delinde.be")
    assert (rene.user.first_name, rene.user.last_name, rene.function) == ("René", "Dupré", "leraar")

    # The team pulse to the whole staff, just imported: no ticking of names.
    load_all()
    pulse = InstrumentVersion.objects.get(instrument__code="teampols")
    today = timezone.localdate()
    page.goto(f"/o/{school.slug}/surveys/new/")
    page.wait_for_load_state()
    page.locator("#id_version").select_option(str(pulse.pk))
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=7)).isoformat())
    expect(page.locator("#id_subject")).to_have_count(0)  # no "who is rated" for a pulse
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Create survey")).click()
    survey = Survey.objects.get(organisation=school)
    expect(page).to_have_url(f"/o/{school.slug}/surveys/{survey.pk}/")
    page.locator("#id_rater_group").select_option(str(survey.rater_groups.get(kind="teachers").pk))
    page.get_by_label(dutch("The whole staff")).check()
    mail.outbox.clear()
    page.get_by_role("button", name=dutch("Add and send the invitations")).click()
    staff = set(
        Membership.objects.filter(organisation=school).values_list("user__email", flat=True)
    )
    with translation.override("nl-be"):
        sent = ngettext(
            "%(n)d invitation was sent.", "%(n)d invitations were sent.", len(staff)
        ) % {"n": len(staff)}
    expect(page.locator(".messages")).to_contain_text(sent)
    assert {message.to[0] for message in mail.outbox} == staff
