"""Tables of the progress app; rules live in opmaat.domain."""
