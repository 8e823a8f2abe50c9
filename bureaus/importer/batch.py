"""
What ``import_bureau`` is asked to import, as a list of jobs: files named one by one, every ``*.txt`` of a
folder (sorted, so two runs go in the same order), and the rows of a list (``--list FILE.csv``), each row
a file with its page's title, address, publisher and date.

A list is read whole before anything is imported: a missing column or a list that is not CSV text is one
line and nothing is imported (the loader fixes the list, not half of a load). A bad row is a job refused
with its line number, and the rows after it go on. Pure Python, no Django.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from bureaus.importer.errors import DocumentError

LIST_COLUMNS = ("path", "title", "url", "publisher", "published_on")


@dataclass
class Job:
    path: Path | None  # None when there is nothing to read (an empty folder, a row without a path)
    label: str  # how the report names it: the file's name, or "list.csv line 3 (a.txt)"
    page: dict = field(default_factory=dict)  # title, url, publisher, published_on as the row gives them
    refused: str = ""  # why it cannot be imported, found before reading it


def expand(paths):
    """A job per file named; a folder gives one per ``*.txt`` file in it, sorted by name (an empty one, a
    refused job saying so)."""
    jobs = []
    for path in paths:
        if not path.is_dir():
            jobs.append(Job(path, path.name))
            continue
        files = sorted(p for p in path.glob("*.txt") if p.is_file())
        if not files:
            jobs.append(Job(None, f"{path}/", refused=f"The folder {path} has no .txt files in it."))
        jobs += [Job(file, file.name) for file in files]
    return jobs


def read_list(list_path):
    """The jobs of a CSV list with the header ``path,title,url,publisher,published_on`` (any order); paths are
    relative to the list's folder. Raises DocumentError for a list that cannot be read as such."""
    try:
        text = list_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DocumentError(f"--list: {list_path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise DocumentError(f"--list: {list_path} cannot be read: {reason}.") from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().lower() for cell in next(rows, [])]
    missing = [name for name in LIST_COLUMNS if name not in header]
    unknown = [name for name in header if name not in LIST_COLUMNS]
    if missing or unknown or len(set(header)) < len(header):
        raise DocumentError(
            f"--list: {list_path.name}'s first line must name the columns {','.join(LIST_COLUMNS)}"
            + (f"; it lacks {', '.join(missing)}" if missing else "")
            + (f"; it has unknown {', '.join(unknown)}" if unknown else "")
            + ". Nothing was imported."
        )
    jobs, folder = [], list_path.parent
    for cells in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        row = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        name = row.get("path", "")
        label = f"{list_path.name} line {line}" + (f" ({name})" if name else "")
        page = {column: row.get(column, "") for column in LIST_COLUMNS[1:]}
        if len(cells) != len(header):
            jobs.append(Job(None, label, refused=f"it has {len(cells)} cells, the header {len(header)}."))
        elif not name:
            jobs.append(Job(None, label, refused="its path is empty."))
        else:
            jobs.append(Job(folder / name, label, page))
    return jobs
