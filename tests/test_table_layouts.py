"""Statistics tables in every shape text extraction leaves them: the same 2021-format report laid
out four ways must give the same figures, and prose next to a table stays prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from layout import broken_lines

from kg.metrics import extract_observations
from kg.tables import cells_of, table_regions
from kg.vocab import gazetteer

ROWS = (Path(__file__).parent / "fixtures" / "report_2021_format_rows.txt").read_text(encoding="utf-8")
SEPARATORS = {"pipes": " | ", "tabs": "\t", "spaces": " ", "one-cell-per-line": "\n"}


def _laid_out(separator: str) -> str:
    lines = []
    for line in ROWS.split("\n"):
        cells = line.split(" | ")
        lines.append(f"| {' | '.join(cells)} |" if separator == " | " and len(cells) > 1 else separator.join(cells))
    return "\n".join(lines)


def _table(text: str, year: int | None = 2022) -> dict[tuple[str, str | None], float]:
    return {(o.indicator or "", o.applicant_type): o.value
            for o in extract_observations(text, gazetteer().get("450400"), year) if o.source == "table"}


EXPECTED = {
    ("C.2.1.1", None): 2, ("C.2.1.3", None): 31,  # 规章: 本年制发件数, 现行有效件数
    ("C.2.2.2", None): 5,  # 行政规范性文件 本年废止件数
    ("C.2.5.1", None): 15627, ("C.2.6.1", None): 1046, ("C.2.6.2", None): 27, ("C.2.8.1", None): 0,
    ("N.3.1", "总计"): 216, ("N.3.1", "自然人"): 190, ("N.3.1", "其他"): 0,
    ("N.3.2", "总计"): 12,
    ("N.3.3.2", "总计"): 23,  # 部分公开（区分处理的，只计这一情形…）
    ("N.3.3.3.4", "总计"): 2,  # a sub-row of （三）不予公开
    ("N.3.3.4.1", "法律服务机构"): 2,
    ("N.3.3.6.1", "总计"): 7,  # （六）其他处理, new in the 2021 format
    ("N.3.3.7", "总计"): 210, ("N.3.4", "总计"): 18,
    ("N.4.1", None): 3, ("N.4.5", None): 4, ("N.4.9", None): 1, ("N.4.10", None): 3, ("N.4.15", None): 0,
}


@pytest.mark.parametrize("layout", SEPARATORS)
def test_every_layout_reads_the_whole_table(layout: str) -> None:
    found = _table(_laid_out(SEPARATORS[layout]))
    assert {k: found.get(k) for k in EXPECTED} == EXPECTED
    assert len(found) == len(_table(_laid_out(" | ")))  # nothing more, nothing less than the pipe rows


def _drawn_with_boxes(bar: str) -> str:
    """The table as a converter to plain text draws it: cells between box-drawing borders, rows ruled apart."""
    lines = []
    for line in ROWS.split("\n"):
        cells = line.split(" | ")
        if len(cells) > 1:
            lines += [bar + bar.join(cells) + bar, "├" + "┼".join("──" for _ in cells) + "┤"]
        else:
            lines.append(line)
    return "\n".join(lines)


def _read_whole(text: str) -> dict[tuple[str, str | None], float]:
    import kg
    from kg.model import SourceText

    source = SourceText(path="<string>", name="report.txt", text=text, encoding="utf-8", sha256="")
    extraction = kg.extract(kg.structure_document(kg.normalize_text(source)))
    return {(o.indicator or "", o.applicant_type): o.value for o in extraction.observations if o.source == "table"}


@pytest.mark.parametrize("bar", ["│", "║", "｜"])
def test_a_table_drawn_with_box_characters_reads_as_the_pipe_rows(bar: str) -> None:
    found = _read_whole(_drawn_with_boxes(bar))
    assert {k: found.get(k) for k in EXPECTED} == EXPECTED
    assert found == _read_whole(_laid_out(" | "))


def test_spans_point_at_the_value_they_read() -> None:
    text = _laid_out("\t")
    obs = next(o for o in extract_observations(text, None, 2022) if o.indicator == "C.2.5.1")
    assert text[obs.span.start : obs.span.end].startswith("行政许可")
    assert text[obs.span.start : obs.span.end].endswith("15627")


def test_a_row_label_a_pdf_broke_over_two_lines_is_quoted_whole() -> None:
    text = ("三、收到和处理政府信息公开申请情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
            "一、本年新收政府信息公开申请数量 41 5 0 0 2 0 48\n"
            "（二）部分公开（区分处理的，只计这一情形，不计\n其他情形） 4 0 0 0 0 0 4\n")
    obs = next(o for o in extract_observations(text, None, 2020)
               if o.indicator == "N.3.3.2" and o.applicant_type == "总计")
    assert obs.value == 4
    assert text[obs.span.start : obs.span.end] == "（二）部分公开（区分处理的，只计这一情形，不计\n其他情形） 4 0 0 0 0 0 4"


WRAP = 14  # characters of a row label's line, as a narrow cell of a PDF holds it


def _wrapped(values_on: str) -> str:
    """The report as PDF text of a table whose long row labels wrap in their cells, the row's values on the
    label's first line (cells aligned to the top, as Word sets them), its middle one, or its last."""
    lines = []
    for line in ROWS.split("\n"):
        label, *values = line.split(" | ")
        if len(label) <= WRAP or not values or not all(v.replace(".", "").isdigit() for v in values):
            lines.append("  ".join([label, *values]))
            continue
        pieces = broken_lines(label, 2 * WRAP)
        at = {"first": 0, "middle": (len(pieces) - 1) // 2, "last": len(pieces) - 1}[values_on]
        lines += [piece + ("  " + "  ".join(values) if k == at else "") for k, piece in enumerate(pieces)]
    return "\n".join(lines)


@pytest.mark.parametrize("values_on", ["first", "middle", "last"])
def test_row_labels_a_pdf_wrapped_in_their_cells(values_on: str) -> None:
    assert _table(_wrapped(values_on)) == _table(_laid_out(" | "))


def test_a_wrapped_label_is_quoted_from_its_first_line_to_its_last() -> None:
    text = _wrapped("first")
    obs = next(o for o in extract_observations(text, None, 2022) if o.indicator == "N.3.1" and o.applicant_type == "总计")
    quoted = text[obs.span.start : obs.span.end]
    assert quoted.startswith("一、本年新收政府信息公开申请") and quoted.endswith("数量")


FORMAT_2019 = (Path(__file__).parent / "fixtures" / "report_2019_format.txt").read_text(encoding="utf-8")


def _narrow_pdf_cells(text: str, label_width: int, width: int) -> str:
    """Pipe rows as the text of a PDF whose cells are narrow: every cell that is not a figure wraps at its width
    (labels at `label_width`, the others at `width`), headers too, and each line holds a piece of every cell
    still going on, as a top-aligned table prints them."""
    lines = []
    for line in text.split("\n"):
        if not line.startswith("|"):
            lines.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        pieces = [[c] if c.replace(".", "").lstrip("-").isdigit()
                  else broken_lines(c, 2 * w)
                  for c, w in zip(cells, [label_width] + [width] * (len(cells) - 1), strict=True)]
        for r in range(max(len(p) for p in pieces)):
            row = "  ".join(p[r] for p in pieces if r < len(p) and p[r])
            if row:
                lines.append(row)
    return "\n".join(lines)


@pytest.mark.parametrize("report", ["2019 format", "2021 format"])
@pytest.mark.parametrize(("label_width", "width"), [(10, 4), (8, 5), (12, 6)])
def test_the_later_formats_in_narrow_pdf_cells(report: str, label_width: int, width: int) -> None:
    rows, year = (FORMAT_2019, 2019) if report == "2019 format" else (_laid_out(" | "), 2022)
    assert _table(_narrow_pdf_cells(rows, label_width, width), year) == _table(rows, year)


def test_a_header_wrapped_in_narrow_cells_names_its_columns() -> None:
    text = "第二十条第（一）项\n信息内容  本年新制  本年新公  对外公开\n作数量  开数量  总数量\n规章  2  1  30\n"
    assert {k: v for k, v in _table(text, 2019).items()} == {
        ("B.2.1.1", None): 2, ("B.2.1.2", None): 1, ("B.2.1.3", None): 30}


# the pre-2019 format's table (label | unit | value), its long labels and notes as a narrow PDF cell wraps them
PRE_2019_ROWS = """统计指标 | 单位 | 统计数
一、主动公开情况 | / |
（一）主动公开政府信息数 | 条 | 4521
（不同渠道和方式公开相同信息计1条） | |
其中：主动公开规范性文件数 | 条 | 35
（二）通过不同渠道和方式公开政府信息的情况 | / | 6210
1.政府公报公开政府信息数 | 条 | 120
2.政府网站公开政府信息数 | 条 | 4100
二、回应解读情况 | / |
（一）回应公众关注热点或重大舆情数 | 次 | 36
（不同方式回应同一热点或舆情计1次） | |
其中：主要负责同志参加政府网站在线访谈次数 | 次 | 2
三、依申请公开情况 | / |
（一）收到申请数 | 件 | 48
危及国家安全、公共安全、经济安全和社会稳定 | 件 | 0
四、行政诉讼数量 | 件 | 3
（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 2
五、机构建设和保障经费情况 | / |
（一）政府信息公开工作专门机构数 | 个 | 12"""


def _pre_2019_wrapped(values_on: str) -> str:
    lines = []
    for row in PRE_2019_ROWS.split("\n"):
        label, *rest = (c.strip() for c in row.split("|"))
        pieces = broken_lines(label, 24)
        at = 0 if values_on == "first" else len(pieces) - 1
        tail = "  ".join(c for c in rest if c)
        lines += [piece + ("  " + tail if k == at and tail else "") for k, piece in enumerate(pieces)]
    return "\n".join(lines)


@pytest.mark.parametrize("values_on", ["first", "last"])
def test_the_pre_2019_table_with_labels_and_notes_a_pdf_wrapped(values_on: str) -> None:
    def read(text: str) -> dict[tuple[str, str | None], float]:
        return _table(text, 2017)

    expected = read(PRE_2019_ROWS)
    assert len(expected) == 12
    assert read(_pre_2019_wrapped(values_on)) == expected


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        # one cell per line: the headers above the values belong to the table, the prose before does not
        ("说明文字很长的一段话，不是表格。\n信息内容\n本年处理决定数量\n行政许可\n15627\n行政处罚\n1046\n行政强制\n27\n",
         ["信息内容\n本年处理决定数量\n行政许可\n15627\n行政处罚\n1046\n行政强制\n27"]),
        # a short line with a figure and its unit is prose, and so is a sentence
        ("全年共受理申请216件\n上年结转12件\n办结率100%。\n", []),
        # a label followed by its values on one line, as PDF text leaves a row
        ("一、本年新收政府信息公开申请数量 190 20 0 1 5 0 216\n以上为统计。",
         ["一、本年新收政府信息公开申请数量 190 20 0 1 5 0 216"]),
        # fewer than three values is no table
        ("邮编\n541001\n", []),
    ],
)
def test_table_regions(text: str, regions: list[str]) -> None:
    assert [text[a:b] for a, b in table_regions(text)] == regions


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| 规章 | | 0 |", ["规章", "", "0"]),  # an empty cell between pipes stays a cell
        ("|---|:--|", []),  # a Markdown rule row has none
        ("行政许可\t15627", ["行政许可", "15627"]),
        ("行政许可　　15627", ["行政许可", "15627"]),  # ideographic spaces
        ("（一）予以公开 80 8 0 0 2 0 90", ["（一）予以公开", "80", "8", "0", "0", "2", "0", "90"]),
        ("信息内容 本年制发件数 本年废止件数", ["信息内容", "本年制发件数", "本年废止件数"]),
        ("3 1 0 0 4", ["3", "1", "0", "0", "4"]),
        # a row written as its label, its unit and a colon before its one value
        ("1.主动公开政府信息数（条）：1234", ["1.主动公开政府信息数（条）", "1234"]),
        ("五、政府信息公开专项经费（万元）： 3.2", ["五、政府信息公开专项经费（万元）", "3.2"]),
        ("收到申请数：20", ["收到申请数：20"]),  # no unit before the colon: prose
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ],
)
def test_cells_of_a_line(line: str, cells: list[str]) -> None:
    found = cells_of(line)
    assert [c.text for c in found] == cells
    assert all(line[c.start : c.end] == c.text for c in found)


