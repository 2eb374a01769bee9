"""Places and students files for `opmaat match`, and the results written back: CSV or XLSX
as described in docs/formats/matching.md.

Reading collects every problem (file, row, column) and raises InvalidMatchingFile; nothing
is returned from files with problems. openpyxl is imported only for workbooks.
"""

from opmaat.matching.files.read import (
    PLACE_COLUMNS,
    STUDENT_COLUMNS,
    Files,
    read_instance,
)
from opmaat.matching.files.write import ASSIGNMENT_COLUMNS, assignment_rows, write_assignments

__all__ = [
    "ASSIGNMENT_COLUMNS",
    "PLACE_COLUMNS",
    "STUDENT_COLUMNS",
    "Files",
    "assignment_rows",
    "read_instance",
    "write_assignments",
]
