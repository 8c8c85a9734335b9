"""Small named helpers shared by the apps (no business rules live here)."""