@pytest.mark.parametrize(
    ("year", "notation"),
    [
        (2017, "A.3.1"),  # the pre-2019 table's 收到申请数
        (2020, "N.3.1"),  # the 2019 format's 本年新收政府信息公开申请数量
        (2022, "N.3.1"),
        (None, "A.3.1"),  # a report of unknown year keeps the rule's own notation
    ],
)
def test_prose_figures_take_the_notation_of_the_reports_format(year: int | None, notation: str) -> None:
    text = "2022年，全市共收到政府信息公开申请216件。"
    found = [o.indicator for o in extract_observations(text, None, year) if o.value == 216]
    assert found == [notation]


def test_a_gbk_web_page_with_spanned_cells_gives_the_same_table() -> None:
    import kg

    page = Path(__file__).parent / "fixtures" / "report_2021_format.html"
    extraction = kg.extract(kg.structure_document(kg.normalize_text(kg.load_source(page))))
    found = {(o.indicator or "", o.applicant_type): o.value for o in extraction.observations if o.source == "table"}
    assert {k: found.get(k) for k in EXPECTED} == EXPECTED
    assert found == _table(_laid_out(" | "))


@pytest.mark.parametrize(
    ("issuer", "scope"),
    [
        ("梧州市人民政府", "全市"),  # a government's report speaks for its jurisdiction
        ("梧州市教育局", "本机关"),  # a department's for itself
        ("梧州市人民政府办公室", "本机关"),  # and so does an office's
        (None, "全市"),
    ],
)
def test_figures_without_a_scope_marker_take_the_issuers_scope(issuer: str | None, scope: str) -> None:
    text = _laid_out(" | ").replace("市本级共收到", "共收到")  # the prose names no scope for the table's figures
    found = extract_observations(text, gazetteer().get("450400"), 2022, issuer)
    assert {o.scope for o in found if o.source == "table"} == {scope}


