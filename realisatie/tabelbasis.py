"""A table defined once: the page shows it, its CSV link exports it, and an Excel
sheet takes its rows.

Every table a person sees is a `Tabel` (a django-tables2 Table) built once per request
from already computed figures (`realisatie.overzicht`, `realisatie.aggregatie`):
- on screen through `{% tabel %}` (`realisatie/_tabel.html`): caption, column headers
  with their explanation, a row header per row and `data-kolom` on every cell;
- as CSV through django-tables2's `TableExport` (`realisatie.dashboard.export`): the
  same columns and rows, plain figures (6325, -1201), unknown empty, never 0;
- as rows of an xlsx sheet (`als_werkboektabel`): a figure of an area with areas below
  it becomes a live SUM of their rows, a derived column a live formula.

Speed: django-tables2 resolves every cell through its accessor and the column's
`render` signature, ~0,1 ms a cell. A province page has ~1.000 cells, so rows are
written here in one pass (`html_rijen`), each column formatting its own cell once;
django-tables2 still orders rows, heads the columns and exports.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from html import escape as html_escape

import django_tables2 as tables
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_tables2.utils import A

from prt import formaat
from realisatie.aggregatie import Afleiding, Regel, Tekenregel
from realisatie.exports import werkboek
from realisatie.templatetags.cijfers import cijfer, een_taal, herkomst_in_woorden, onbekende_cel


class Kolom(tables.Column):
    """A column that writes its own cell; `tekst` is the plain value a CSV gets."""

    kenmerk = ""  # css class of the cells ("getal": right-aligned figures)

    def __init__(self, verbose_name="", *, uitleg: str = "", sleutel: str = "", **kwargs):
        kwargs.setdefault("default", "")
        kwargs.setdefault("orderable", False)
        # Every cell goes through `value`/`html`, unknown included (never a default).
        kwargs.setdefault("empty_values", ())
        super().__init__(verbose_name=verbose_name, **kwargs)
        self.uitleg = uitleg
        self.sleutel = sleutel
        self.veld = A("")  # set by the table: the column's accessor or its name

    def __deepcopy__(self, memo):
        # A table deep-copies its columns; these never change after they are made.
        return copy.copy(self)

    def inhoud(self, record):
        return self.veld.resolve(record, quiet=True)

    def celklasse(self, record) -> str:
        return self.kenmerk

    def html(self, record) -> SafeString:
        waarde = self.inhoud(record)
        return escape("" if waarde is None else waarde)

    def render(self, value, record):
        return self.html(record)

    def value(self, record, value=None):
        waarde = self.inhoud(record)
        return "" if waarde is None else waarde

    def werkboekcel(self, record, context: Werkboekrij) -> werkboek.Cel:
        waarde = self.inhoud(record)
        return None if waarde in (None, "") else werkboek.Tekst(str(waarde))


class TekstKolom(Kolom):
    def __init__(self, verbose_name="", *, link: Callable | None = None, **kwargs):
        super().__init__(verbose_name, **kwargs)
        self.link = link

    def html(self, record) -> SafeString:
        waarde = self.inhoud(record)
        tekst = "" if waarde is None else str(waarde)
        adres = self.link(record) if self.link else ""
        return format_html('<a href="{}">{}</a>', adres, tekst) if adres else escape(tekst)


class GetalKolom(Kolom):
    """A whole number: 6.325 on screen, 6325 in the CSV, unknown a dash / empty."""

    kenmerk = "getal"

    def __init__(self, verbose_name="", *, teken: str = "", procent: bool = False, **kwargs):
        super().__init__(verbose_name, **kwargs)
        self.teken, self.procent = teken, procent

    def html(self, record) -> SafeString:
        waarde = self.inhoud(record)
        if waarde is None:
            return onbekende_cel(zichtbaar=False)
        if self.procent:
            return escape(formaat.procent(waarde))
        from realisatie.templatetags.cijfers import in_woorden

        return escape(in_woorden(waarde, self.teken))

    def werkboekcel(self, record, context: Werkboekrij) -> werkboek.Cel:
        waarde = self.inhoud(record)
        return werkboek.Onbekend() if waarde is None else werkboek.Getal(waarde)


class DatumKolom(Kolom):
    """1-4-2023 on screen and in the CSV (as a Dutch Excel reads a date)."""

    def html(self, record) -> SafeString:
        return escape(formaat.datum_kort(self.inhoud(record)))

    def value(self, record, value=None):
        return formaat.datum_kort(self.inhoud(record))

    def werkboekcel(self, record, context: Werkboekrij) -> werkboek.Cel:
        return werkboek.Datum(self.inhoud(record))


class GebiedKolom(Kolom):
    """The first column of an area row: its name, linked to its page, indented by level."""

    def __init__(self, verbose_name="", *, links: dict[str, str] | None = None, **kwargs):
        super().__init__(verbose_name or _("Area"), **kwargs)
        self.links = links or {}

    def inhoud(self, record: Regel):
        return record.naam

    def celklasse(self, record: Regel) -> str:
        return f"diepte-{record.knoop.diepte}"

    def html(self, record: Regel) -> SafeString:
        link = self.links.get(record.knoop.code)
        naam = html_escape(record.naam)
        # Safe: both texts escaped here (SafeString itself: a row header per row).
        return SafeString(f'<a href="{html_escape(link)}">{naam}</a>' if link else naam)

    def werkboekcel(self, record: Regel, context: Werkboekrij) -> werkboek.Cel:
        return werkboek.Tekst("  " * record.knoop.diepte + record.naam)


class CijferKolom(Kolom):
    """A figure of an area (`aggregatie.Cijfer`): its sign in words, where a total comes
    from, an older figure beside it; the plain figure in a CSV; in a sheet a live SUM of
    the rows below it or a formula of the columns it is derived from."""

    kenmerk = "getal"

    def __init__(self, kolom, *, zichtbaar: bool = False, afleiding: Afleiding | None = None):
        super().__init__(kolom.label, uitleg=kolom.uitleg, sleutel=kolom.sleutel)
        self.kolom, self.zichtbaar, self.afleiding = kolom, zichtbaar, afleiding

    def inhoud(self, record: Regel):
        return record.waarde(self.kolom.sleutel)

    def html(self, record: Regel) -> SafeString:
        return cijfer(record, self.kolom, self.zichtbaar)

    def werkboekcel(self, record: Regel, context: Werkboekrij) -> werkboek.Cel:
        from realisatie.exports.exporter import gebiedscel

        afleiding = self.afleiding
        bronnen = (
            [b if b in context.sleutels else VERVANGERS.get(b, b) for b in afleiding.bronnen]
            if afleiding
            else []
        )
        if afleiding is not None and all(b in context.sleutels for b in bronnen):
            waarde = record.waarde(self.kolom.sleutel)
            van = tuple(context.sleutel(b) for b in bronnen)
            if afleiding.teken in (Tekenregel.VERSCHIL, Tekenregel.STAND):
                return werkboek.Verschil(van[0], van[1], waarde)
            if self.kolom.percentage:
                return werkboek.Percentage(van[0], van[1], waarde)
            return werkboek.Optelling(van, waarde)
        return gebiedscel(record.cijfer(self.kolom.sleutel), context.onder)


# A derived column refers to the column of another figure in a live formula. Where the
# effective opgave is not shown (no uitruil: it equals the opgave) the opgave stands in.
VERVANGERS = {"opgave_effectief": "opgave"}


class HerkomstKolom(Kolom):
    """Where a row's figure comes from, in words: the location register, entered
    figures, or both (a total over gemeenten of either kind)."""

    def __init__(self, verbose_name="", *, van: str = "realisatie", **kwargs):
        super().__init__(verbose_name or _("Source"), **kwargs)
        self.van = van

    def inhoud(self, record: Regel):
        return herkomst_in_woorden(record.cijfer(self.van))


class PeildatumKolom(DatumKolom):
    """The latest peildatum a row's figure is built from."""

    def __init__(self, verbose_name="", *, van: str = "realisatie", **kwargs):
        super().__init__(verbose_name or _("Reference date"), **kwargs)
        self.van = van

    def inhoud(self, record: Regel):
        return record.cijfer(self.van).peildatum


