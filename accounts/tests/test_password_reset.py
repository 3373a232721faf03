"""Password reset by mail, with Django's views in the site's layout."""

import re

from django.urls import reverse

from accounts.tests.factories import UserFactory


def test_the_login_page_links_to_the_password_reset(client, db):
    response = client.get(reverse("accounts:login"))
    assert reverse("accounts:password_reset").encode() in response.content


def test_a_known_address_gets_a_link_that_sets_a_new_password(client, db, mailoutbox):
    user = UserFactory(email="an@school.test", language="en")
    response = client.post(reverse("accounts:password_reset"), {"email": "AN@school.test"})
    assert response.url == reverse("accounts:password_reset_done")
    (mail,) = mailoutbox
    assert mail.to == ["an@school.test"]
    assert mail.subject == "Choose a new password for Leerkring"  # the user's own language
    link = re.search(r"http://testserver(/accounts/password-reset/\S+)", mail.body).group(1)
    form = client.get(link)
    password = "een-ander-wachtwoord-7"
    client.post(form.url, {"new_password1": password, "new_password2": password})
    user.refresh_from_db()
    assert user.check_password(password)
    assert client.get(link, follow=True).context["validlink"] is False


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db, mailoutbox):
    UserFactory(email="an@school.test")
    known = client.post(reverse("accounts:password_reset"), {"email": "an@school.test"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "niemand@school.test"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert len(mailoutbox) == 1


def test_an_imported_person_without_a_password_can_choose_one(client, db, mailoutbox):
    UserFactory(email="nieuw@school.test", password="!")
    client.post(reverse("accounts:password_reset"), {"email": "nieuw@school.test"})
    assert len(mailoutbox) == 1


def test_an_inactive_account_gets_no_mail(client, db, mailoutbox):
    UserFactory(email="weg@school.test", is_active=False)
    client.post(reverse("accounts:password_reset"), {"email": "weg@school.test"})
    assert mailoutbox == []