@pytest.mark.parametrize(
    ("prose", "scope"),
    [
        ("市本级共收到政府信息公开申请216件，上年结转12件", "市本级"),  # the table's figures, said of the own level
        ("全市共收到政府信息公开申请216件，其中市本级收到216件", "全市"),  # said of both: the default stays
        ("市本级共收到政府信息公开申请215件，上年结转11件", "全市"),  # no figure of the table's
        ("市本级共收到政府信息公开申请216件，全市上年结转12件", "全市"),  # and of the whole city too
        ("市本级未收到行政复议申请", "全市"),  # a zero agrees with any table
    ],
)
def test_the_tables_take_the_scope_the_prose_gives_their_figures(prose: str, scope: str) -> None:
    text = _laid_out(" | ").replace("市本级共收到政府信息公开申请216件，上年结转12件", prose)
    found = extract_observations(text, gazetteer().get("450400"), 2022, "梧州市人民政府")
    assert {o.scope for o in found if o.source == "table"} == {scope}


def test_a_table_whose_values_keep_their_units() -> None:
    """`收到申请数 | 31件`: no cell is a bare number, so no table region; each row is read by its label,
    as a table row, under the section row above it."""
    text = ("统计指标 | 统计数\n（一）主动公开政府信息数 | 3256条\n（一）收到申请数 | 31件\n四、行政复议数量 | 1件\n"
            "（一）维持具体行政行为数 | 1件\n五、行政诉讼数量 | 2件\n（二）被依法纠错数 | 1件\n")
    got = [(o.indicator, o.value, o.source) for o in extract_observations(text, None, 2017) if o.indicator]
    assert got == [("A.1.1", 3256, "table"), ("A.3.1", 31, "table"), ("A.4", 1, "table"), ("A.4.1", 1, "table"),
                   ("A.5", 2, "table"), ("A.5.2", 1, "table")]


