"""Web pages, PDFs and Word files: recognized by content, main text extracted, tables kept."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.formats import detect_format
from kg.load import InputError, decode_bytes, source_from_bytes
from kg.metrics import extract_observations
from kg.mojibake import undo_gbk_misread
from kg.normalize import normalize_text
from kg.pipeline import ingest, process_file
from kg.regions import gazetteer
from kg.store import KGStore
from kg.structure import structure_document

FIXTURES = Path(__file__).parent / "fixtures"

PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>钦州市人民政府门户网站</title><script>var nav = "首页 政务公开";</script><style>.x{}</style></head>
<body><div id="nav"><a href="/">首页</a> | <a>政务公开</a> | <a>办事服务</a></div>
<div class="breadcrumb">当前位置: 首页 &gt; 政务公开</div>
<div class="main"><div class="TRS_Editor">
<p>河池市2018年政府信息公开工作年度报告</p>
<p>根据《中华人民共和国政府信息公开条例》要求,现将我市2018年政府信息公开工作报告如下:</p>
<p>一、总体情况</p>
<p>我市印发了《河池市人民政府办公室关于印发河池市社会公益事业建设领域政府信息公开工作实施方案的通知》(河政办发〔2018〕110号)。全市各级各部门受理依申请公开政府信息19条。</p>
<table><tr><td>统计指标</td><td>单位</td><td>数量</td></tr>
<tr><td>(一)收到申请数</td><td>件</td><td>19</td></tr>
<tr><td>1.当面申请数</td><td>件</td><td>4</td></tr>
<tr><td>四、行政复议数量</td><td>件</td><td>5</td></tr></table>
</div></div>
<div class="footer">版权所有: 河池市人民政府 主办单位: 河池市人民政府办公室 备案号: 桂ICP备00000000号</div>
</body></html>"""


def _pdf(pages: list[list[str]], header: str = "钦州市人民政府办公室文件", footer: str = "- {n} -") -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for number, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 10)
        c.drawString(72, 800, header)  # running header
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 14
        c.drawString(290, 40, footer.format(n=number, of=len(pages)))  # page number
        c.showPage()
    c.save()
    return buffer.getvalue()


