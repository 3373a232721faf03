"""A person's home page: their teams, their open actions and their organisations."""