def test_rows_of_a_label_its_unit_and_a_colon_before_the_value() -> None:
    text = ("一、主动公开情况\n1.主动公开政府信息数（条）：1234\n2.政府网站公开政府信息数（条）：1000\n"
            "二、依申请公开情况\n1.收到申请数（件）：20\n五、政府信息公开专项经费（万元）：3.2\n")
    got = [(o.indicator, o.value, o.source) for o in extract_observations(text, None, 2017) if o.indicator]
    assert got == [("A.1.1", 1234, "table"), ("A.1.2.2", 1000, "table"), ("A.3.1", 20, "table"),
                   ("A.8.4", 3.2, "table")]


def test_one_such_row_alone_among_prose_is_read() -> None:
    text = ("二、主动公开政府信息情况\n主动公开政府信息数（条）：1234\n2017年，我市进一步加强主动公开工作，"
            "办理人大建议12件。\n")
    got = [(o.indicator, o.value, o.source) for o in extract_observations(text, None, 2017) if o.indicator]
    assert got == [("A.1.1", 1234, "table")]


def test_a_table_one_cell_a_line_whose_values_keep_their_units() -> None:
    """Row names on a line each, their values with units on the next: the format's names are read as
    rows without the total before them, and the government's portal row has the table's scope."""
    text = "主动公开政府信息数\n1234条\n政府网站公开政府信息数\n1000条\n收到申请数\n20件\n当面申请数\n5件\n"
    got = [(o.indicator, o.value, o.scope) for o in
           extract_observations(text, gazetteer().get("430221"), 2017, "株洲县人民政府") if o.indicator]
    assert got == [("A.1.1", 1234, "全县"), ("A.1.2.2", 1000, "全县"), ("A.3.1", 20, "全县"), ("A.3.1.1", 5, "全县")]


