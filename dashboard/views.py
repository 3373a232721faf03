from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .selectors import dashboard_for_user


@login_required
def dashboard(request):
    return render(request, "dashboard/dashboard.html", dashboard_for_user(user=request.user))
