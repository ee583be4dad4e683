"""Tables that a screen reader can follow, in JupyterLab and in the HTML edition.

pandas' own HTML puts the index name (and the columns' name) in a second header row and leaves
its header cells without `scope`, so a screen reader cannot tell which headers belong to a cell;
it also prints missing values as <NA>, NaN or NaT and line breaks as "\\n". `show_table(frame)`
shows the same table with one header row, `scope` on every header cell, missing values as empty
cells and line breaks kept. Put it on the last line of a cell, as you would the DataFrame itself.
It follows pandas' display options max_rows, min_rows and max_colwidth.
"""

import html

import pandas as pd


def _missing(value) -> bool:
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _column_texts(column: pd.Series) -> list[str]:
    """Each value as pandas prints it: floats with the same number of decimals (at least one),
    dates without a midnight time; a missing value is an empty text."""
    present = column[[not _missing(v) for v in column]]
    if pd.api.types.is_float_dtype(column.dtype) and len(present):
        decimals = pd.get_option("display.precision")
        while decimals > 1 and all(f"{v:.{decimals}f}".endswith("0") for v in present):
            decimals -= 1
        return ["" if _missing(v) else f"{v:.{decimals}f}" for v in column]
    if pd.api.types.is_datetime64_any_dtype(column.dtype) and (present == present.dt.normalize()).all():
        return ["" if _missing(v) else v.strftime("%Y-%m-%d") for v in column]
    return ["" if _missing(v) else str(v) for v in column]


def _cut(text: str) -> str:
    width = pd.get_option("display.max_colwidth")
    return text[: width - 3] + "..." if width and len(text) > width else text


class Table:
    """A DataFrame shown as an accessible HTML table (and as plain text outside a notebook)."""

    def __init__(self, frame: pd.DataFrame | pd.Series, index: bool = True):
        frame = frame.to_frame() if isinstance(frame, pd.Series) else frame
        if isinstance(frame.index, pd.MultiIndex):  # its levels become ordinary columns
            frame, index = frame.reset_index(), False
        self.total = len(frame)
        most, least = pd.get_option("display.max_rows"), pd.get_option("display.min_rows")
        self.half = min(least or most, most) // 2 if most and len(frame) > most else 0
        if self.half:
            frame = pd.concat([frame.head(self.half), frame.tail(self.half)])
        self.shown = len(frame)
        names = [frame.index.name if index else None, frame.columns.name]
        self.corner = " / ".join(str(n) for n in names if n is not None) if index else ""
        self.headers = [" ".join(str(p) for p in c if str(p)) if isinstance(c, tuple) else str(c)
                        for c in frame.columns]
        self.labels = [_cut(t) for t in _column_texts(frame.index.to_series())] if index else None
        self.cells = [[_cut(t) for t in _column_texts(frame.iloc[:, i])] for i in range(frame.shape[1])]

    def rows(self) -> list[tuple[str | None, list[str]]]:
        """(row header or None, cells) for each row shown; "..." marks the rows left out."""
        rows = [(self.labels[r] if self.labels else None, [c[r] for c in self.cells])
                for r in range(self.shown)]
        if self.half:
            rows.insert(self.half, ("..." if self.labels else None, ["..."] * len(self.cells)))
        return rows

    def note(self) -> str:
        return f"The first {self.half} and last {self.half} of {self.total} rows." if self.half else ""

    def _repr_html_(self) -> str:
        def text(value: str) -> str:
            return html.escape(value).replace("\n", "<br>")

        corner = f'<th scope="col">{text(self.corner)}</th>' if self.corner else "<td></td>"
        head = (corner if self.labels is not None else "") + "".join(
            f'<th scope="col">{text(h)}</th>' for h in self.headers)
        body = []
        for label, cells in self.rows():
            row = f'<th scope="row">{text(label)}</th>' if label is not None else ""
            body.append(f"<tr>{row}{''.join(f'<td>{text(c)}</td>' for c in cells)}</tr>")
        note = f"<p>{self.note()}</p>" if self.half else ""
        return (f'<table class="dataframe rp-table"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>{note}")

    def __repr__(self) -> str:
        rows = self.rows()
        plain = pd.DataFrame([cells for _label, cells in rows], columns=self.headers,
                             index=[label for label, _cells in rows] if self.labels is not None else None)
        plain = plain.replace("\n", " ", regex=True).rename_axis(self.corner or None)
        text = plain.to_string(index=self.labels is not None)
        return text + (f"\n\n{self.note()}" if self.half else "")


def show_table(frame: pd.DataFrame | pd.Series, index: bool = True) -> Table:
    """`frame` as an accessible table: one header row with `scope`, the index as row headers
    (leave it out with index=False; the levels of a MultiIndex become columns), missing values
    empty and line breaks kept."""
    return Table(frame, index)
