"""Tables of the prescan app; rules live in opmaat.domain."""