class Tabel(tables.Table):
    """A table of a page: `naam` names it for its CSV link (`?_export=csv&tabel=naam`)
    and the `data-tabel` of its element; `titel` is its caption; the first column is
    each row's header."""

    def __init__(
        self,
        data,
        *,
        naam: str,
        titel: str = "",
        kenmerken: dict[str, str] | None = None,
        rij_kenmerken: Callable[[object], dict[str, str]] | None = None,
        toelichting: str = "",
        **kwargs,
    ):
        kwargs.setdefault("orderable", False)
        super().__init__(data, prefix=f"{naam}-", **kwargs)
        for bc in self.columns:
            if isinstance(bc.column, Kolom):
                bc.column.veld = A(bc.accessor)
        self.naam, self.titel, self.toelichting = naam, titel, toelichting
        self.kenmerken = kenmerken or {}
        self.rij_kenmerken = rij_kenmerken or (lambda record: {})

    @property
    def kolommen(self) -> list[Kolom]:
        return [bc.column for bc in self.columns]

    def html_rijen(self) -> SafeString:
        """Every row, each cell formatted once by its column (the markup around a cell
        is made once per column; a province page has over a thousand cells)."""
        kolommen = [
            (
                kolom,
                '<th scope="row"' if i == 0 else "<td",
                f' data-kolom="{html_escape(bc.name)}">',
                "</th>" if i == 0 else "</td>",
            )
            for i, (bc, kolom) in enumerate((bc, bc.column) for bc in self.columns)
        ]
        delen = []
        with een_taal():  # the language read once for all cells
            for rij in self.rows:
                record = rij.record
                kenmerken = "".join(
                    f' {html_escape(str(k))}="{html_escape(str(v))}"'
                    for k, v in self.rij_kenmerken(record).items()
                )
                cellen = []
                for kolom, open_, kenmerk, sluit in kolommen:
                    celklasse = kolom.celklasse(record)
                    klasse = f' class="{celklasse}"' if celklasse else ""
                    cellen.append(f"{open_}{klasse}{kenmerk}{kolom.html(record)}{sluit}")
                delen.append(f"<tr{kenmerken}>{''.join(cellen)}</tr>")
        # Safe: every cell is its column's escaped HTML; names come from the code.
        return mark_safe("".join(delen))


