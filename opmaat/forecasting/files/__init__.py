"""The plan's files: the export (XLSX, PDF, XMILE) and the imports (opmaat's own XLSX
template, DUO's open mbo enrolment file, a CBS StatLine AZW table saved as CSV).
docs/formats/planning.md describes each."""