def test_request_rows_without_their_header_row_still_have_applicant_columns() -> None:
    # the header row (自然人 … 总计) was an image, or merged cells a scraper dropped
    text = ("三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 | 45 | 2 | 0 | 0 | 0 | 1 | 48\n"
            "上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n")
    table = _table(text, 2020)
    assert table[("N.3.1", "总计")] == 48 and table[("N.3.1", "自然人")] == 45
    assert table[("N.3.2", "总计")] == 1


@pytest.mark.parametrize("total", ["总计", "合计"])
def test_a_request_table_with_fewer_applicant_columns_reads_them_from_its_header(total: str) -> None:
    # some counties leave out the five kinds of organisation: 自然人 | 法人或其他组织 | 总计
    text = (f"| 申请人情况 | 自然人 | 法人或其他组织 | {total} |\n| 一、本年新收政府信息公开申请数量 | 12 | 1 | 13 |\n"
            "| （一）予以公开 | 8 | 1 | 9 |\n| 四、结转下年度继续办理 | 0 | 0 | 0 |\n")
    table = _table(text)
    assert table[("N.3.1", "总计")] == 13 and table[("N.3.1", "自然人")] == 12
    assert table[("N.3.1", "法人或其他组织")] == 1 and table[("N.3.3.1", "总计")] == 9
    assert table[("N.3.4", "总计")] == 0


def test_a_review_table_laid_out_a_part_a_row() -> None:
    # the five results as columns, the review and the two routes of lawsuits as rows
    text = ("| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n"
            "| 行政诉讼（未经复议直接起诉） | 2 | 0 | 0 | 0 | 2 |\n| 行政诉讼（复议后起诉） | 0 | 0 | 1 | 0 | 1 |\n")
    table = _table(text)
    assert (table[("N.4.1", None)], table[("N.4.5", None)]) == (1, 1)
    assert (table[("N.4.6", None)], table[("N.4.10", None)]) == (2, 2)
    assert (table[("N.4.13", None)], table[("N.4.15", None)]) == (1, 1)


@pytest.mark.parametrize("separator", ["\t", " ", " | "])
def test_a_cell_with_no_value_holds_its_columns_place(separator: str) -> None:
    rows = [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "312", "—", "15,236"],
            ["其他对外管理服务事项", "/", "/", "356"], ["行政处罚", "1,024", "-", "3,561"]]
    text = "第二十条第（五）项\n" + "\n".join(separator.join(r) for r in rows) + "\n"
    found = {k: v for k, v in _table(text, 2020).items() if k[0].startswith("B.2.")}
    assert found == {("B.2.5.1", None): 312, ("B.2.5.3", None): 15236, ("B.2.6.3", None): 356,
                     ("B.2.7.1", None): 1024, ("B.2.7.3", None): 3561}


@pytest.mark.parametrize("separator", ["\t", " | ", "\n", " "])
def test_a_table_giving_each_scope_a_column_gives_each_value_its_scope(separator: str) -> None:
    rows = [["统计指标", "单位", "全市", "市本级"], ["一、主动公开情况"], ["（一）主动公开政府信息数", "条", "56789", "12345"],
            ["其中：主动公开规范性文件数", "条", "120", "35"], ["（一）收到申请数", "件", "456", "123"]]
    text = "\n".join(separator.join(r) for r in rows) + "\n"
    found = {(o.indicator, o.scope): o.value for o in extract_observations(text, gazetteer().get("450200"), 2017)}
    assert found == {("A.1.1", "全市"): 56789, ("A.1.1", "市本级"): 12345, ("A.1.1.1", "全市"): 120,
                     ("A.1.1.1", "市本级"): 35, ("A.3.1", "全市"): 456, ("A.3.1", "市本级"): 123}


