"""One toolkit for tabular files (CSV and XLSX), shared by catalog and stagematching files.

Below the apps: it imports no Django and nothing of opmaat but `opmaat.domain.errors`, and
openpyxl only when a workbook is read or written (it takes 0.2 s to import). The modules:

- `problems`: the collector of every problem in a file, located by sheet, row and column;
- `cells`: the conversions of one cell (numbers with a decimal comma, dates, yes/no, codes)
  and the wording of what is wrong with it;
- `columns`: typed columns declared once as a `Table` that turns a row into a record;
- `read`: a CSV file (delimiter and byte-order mark detected) or workbook sheets as `Sheet`s;
- `write`: CSV text and workbooks with a styled, frozen header and guarded formulas.

The shared rules are in docs/formats/tabular.md.
"""
