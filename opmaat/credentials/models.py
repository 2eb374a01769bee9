"""Tables of the credentials app; rules live in opmaat.domain."""