def test_scope_columns_are_named_as_the_reports_scopes() -> None:
    text = "统计指标 | 单位 | 全市 | 市直部门 | 县市区\n（一）收到申请数 | 件 | 456 | 123 | 333\n"
    found = {(o.indicator, o.scope): o.value for o in extract_observations(text, gazetteer().get("450200"), 2017)}
    assert found == {("A.3.1", "全市"): 456, ("A.3.1", "市本级"): 123, ("A.3.1", "下级政府"): 333}


def test_a_slash_under_the_old_tables_unit_header_is_a_unit_not_a_value() -> None:
    text = ("指标 | 单位 | 数量\n（二）通过不同渠道和方式公开政府信息的情况 | / | 376091\n"
            "1.政府公报公开政府信息数 | 条 | 1268\n2.政府网站公开政府信息数 | 条 | —\n3.政务微博公开政府信息数 | 条 | 35699\n")
    assert _table(text, 2016) == {("A.1.2", None): 376091, ("A.1.2.1", None): 1268, ("A.1.2.3", None): 35699}


@pytest.mark.parametrize("separator", ["\t", " | ", "\n", " "])
def test_a_value_cell_saying_none_is_zero(separator: str) -> None:
    rows = [["四、行政复议数量", "件", "无"], ["五、行政诉讼数量", "件", "1"], ["六、举报投诉数量", "件", "—"],
            ["七、依申请公开信息收取的费用", "万元", "无"]]
    text = "\n".join(separator.join(r) for r in rows) + "\n"
    assert _table(text, 2016) == {("A.4", None): 0, ("A.5", None): 1, ("A.7", None): 0}


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # labels over values: each label heads the value under it, 合计 the total its parts add up to
        ("| 当面申请 | 网络申请 | 信函申请 | 合计 |\n| 5 | 10 | 5 | 20 |",
         [("A.3.1.1", 5), ("A.3.1.3", 10), ("A.3.1.4", 5), ("A.3.1", 20)]),
        ("| 同意公开 | 部分公开 | 信息不存在 | 非本机关掌握 | 合计 |\n| 70 | 12 | 15 | 7 | 104 |",
         [("A.3.3.2", 70), ("A.3.3.3", 12), ("A.3.3.6", 15), ("A.3.3.5", 7), ("A.3.3", 104)]),
        # a first cell that names the labels and one that names what the values count head no column
        ("| 申请方式 | 当面申请 | 网络申请 | 合计 |\n| 件数 | 5 | 10 | 15 |",
         [("A.3.1.1", 5), ("A.3.1.3", 10), ("A.3.1", 15)]),
        # a label's unit in brackets; a channel's name alone
        ("| 行政复议（件） | 行政诉讼（件） | 举报投诉（件） |\n| 2 | 1 | 0 |", [("A.4", 2), ("A.5", 1), ("A.6", 0)]),
        ("| 政府网站 | 政务微博 | 其他方式 | 合计 |\n| 3000 | 500 | 100 | 3600 |",
         [("A.1.2.2", 3000), ("A.1.2.3", 500), ("A.1.2.5", 100), ("A.1.2", 3600)]),
        # the same flattened one cell a line, under its section's heading and the sentence before it
        ("三、依申请公开情况\n全年收到申请如下表：\n申请方式\n当面申请\n网络申请\n信函申请\n合计\n件数\n5\n20\n3\n28\n",
         [("A.3.1.1", 5), ("A.3.1.3", 20), ("A.3.1.4", 3), ("A.3.1", 28)]),
        ("政府网站\n政务微博\n政务微信\n其他方式\n3256\n1250\n986\n120\n",
         [("A.1.2.2", 3256), ("A.1.2.3", 1250), ("A.1.2.4", 986), ("A.1.2.5", 120)]),
    ],
)
def test_a_table_laid_on_its_side(table: str, expected: list[tuple[str, float]]) -> None:
    text = f"2017年，全市依申请公开情况如下：\n{table}\n"
    found = [o for o in extract_observations(text, None, 2017) if o.source == "table"]
    assert [(o.indicator, o.value) for o in found] == expected
    assert all(text[o.span.start : o.span.end].startswith(o.label) for o in found)
