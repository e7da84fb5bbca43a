"""The web app: HTTP API, dashboard pages and sign-in (`oncowatch serve`)."""
