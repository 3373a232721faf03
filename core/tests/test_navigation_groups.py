"""The main navigation keeps a domain's pages in one menu at the place of its first page."""

from core.context_processors import NavGroup, NavItem, grouped


def test_grouped_items_share_one_menu_at_the_first_ones_place():
    items = [
        NavItem("Bevragingen", "/s/"),
        NavItem("Beslissingsmatrix", "/d/", group="Teamwerking"),
        NavItem("PLG's", "/p/"),
        NavItem("Samenwerking", "/c/", current=True, group="Teamwerking"),
    ]
    entries = grouped(items)
    assert [entry.label for entry in entries] == ["Bevragingen", "Teamwerking", "PLG's"]
    menu = entries[1]
    assert isinstance(menu, NavGroup) and menu.current
    assert [item.label for item in menu.items] == ["Beslissingsmatrix", "Samenwerking"]


def test_a_leader_sees_the_school_development_menu(client, leader):
    client.force_login(leader.user)
    html = client.get(f"/o/{leader.organisation.slug}/").content.decode()
    assert "<summary>Schoolontwikkeling</summary>" in html
    assert "<summary>Teamwerking</summary>" in html
