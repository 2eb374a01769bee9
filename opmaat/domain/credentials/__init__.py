"""Certificates and diplomas: completion rules, the Open Badges 3.0 credential, its
eddsa-jcs-2022 proof, the status list and verification. No Django here."""
