"""Tables of the recognition app; rules live in opmaat.domain."""
