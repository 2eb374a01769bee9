class UserError(Exception):
    """A mistake in what the user asked; printed as one line, exit status 1."""