def tabel_van(
    naam: str,
    kolommen: dict[str, Kolom],
    rijen: Sequence,
    **kwargs,
) -> Tabel:
    """A `Tabel` of `rijen` with these columns, in the order given."""
    klasse = type("Paginatabel", (Tabel,), dict(kolommen))
    # In the order given, not the order in which the columns were made.
    return klasse(list(rijen), naam=naam, sequence=list(kolommen), **kwargs)


# --- Into a worksheet ---------------------------------------------------------------


class Werkboekrij:
    """What a cell of a sheet needs to know about its row: the rows below it (for a
    live SUM) and which column holds which figure (for a live formula)."""

    def __init__(self, sleutels: dict[str, str], onder: tuple[int, ...]):
        self.sleutels, self.onder = sleutels, onder

    def sleutel(self, figuur: str) -> str:
        return self.sleutels[figuur]


def als_werkboektabel(
    tabel: Tabel, *, blad: str, regels: list[str], groep: str = "", leeg: str = ""
) -> werkboek.Tabel:
    """The rows of `tabel` as a sheet (`realisatie.exports.werkboek` writes it)."""
    from realisatie.exports.exporter import is_totaalrij, kinderen

    records = [rij.record for rij in tabel.rows]
    gebiedsrijen = all(isinstance(r, Regel) for r in records) and records
    onder = kinderen(records) if gebiedsrijen else [() for _r in records]
    kolommen, sleutels = [], {}
    for bc in tabel.columns:
        kolommen.append(werkboek.Kolom(bc.name, str(bc.header), groep))
        figuur = getattr(bc.column, "sleutel", "")
        if figuur:
            sleutels[figuur] = bc.name
    if gebiedsrijen:
        kolommen.insert(1, werkboek.Kolom("code", _("CBS code"), groep))
    rijen = []
    for i, record in enumerate(records):
        context = Werkboekrij(sleutels, onder[i])
        cellen = [bc.column.werkboekcel(record, context) for bc in tabel.columns]
        if gebiedsrijen:
            cellen.insert(1, werkboek.Tekst(record.knoop.code))
        rijen.append(werkboek.Rij(cellen, vet=bool(gebiedsrijen) and is_totaalrij(record)))
    return werkboek.Tabel(
        blad=blad,
        titel=tabel.titel,
        kolommen=kolommen,
        rijen=rijen,
        regels=regels,
        leeg=leeg,
    )
