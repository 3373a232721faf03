app_name = "vision"

urlpatterns: list = []