PLAN_PAGES = [
    ["钦州市2017年政务公开工作实施方案", "一、总体情况",
     "为贯彻落实国务院办公厅《2017年政务公开工作要点》(国办发〔2017〕24号)和《广西壮族自治区人民政府办公厅关于",
     "贯彻落实国务院办公厅2017年政务公开工作要点的通知》(桂政办电〔2017〕64号)要求,做好我市政务公开工作。"],
    ["二、主要任务", "(一)加强预期引导", "1. 按月公开全市财政收支情况。(责任单位:市财政局)"],
    ["三、保障措施", "各县区要在2017年5月11日前制定具体措施。"],
]


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("湘潭市2016年政府信息公开工作年度报告")
    document.add_paragraph("贯彻落实《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)精神。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("统计指标", "单位", "合计"), ("(一)收到申请数", "件", "687"),
                                       ("1.当面申请数", "件", "199")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("全年受理政府信息公开申请687件。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_format_detection_by_content() -> None:
    assert detect_format(PAGE.encode("gb2312"), "saved-page.txt") == "html"  # a saved page named .txt
    assert detect_format(_pdf([["正文"]]), "x.bin") == "pdf"
    assert detect_format(_docx(), "x") == "docx"
    assert detect_format("桂林市2017年政府信息公开工作年度报告".encode(), "x.html") == "text"


def test_gbk_web_page_main_text_and_table() -> None:
    source = source_from_bytes(PAGE.encode("gb2312"), path="page.txt", name="page.txt")
    assert source.media_type == "text/html" and source.encoding.lower() in ("gb2312", "gbk", "gb18030")
    text = source.text
    assert text.startswith("河池市2018年政府信息公开工作年度报告")
    for clutter in ("首页", "版权所有", "var nav", "当前位置"):
        assert clutter not in text
    assert "| (一)收到申请数 | 件 | 19 |" in text


NOTICE_PAGE = """<html><head><meta charset="utf-8">
<title>关于印发《娄底市2019年政务公开工作要点》的通知 - 娄底市人民政府</title></head><body>
<table class="meta"><tr><td>索引号：</td><td>000014349/2019-12345</td><td>发布机构：</td><td>娄底市人民政府办公室</td></tr>
<tr><td>文号：</td><td>娄政办函〔2019〕30号</td><td>发布日期：</td><td>2019-05-10</td></tr></table>
<div class="article"><p>各县市区人民政府，市直有关单位：</p>
<p>《娄底市2019年政务公开工作要点》已经市人民政府同意，现印发给你们，请认真贯彻执行。</p>
<p>娄底市人民政府办公室</p><p>2019年5月8日</p><p>娄底市2019年政务公开工作要点</p><p>一、加强政策解读</p></div>
</body></html>"""


@pytest.mark.parametrize(
    ("title_tag", "first_line"),
    [
        ("关于印发《娄底市2019年政务公开工作要点》的通知 - 娄底市人民政府", "关于印发《娄底市2019年政务公开工作要点》的通知"),
        ("益阳市资阳区2018年政府信息公开工作年度报告_益阳市资阳区人民政府门户网站",
         "益阳市资阳区2018年政府信息公开工作年度报告"),
        ("娄底市人民政府门户网站", "各县市区人民政府，市直有关单位："),  # the site's name is no title
    ],
)
def test_a_page_without_a_title_line_takes_the_title_tag(title_tag: str, first_line: str) -> None:
    page = NOTICE_PAGE.replace("关于印发《娄底市2019年政务公开工作要点》的通知 - 娄底市人民政府", title_tag)
    lines = source_from_bytes(page.encode(), path="p.html", name="p.html").text.split("\n")
    # the catalogue outside the article is kept above it
    assert lines[:2] == ["| 索引号： | 000014349/2019-12345 | 发布机构： | 娄底市人民政府办公室 |",
                         "| 文号： | 娄政办函〔2019〕30号 | 发布日期： | 2019-05-10 |"]
    assert lines[2] == first_line


LAYOUT_PAGE = """<html><head><meta charset="utf-8"><title>岳阳市2016年政府信息公开工作年度报告</title></head>
<body><table width="1000"><tr><td><table><tr><td class="nav">首页 | 政务公开 | 办事服务</td></tr></table></td></tr>
<tr><td><table width="960"><tr><td><b>岳阳市2016年政府信息公开工作年度报告</b></td></tr>
<tr><td class="content"><p>根据《中华人民共和国政府信息公开条例》规定，现公布2016年度报告。</p><p>一、概述</p>
<p>2016年，全市共主动公开政府信息21,305条。全市共受理政府信息公开申请236件，其中当面申请98件。</p>
<table border="1"><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>
<tr><td>（一）主动公开政府信息数</td><td>条</td><td>21305</td></tr></table>
</td></tr></table></td></tr><tr><td>版权所有：岳阳市人民政府办公室</td></tr></table></body></html>"""


def test_a_page_laid_out_with_tables_keeps_its_prose_and_its_table_of_figures() -> None:
    lines = source_from_bytes(LAYOUT_PAGE.encode(), path="p.html", name="p.html").text.split("\n")
    assert lines[0] == "岳阳市2016年政府信息公开工作年度报告"
    assert "2016年，全市共主动公开政府信息21,305条。全市共受理政府信息公开申请236件，其中当面申请98件。" in lines
    assert "| （一）主动公开政府信息数 | 条 | 21305 |" in lines
    assert not any("版权所有" in line or "首页" in line for line in lines)


LINKS_PAGE = """<html><head><meta charset="utf-8"><title>贺州市2017年政府信息公开工作年度报告_贺州市人民政府</title></head>
<body><div class="main"><div class="left"><h3>相关文章</h3><ul>
<li><a href="/a.html">贺州市2016年政府信息公开工作年度报告</a></li>
<li><a href="/b.html">《贺州市人民政府办公室关于印发贺州市2017年政务公开工作实施方案的通知》</a></li></ul></div>
<div class="content"><table><tr><td>发布机构：</td><td><a href="/org">贺州市人民政府办公室</a></td>
<td>主题分类：</td><td><a href="/t">综合政务</a></td></tr></table><div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<h1>贺州市2017年政府信息公开工作年度报告</h1>
<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布贺州市2017年政府信息公开工作年度报告。</p>
<p>2017年，全市主动公开政府信息15678条，其中通过<a href="http://www.gxhz.gov.cn">贺州市人民政府门户网站</a>公开6210条。
全市共受理政府信息公开申请86件。</p></div></div></body></html>"""


def test_a_list_of_links_to_other_pages_is_no_part_of_the_document() -> None:
    lines = source_from_bytes(LINKS_PAGE.encode(), path="p.html", name="p.html").text.split("\n")
    # the catalogue kept, its values links; the title is not the 2016 report the sidebar links to
    assert lines[:2] == ["| 发布机构： | 贺州市人民政府办公室 | 主题分类： | 综合政务 |", "贺州市2017年政府信息公开工作年度报告"]
    assert not any("实施方案" in line or "相关文章" in line or "当前位置" in line for line in lines)
    assert any("门户网站公开6210条" in line for line in lines)  # a link inside the prose stays


TASK_TABLE_PAGE = """<html><head><meta charset="utf-8"></head><body><div class="article">
<h2>唐山市2017年政务公开工作任务分工</h2><table>
<tr><th>序号</th><th>类别</th><th>重点任务</th><th>牵头单位</th><th>完成时限</th></tr>
<tr><td>1</td><td rowspan="2">决策公开</td><td>推行重大决策预公开。在决策前向社会公布决策草案。</td>
<td rowspan="2">市政府办公厅</td><td>11月底前</td></tr>
<tr><td>2</td><td>推进决策过程公开。</td><td>持续推进</td></tr></table></div></body></html>"""


def test_a_table_of_tasks_keeps_its_rows_and_a_cell_spanning_rows_stands_in_each() -> None:
    # cells of sentences, which a layout table would have, do not make a table of tasks one
    lines = source_from_bytes(TASK_TABLE_PAGE.encode(), path="p.html", name="p.html").text.split("\n")
    assert "| 2 | 决策公开 | 推进决策过程公开。 | 市政府办公厅 | 持续推进 |" in lines
    assert "| 1 | 决策公开 | 推行重大决策预公开。在决策前向社会公布决策草案。 | 市政府办公厅 | 11月底前 |" in lines


def test_a_cell_listing_agencies_one_a_line_keeps_them_apart() -> None:
    page = ("<html><body><div class='article'><h1>岳阳县2020年政务公开工作任务分解表</h1><table>"
            "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>本年新<br>制作数量</td></tr>"
            "<tr><td>1</td><td>回应社会关切</td><td>县委宣传部<br/>县政府办</td><td>县 公安局</td></tr>"
            "</table></div></body></html>")
    lines = source_from_bytes(page.encode(), path="p.html", name="p.html").text.split("\n")
    # a label broken over lines stays one label; the names of two agencies become a list
    assert "| 序号 | 工作任务 | 牵头单位 | 本年新制作数量 |" in lines
    assert "| 1 | 回应社会关切 | 县委宣传部、县政府办 | 县公安局 |" in lines


def test_web_page_through_the_pipeline(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(PAGE.encode("gb2312"))
    extraction, _ = process_file(page)
    assert extraction.structure.main.title and extraction.structure.main.title.value == "河池市2018年政府信息公开工作年度报告"
    assert {w.number for w in extraction.works} >= {"河政办发〔2018〕110号"}
    table = {(o.indicator, o.value) for o in extraction.observations if o.source == "table"}
    assert {("A.3.1", 19.0), ("A.3.1.1", 4.0), ("A.4", 5.0)} <= table


def test_pdf_text_layer_headers_removed_lines_rejoined(tmp_path: Path) -> None:
    source = source_from_bytes(_pdf(PLAN_PAGES), path="plan.pdf", name="plan.pdf")
    assert source.media_type == "application/pdf"
    assert "钦州市人民政府办公室文件" not in source.text and "- 2 -" not in source.text
    assert "人民政府办公厅关于贯彻落实国务院办公厅2017年政务公开工作要点的通知》(桂政办电〔2017〕64号)" in source.text
    (tmp_path / "plan.pdf").write_bytes(_pdf(PLAN_PAGES))
    extraction, graph = process_file(tmp_path / "plan.pdf")
    assert {w.number for w in extraction.works} == {"国办发〔2017〕24号", "桂政办电〔2017〕64号"}
    assert extraction.tasks and extraction.tasks[0].assignments[0].agency.name == "钦州市财政局"  # type: ignore[union-attr]
    assert any(t.object.value == "application/pdf" for t in graph.triples)


def test_a_sentence_the_page_broke_goes_on_at_the_top_of_the_next_page() -> None:
    pages = [["一、总体情况", "全年共收到政府信息公开申请216件，其中当面申请20件，网上申请180件，信函申请",
              "16件。全年办结政府信息公开申请216件，按时办结216件，同比增加18件，行政复议数量",
              "6件，其中维持3件，被依法纠错的2件，其他情形1件。全年因政府信息公开提起行政"],
             ["诉讼数量4件。", "二、主动公开政府信息情况"]]
    text = source_from_bytes(_pdf(pages), path="r.pdf", name="r.pdf").text
    assert "全年因政府信息公开提起行政诉讼数量4件。\n二、主动公开政府信息情况" in text


def test_the_pages_width_is_its_prose_lines_not_a_wider_row_of_values() -> None:
    # a table's row in the text layer (values after spaces) runs past the prose: the prose lines that
    # fill the page are still full, and a closing quote ends no sentence at the page's edge
    page = ["一、总体情况", "行政许可    8652    行政处罚    368    行政强制    12    行政事业性收费    25.6",
            "全年在市政府门户网站设立了“政策解读”“重点领域信息公开”“",
            "重大建设项目”等专栏，解读政策30多篇，回应社会关切事项15件，",
            "召开新闻发布会6场。"]
    text = source_from_bytes(_pdf([page]), path="r.pdf", name="r.pdf").text
    assert "“重大建设项目”等专栏，解读政策30多篇，回应社会关切事项15件，召开新闻发布会6场。" in text


def _pdf_with_unruled_tables(text: str) -> bytes:
    """The report's prose on a page 80 columns wide; each table row in narrow columns without rules, its
    cells wrapped inside, the label column wider: as a report saved from Word prints its statistics."""
    from layout import broken_lines
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    y = 780.0
    for line in text.split("\n"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if "|" in line else None
        if cells is None:
            pieces, size, widths = broken_lines(line, 80), 10.5, [480.0]
            rows = [[piece] for piece in pieces]
        else:
            size = 7
            widths = [130.0] + [350.0 / max(1, len(cells) - 1)] * (len(cells) - 1)
            wrapped = [broken_lines(cell, max(2, int((w - 6) // 3.6))) for cell, w in zip(cells, widths, strict=True)]
            rows = [[w[r] if r < len(w) else "" for w in wrapped] for r in range(max(len(w) for w in wrapped))]
        for row in rows:
            if y < 60:
                c.showPage()
                y = 780.0
            c.setFont("STSong-Light", size)
            x = 60.0
            for width, piece in zip(widths, row, strict=False):
                c.drawString(x + 2, y, piece)
                x += width
            y -= 15 if cells is None else 9
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("fixture", ["report_2019_format.txt", "report_2021_format_rows.txt"])
def test_a_pdf_whose_tables_have_no_rules_gives_the_figures_of_its_rows(tmp_path: Path, fixture: str) -> None:
    text = (Path(__file__).parent / "fixtures" / fixture).read_text(encoding="utf-8")
    rows = "\n".join(f"| {line} |" if " | " in line and not line.startswith("|") else line for line in text.split("\n"))
    (tmp_path / "report.pdf").write_bytes(_pdf_with_unruled_tables(rows))
    (tmp_path / "report.txt").write_text(rows, encoding="utf-8")

    def figures(path: Path) -> set[tuple[str | None, str | None, float]]:
        return {(o.indicator, o.applicant_type, o.value) for o in process_file(path)[0].observations if o.indicator}

    assert figures(tmp_path / "report.pdf") == figures(tmp_path / "report.txt")


def test_a_heading_whole_on_its_line_stays_apart_however_wide() -> None:
    page = ["六、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "2017年全市因政府信息公开申请行政复议数量46件，其中维持具体行政行为的",
            "30件。"]
    lines = source_from_bytes(_pdf([page], header=""), path="r.pdf", name="r.pdf").text.splitlines()
    assert lines == ["六、因政府信息公开申请行政复议、提起行政诉讼的情况",
                     "2017年全市因政府信息公开申请行政复议数量46件，其中维持具体行政行为的30件。"]


def _pdf_with_a_table_on_top(rows: list[list[str]], lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.setFont("STSong-Light", 8)
    top = 800
    for row in rows:  # a ruled table: every cell a rectangle
        width = 480 / len(row)
        for k, cell in enumerate(row):
            c.rect(60 + k * width, top - 16, width, 16)
            c.drawString(62 + k * width, top - 12, cell)
        top -= 16
    c.setFont("STSong-Light", 10)
    for line in lines:
        top -= 14
        c.drawString(60, top, line)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_pdf_table_stays_where_the_page_has_it() -> None:
    # the portal's catalogue above the text, not after the page's last line, where no title is looked for;
    # a key's value also past the empty cells the table's columns put between them
    rows = [["发文机关:", "钦州市人民政府办公室", "成文日期:", "2017年5月10日"],
            ["标题:", "钦州市人民政府办公室关于印发政务公开工作方案的通知"],
            ["发文字号:", "钦政办电〔2017〕87号", "发布日期:", "2017年05月11日"]]
    source = source_from_bytes(_pdf_with_a_table_on_top(rows, ["各县区人民政府：", "现将方案印发给你们。"]),
                               path="n.pdf", name="n.pdf")
    assert source.text.startswith("| 发文机关:") and source.text.endswith("现将方案印发给你们。")
    main = structure_document(normalize_text(source)).main
    assert main.title is not None and main.title.value == "钦州市人民政府办公室关于印发政务公开工作方案的通知"
    assert main.number is not None and main.number.value == "钦政办电〔2017〕87号"


def test_a_two_page_pdf_loses_its_running_header_too() -> None:
    source = source_from_bytes(_pdf(PLAN_PAGES[:2]), path="plan.pdf", name="plan.pdf")
    assert "钦州市人民政府办公室文件" not in source.text
    assert source.text.startswith("钦州市2017年政务公开工作实施方案\n")


def test_a_web_page_printed_to_pdf_loses_what_the_browser_printed_around_it() -> None:
    page = ["平江县2017年政府信息公开工作年度报告", "一是信息公开不够及时；二是依申请公开办理能力有待提升。2018年，我县将着力",
            "抓好以下工作……", "平江县人民政府办公室", "2018年3月20日"]
    pdf = _pdf([page], header="2018/3/25 下午3:25    平江县2017年政府信息公开工作年度报告_平江县人民政府",
               footer="http://www.pingjiang.gov.cn/xxgk/ndbg/201803/t20180325_1234.html    {n}/{of}")
    lines = source_from_bytes(pdf, path="r.pdf", name="r.pdf").text.splitlines()
    # one page, so nothing repeats: the print's date line and address line are known by their form;
    # and the short lines of the signature stay lines of their own after a wrapped paragraph
    assert lines == ["平江县2017年政府信息公开工作年度报告",
                     "一是信息公开不够及时；二是依申请公开办理能力有待提升。2018年，我县将着力抓好以下工作……",
                     "平江县人民政府办公室", "2018年3月20日"]


def test_docx_paragraphs_and_tables() -> None:
    source = source_from_bytes(_docx(), path="r.docx", name="r.docx")
    assert source.text.splitlines()[0] == "湘潭市2016年政府信息公开工作年度报告"
    assert "| (一)收到申请数 | 件 | 687 |" in source.text


def test_a_word_cell_listing_agencies_one_a_paragraph_keeps_them_apart() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("岳阳县2020年政务公开工作任务分解表")
    row = document.add_table(rows=1, cols=3).rows[0]
    row.cells[0].text, row.cells[1].text = "回应社会关切", "本年新\n制作数量"
    row.cells[2].text = "县委宣传部\n县政府办"
    buffer = io.BytesIO()
    document.save(buffer)
    text = source_from_bytes(buffer.getvalue(), path="p.docx", name="p.docx").text
    assert "| 回应社会关切 | 本年新制作数量 | 县委宣传部、县政府办 |" in text.split("\n")


def test_pdf_without_text_layer_is_a_clear_error() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.rect(100, 100, 200, 200, fill=1)  # an image-like page, no text
    c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer"):
        source_from_bytes(buffer.getvalue(), path="scan.pdf", name="scan.pdf")


def test_truncated_pdf_and_docx_are_clear_errors() -> None:
    with pytest.raises(InputError, match=r"broken\.pdf"):
        source_from_bytes(_pdf(PLAN_PAGES)[:300], path="broken.pdf", name="broken.pdf")
    with pytest.raises(InputError, match=r"broken\.docx"):
        source_from_bytes(_docx()[:2000], path="broken.docx", name="broken.docx")


def test_mixed_folder_ingests_every_format(tmp_path: Path, samples: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(PAGE.encode("gb2312"))
    (folder / "b.pdf").write_bytes(_pdf(PLAN_PAGES))
    (folder / "c.docx").write_bytes(_docx())
    (folder / "d.txt").write_bytes((samples / "001_16a26869f300a3bd.txt").read_bytes())
    with KGStore(tmp_path / "store") as s:
        report = ingest([folder], s)
    assert [f.status for f in report.files] == ["ingested"] * 4


def _as_cp1252(data: bytes) -> str:
    """How a browser shows bytes as Windows-1252: the five undefined codes pass through as C1 controls."""
    return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)


_REPORT = "韶关市2018年政府信息公开工作年度报告\n一、概述\n2018年，全市共主动公开政府信息23456条，受理政府信息公开申请120件。\n"
_PLAN = "梧州市2018年政务公开工作实施方案\n一、推进决策公开\n认真落实《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发﹝2017﹞97号）。\n"
_TRADITIONAL = "韶關市2018年政府信息公開工作年度報告\n一、概述\n2018年，全市共主動公開政府信息23456條。\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (_REPORT.encode("utf-8"), _REPORT, "utf-8"),
        (_REPORT.encode("gb18030"), _REPORT, "gb18030"),
        (_REPORT.encode("utf-16"), _REPORT, "utf-16-le"),
        # traditional characters in Big5 also decode as GBK, to nonsense
        (_TRADITIONAL.encode("big5"), _TRADITIONAL, "big5"),
        # UTF-8 once read as Latin-1 and saved again ('éŸ¶å…³å¸‚'): the text comes back
        (_REPORT.encode("utf-8").decode("latin-1").encode("utf-8"), _REPORT,
         "utf-8 (saved again after reading as Latin-1)"),
        # … and through Windows-1252, whose 0x80–0x9f are letters and quotes ('æ”¿åºœ')
        (_as_cp1252(_REPORT.encode("utf-8")).encode("utf-8"), _REPORT, "utf-8 (saved again after reading as Latin-1)"),
        # … by a strict decoder, which wrote U+FFFD for those five: the characters they were in are guessed
        (_REPORT.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"), _REPORT, None),
        (_PLAN.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"), _PLAN, None),
        # GBK read as Latin-1 and saved again ('ÉØ¹ØÊÐ'), as a page fetched without a charset often is
        (_REPORT.encode("gb18030").decode("latin-1").encode("utf-8"), _REPORT,
         "utf-8 (GB18030 text saved again after reading as Latin-1)"),
        (_as_cp1252(_REPORT.encode("gb18030")).encode("utf-8"), _REPORT,
         "utf-8 (GB18030 text saved again after reading as Latin-1)"),
        # Latin text with a few accents is what it is
        ("Café résumé: naïve déjà vu, façade, über, señor, crème brûlée, Ångström, Øresund.".encode(), None, "utf-8"),
    ],
    ids=["utf-8", "gb18030", "utf-16", "big5", "latin-1-mojibake", "cp1252-mojibake", "cp1252-lossy-mojibake",
         "cp1252-lossy-mojibake-with-small-brackets",
         "gbk-latin-1-mojibake",
         "gbk-cp1252-mojibake", "latin-text"],
)
def test_encodings(data: bytes, text: str | None, encoding: str | None) -> None:
    found, name = decode_bytes(data)
    if text is not None:
        assert found == text
    if encoding is not None:
        assert name == encoding


def test_a_web_page_saved_again_after_reading_as_latin1_is_repaired() -> None:
    page = ("<html><head><meta charset='utf-8'></head><body><div class='article'><h1>" + _REPORT.split("\n")[0]
            + "</h1><p>" + _REPORT.split("\n")[2] + "</p></div></body></html>")
    source = source_from_bytes(page.encode("utf-8").decode("latin-1").encode("utf-8"), path="p.html", name="p.html")
    assert _REPORT.split("\n")[0] in source.text and "saved again" in source.encoding


def test_a_page_title_that_names_who_wrote_a_shorter_title_line_goes_above_it() -> None:
    page = ("<html><head><meta charset='utf-8'><title>湘阴县2020年政府信息公开工作年度报告_湘阴县人民政府</title></head>"
            "<body><div><h1>2020年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2020年，全县主动公开政府信息3456条。</p>"
            "</div></body></html>")
    lines = source_from_bytes(page.encode(), path="p.html", name="p.html").text.split("\n")
    assert lines[:2] == ["湘阴县2020年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告"]


def _browser_gbk(data: bytes) -> str:
    """How a browser reads bytes as GBK: a lone 0x80 is €, any other unusable byte U+FFFD."""
    def handler(err: UnicodeError) -> tuple[str, int]:
        assert isinstance(err, UnicodeDecodeError)
        return ("€" if err.object[err.start] == 0x80 else "\ufffd"), err.start + 1

    codecs.register_error("kg-test-browser", handler)
    return data.decode("gb18030", errors="kg-test-browser")


@pytest.mark.parametrize("misread", [lambda b: b.decode("gbk", errors="replace"), _browser_gbk],
                         ids=["python-gbk", "browser-gbk"])
def test_utf8_once_read_as_gbk_is_restored_and_its_lost_bytes_guessed(misread: Callable[[bytes], str]) -> None:
    original = (FIXTURES / "county_report_2018.txt").read_text(encoding="utf-8")
    garbled = misread(original.encode("utf-8"))  # 鍏ㄥ幙鍏变富鍔ㄥ叕寮€…
    source = source_from_bytes(garbled.encode("utf-8"), path="g.txt", name="g.txt")
    assert "reading as GBK" in source.encoding and source.problems[0].code == "decode"
    assert len(source.text) == len(original)
    wrong = sum(1 for a, b in zip(source.text, original, strict=True) if a != b)
    assert wrong < 0.03 * len(original)  # a lost byte is guessed from context, and the guess is seldom wrong
    facts = {(o.indicator, o.value) for o in extract_observations(source.text, gazetteer().get("450326"), 2018)}
    assert {("A.1.1", 6532.0), ("A.3.1", 23.0), ("A.3.3.6", 4.0)} <= facts


def test_real_chinese_text_is_never_taken_for_a_gbk_misreading() -> None:
    for sample in sorted((Path(__file__).parents[1] / "data" / "samples").glob("*.txt")):
        assert undo_gbk_misread(sample.read_text(encoding="utf-8")) is None, sample.name
    assert undo_gbk_misread((FIXTURES / "county_report_2018.txt").read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("line", ["一、总体情况", "二、主动公开政府信息情况", "全县主动公开政府信息一千条，收到申请一百件。"])
def test_a_byte_lost_before_a_known_one_is_one_that_makes_no_gbk_pair_with_it(line: str) -> None:
    # 一 ends in 0x80, which a GBK decoder loses wherever it starts a pair: before 、 (E3 80 81) the
    # lost byte can only be one that makes no pair with E3, so 一 is no longer a guess among 64
    original = "政府信息公开工作年度报告\n" + line + "\n" + "2022年，全县收到政府信息公开申请25件。\n" * 3
    restored = undo_gbk_misread(original.encode("utf-8").decode("gbk", errors="replace"))
    assert restored is not None and restored.text == original


def test_a_guessed_heading_numeral_follows_the_headings_before_it() -> None:
    # (一) and (三) between ASCII parentheses lose the same byte and have the same neighbours; the
    # headings before say which: 一 after a new section, the next numeral after (X)
    body = "2022年，全县收到政府信息公开申请25件，主动公开政府信息3562条。\n"
    original = ("政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n" + body + "(二)依申请公开\n" + body
                + "(三)政府信息管理\n" + body + "二、主动公开政府信息情况\n(一)规章\n" + body)
    restored = undo_gbk_misread(original.encode("utf-8").decode("gbk", errors="replace"))
    assert restored is not None and restored.text == original
