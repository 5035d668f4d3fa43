"""The marks that set the parts of a line apart, a range's mark and a time of day, written once for
every reader.

A dash separates when spaces stand around it (`Title - Name`, `Title – Name`, `Title -- Name`) or when
it is an em dash or a horizontal bar, which typography writes unspaced (`Title—Name`); an unspaced
hyphen or en dash joins words and ranges (`Real-Time`, `10–11`) and separates nothing.
"""

from __future__ import annotations

DASH = r"(?:\s+[-–—―]{1,2}\s+|\s*[—―]\s*)"
# What divides the parts of a line (`Title - Name`, `Title | Name`, `제목 / 이름`, `Title : Name`):
# a dash, or a pipe, slash or colon between spaces.
SEPARATOR = rf"(?:{DASH}|\s+[|/:]\s+)"
# The mark between the ends of a range of times or dates (`10:00 - 10:40`, `10:00~10:40`, `10:00—10:40`).
RANGE = r"\s*[-~–—―]\s*"
# A time of day on either clock: `10:40`, `10시 30분`, `오후 2:30`, `2:15 PM`, `9am`.
CLOCK = r"(?:(?:오전|오후)\s?)?(?:\d{1,2}[:시]\d{0,2}분?|\d{1,2}(?=\s?[AaPp]\.?[Mm]\b))(?:\s?[AaPp]\.?[Mm]\b\.?)?"
