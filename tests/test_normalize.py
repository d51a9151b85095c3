"""Normalization: table-driven cases met in real documents, and properties over any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from layout import broken_lines

from kg.model import SourceText, Span
from kg.normalize import normalize_string, normalize_text


def _source(text: str) -> SourceText:
    return SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("政府信息公開(kāi)工作年度報(bào)告", "政府信息公开工作年度报告"),  # pinyin glosses + traditional
        ("政府信息公開(kai)工作年度報(bao4)告", "政府信息公开工作年度报告"),  # glosses without tone marks
        ("人工智能(ai)、電子郵件(email)、第(a)項", "人工智能(ai)、电子邮件(email)、第(a)项"),  # no syllable's gloss
        ("基本情況,、圍繞中心", "基本情况、围绕中心"),  # stray ',、'
        ("年度報告,。本報告", "年度报告。本报告"),  # stray ',。'
        ("细则,,自治区", "细则,自治区"),  # doubled comma
        ("正文\n打开APP阅读全文\n相关新闻\n×\n确定\n取消", "正文\n"),  # news-app clutter
        # a table drawn in box characters: its borders are the pipes of its rows, its rules go; a cell that
        # says none (— or -) on a line of its own stays, and a ｜ between a site's name and a title is no border
        ("┌──┬──┐\n│统计指标│单位│\n╞══╪══╡\n║主动公开║条║\n└──┴──┘\n", "|统计指标|单位|\n|主动公开|条|\n"),
        ("+----+----+\n|统计指标|单位|\n+----+----+\n", "|统计指标|单位|\n"),
        ("一、主动公开情况\n—\n-\n", "一、主动公开情况\n—\n-\n"),
        ("柳州发布｜柳州市2022年政府信息公开工作年度报告", "柳州发布｜柳州市2022年政府信息公开工作年度报告"),
        ("新河池客户端 2019-03-22 08:24:02\n正文", "正文"),  # app byline
        ("图为 巴州人民政府信息公开平台\n正文", "正文"),  # caption of a dropped image
        ("当前位置：首页 > 政务公开\n首页 > 信息公开 > 年报\n【字体：大 中 小】\n正文", "正文"),  # breadcrumbs, font switch
        ("您当前的位置：首页 > 信息公开 > 政府信息公开年报\n正文", "正文"),  # a breadcrumb ending like a title
        ("岳阳市人民政府门户网站\n首页 >> 政务公开 >> 年度报告\n正文", "正文"),  # the site's name, a >> breadcrumb
        ("中国政府网\n正文", "正文"),
        ("序号\n工作任务\n1\n规范政府网站\n", "序号\n工作任务\n1\n规范政府网站\n"),  # ... but not a task about a site
        ("柳州市2017年政府信息公开工作年度报告_柳州市人民政府门户网站\n正文",  # ... but not a title before it
         "柳州市2017年政府信息公开工作年度报告_柳州市人民政府门户网站\n正文"),
        ("[打印本页] [关闭窗口]\n正文\n【打印】【关闭】", "正文\n"),  # print and close buttons in brackets
        ("关闭窗口\n关闭违规网站12个", "关闭违规网站12个"),  # a sentence opening with 关闭 is no button
        ("【字体：大 中 小】 打印本页\n正文\n打印 关闭", "正文\n"),  # a row of buttons
        ("无障碍 | 长者模式 | 繁体 | 登录 | 注册\n正文", "正文"),  # a portal's toolbar
        ("繁体中文版报告\n正文", "繁体中文版报告\n正文"),
        # page marks a PDF copied as text leaves on lines of their own; a fraction stays (a table's cell)
        ("一、概述\n第 1 页 共 3 页\n— 2 —\n- 3 -\n共5页 第4页\n3/5", "一、概述\n3/5"),
        # a title closed with the mark of a title inside one, and «» for 《》
        ("落实《2017年政务公开工作要点>（国办发〔2017〕24号）", "落实《2017年政务公开工作要点》（国办发〔2017〕24号）"),
        ("《关于印发〈要点〉的通知》", "《关于印发〈要点〉的通知》"),
        ("落实«2017年政务公开工作要点»", "落实《2017年政务公开工作要点》"),
        # a footer's links and notices; a responsibility list that opens with 主办单位 stays
        ("正文\n网站地图 | 联系我们\n主办：某市人民政府办公室 桂ICP备05000001号\n版权所有：某市人民政府", "正文\n"),
        ("主办单位：市财政局；协办单位：市统计局", "主办单位：市财政局；协办单位：市统计局"),
        # a heading inside a line of ordinary length stays where it is (only a page that lost its breaks gets them back)
        ("全年共受理申请12件。二、主动公开政府信息情况", "全年共受理申请12件。二、主动公开政府信息情况"),
        # a page's list of links at its end goes with its heading; before prose, only the heading goes
        ("正文。\n相关链接：\n《国务院办公厅关于印发2018年政务公开工作要点的通知》\n上年度报告 2018-03-01\n", "正文。\n"),
        ("相关链接\n桂林市2017年政府信息公开工作年度报告\n根据《条例》规定，特公布本报告。",
         "桂林市2017年政府信息公开工作年度报告\n根据《条例》规定，特公布本报告。"),
        ("?。ㄒ唬┱畔⒐_工作", "（一）畔⒐_工作"),  # misaligned GBK heading: marker repaired
        ("２０１７年", "2017年"),  # full-width digits
        ("公开信息１２，３５６条，其中", "公开信息12,356条，其中"),  # and their thousands separator
        ("《国务院关于取消中央指定地方实\n施行政许可事项的决定》", "《国务院关于取消中央指定地方实施行政许可事项的决定》"),
        ("政府公报(PPP)项目", "政府公报(PPP)项目"),  # latin in brackets is not pinyin
        # a sentence broken before its figure, whatever the lines' widths; a table's bare value stays
        ("全县共主动公开政府信息\n5632条，其中通过门户网站公开\n4521条。", "全县共主动公开政府信息5632条，其中通过门户网站公开4521条。"),
        ("（一）当面申请数\n45\n（二）传真申请数\n0", "（一）当面申请数\n45\n（二）传真申请数\n0"),
        ("三、依申请公开情况\n45件", "三、依申请公开情况\n45件"),
        # a document number broken inside its code
        ("的通知》（湘\n政办发〔2016〕45号）的要求", "的通知》（湘政办发〔2016〕45号）的要求"),
        # … or after its code, and a title broken right before its closing mark
        ("安排》（新政办发〔2017〕63\n号）精神", "安排》（新政办发〔2017〕63号）精神"),
        ("（市政办函〔2017\n〕24号）", "（市政办函〔2017〕24号）"),
        ("（市政办电〔2017〕2\n4号）", "（市政办电〔2017〕24号）"),
        ("（市政办函〔20\n17〕24号）", "（市政办函〔2017〕24号）"),
        ("〔2017〕2\n4件", "〔2017〕2\n4件"),  # a number's tail only before its 号
        ("《广西壮族自治区政府信息公开工作年度报告制度(试行)\n》要求", "《广西壮族自治区政府信息公开工作年度报告制度(试行)》要求"),
        # a wrapped line that ends in the portal's name is prose, not the site's name on a line
        # a PDF font's radical glyphs for whole characters: Kangxi radicals, simplified radicals, a
        # compatibility ideograph
        ("⼀、根据《中华⼈⺠共和国政府信息公开条例》，⻓沙市各部⻔⼯作", "一、根据《中华人民共和国政府信息公开条例》，长沙市各部门工作"),
        ("受理申请⼗⼆件，其中︰", "受理申请十二件，其中︰"),
        ("\uf9b4导小组", "领导小组"),  # U+F9B4 is 領, then simplified
        # a PDF's letter-spaced line closed up; a row of table cells keeps its gaps
        ("政  府  信  息  公  开  工  作  年  度  报  告", "政府信息公开工作年度报告"),
        ("全 市 共 受 理 政 府 信 息 公 开 申 请 12 件。", "全市共受理政府信息公开申请 12 件。"),
        ("信息内容 本年制发件数 本年废止件数 现行有效件数", "信息内容 本年制发件数 本年废止件数 现行有效件数"),
        # characters that show nothing split no figure; entities left in copied text are read, &amp; is kept
        ("主动公开政府信息42\u200b576条\u00ad。", "主动公开政府信息42576条。"),
        ("行政复议&nbsp;2&nbsp;件，&lt;要点&gt;，&#12288;全文，A&amp;B", "行政复议 2 件，<要点>， 全文，A&amp;B"),
        ("发布《桂林市质量技术监督局关\n于发布2017年产品质量桂林市监\n督抽查计划的公告》。",  # a title over three lines
         "发布《桂林市质量技术监督局关于发布2017年产品质量桂林市监督抽查计划的公告》。"),
        ("《桂林市人民政府关于公布2017年行政规范性\n文件清理结果的通知》(市政〔2017〕20号)已在市政府门户网站\n上公布",
         "《桂林市人民政府关于公布2017年行政规范性文件清理结果的通知》(市政〔2017〕20号)已在市政府门户网站\n上公布"),
    ],
)
def test_normalization_cases(raw: str, expected: str) -> None:
    assert normalize_string(raw) == expected


def test_mojibake_is_reported_with_a_span_in_the_source() -> None:
    text = "前言\n?。ㄈ┱畔⒐_目录"
    result = normalize_text(_source(text))
    problems = [p for p in result.problems if p.code == "mojibake"]
    assert problems and problems[0].span is not None
    assert text[problems[0].span.start : problems[0].span.end].startswith("?。ㄈ")


def test_offsets_map_back_to_the_original_characters() -> None:
    text = "根據(jù)《中華人民共和國(guó)政府信息公開(kāi)條例》,,規定"
    result = normalize_text(_source(text))
    start = result.text.index("《")
    end = result.text.index("》") + 1
    span = result.source_span(Span(start, end))
    assert text[span.start : span.end] == "《中華人民共和國(guó)政府信息公開(kāi)條例》"


_pieces = st.sampled_from(
    [*"公開關於報告政府信息,、。()（）kāiguān\n|?。ㄒ唬┱畔⒐_ 《》〔〕2017号０１⼯⻓\uf9b4",
     "打开APP阅读全文\n", "公開(kāi)", "(kai)", "(bao4)", ",、", "?。ㄒ唬┱畔", "\n图为 说明\n", "《标题\n续》", "政 府 信 息 ",
     "&nbsp;", "&amp;", "&", "nbsp;", "&#12288;", "&lt;", "\u200b", "\ufeff"]
)
_texts = st.lists(_pieces, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize_string(text)
    assert normalize_string(once) == once


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_every_character_maps_inside_the_source(text: str) -> None:
    result = normalize_text(_source(text))
    assert len(result.origin) == len(result.text) + 1
    assert all(0 <= o <= len(text) for o in result.origin)
    assert list(result.origin[:-1]) == sorted(result.origin[:-1])  # order is kept
    for i in range(len(result.text)):
        span = result.source_span(Span(i, i + 1))
        assert 0 <= span.start < span.end <= len(text)


_WRAPPED = (
    "2022年，梧州市人民政府深入贯彻落实政务公开工作要点，全年通过市政\n"
    "府门户网站主动公开政府信息12345条，市本级共收到政府信息公开申\n"
    "请216件，上年结转12件。其中予以公开90件，部分公开23件，不予公开\n"
    "6件，无法提供76件，不予处理8件，其他处理7件。结转下年度继续办\n"
    "理18件。\n"
    "二、主动公开政府信息情况\n"
)


_TABLES = "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 8652\n一、总体情况\n"
_PROSE = ("2022年，八步区深入贯彻落实《2022年政务公开工作要点》（国办发〔2022〕8号）和自治区、市关于政务公开工作的"
          "部署要求，全年通过区政府门户网站主动公开政府信息6,521条，其中政策文件215条，政策解读材料38篇，"
          "解读视频12个，图解11个。全年召开新闻发布会6场，区政府主要负责同志出席2场，回应社会关切事项15件。")
_REVIEW_ROWS = "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 0 1 0 0 0 1 1\n"


_GLOSSED = ("2017年，全市主動(dòng)公開(kāi)政府信息12345條(tiáo)，其中通過(guò)政府網(wǎng)站公開(kāi)8000條(tiáo)，"
            "政務(wù)微博公開(kāi)1200條(tiáo)，政務(wù)微信公開(kāi)900條(tiáo)。全市共收到政府信息公開申請216件，"
            "其中當面申請20件，網上申請180件，信函申請16件，全部按時辦結(jié)。")


_CELLS = ("一、本年新收政府信息公开申请数量本年新收政府信息公开申请\n25\n3\n0\n0\n1\n0\n29\n"
          "二、上年结转政府信息公开申请数量上年结转政府信息公开申请\n2\n0\n0\n0\n0\n0\n2\n")


_TAB_ROWS = ("2017年，全县共主动公开政府信息2100条。\n统计指标\t统计数\t单位\n"
             "（一）主动公开政府信息数\t2100\t条\n其中：主动公开规范性文件数\t15\t条\n制发规范性文件总数\t15\t件\n"
             "1.政府公报公开政府信息数\t0\t条\n2.政府网站公开政府信息数\t1890\t条\n（一）收到申请数\t4\t件\n"
             "（三）从事政府信息公开工作人员数\t35\t人\n")


def _broken_at(paragraph: str, columns: int) -> str:
    """The paragraph as a PDF lays it out, a line break after each of its lines."""
    return "\n".join(broken_lines(paragraph, columns)) + "\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # PDF layout: every full line that does not end a sentence continues on the next one
        (_WRAPPED, _WRAPPED.replace("\n", "").replace("办理18件。", "办理18件。\n").replace("情况", "情况\n")),
        # … also across a page number and a running header put there by the page break
        ("市本级共收到政府信息公开申请216件，其中当面申请20件，网上申\n- 2 -\n梧州市年度报告\n"
         "请180件，信函申请16件。全年办结政府信息公开申请216件，按时办\n结216件。同比增加18件，增长幅度较大。\n"
         "共有工作人员12名，其中专职人员5名，兼职人员7名，会议3次。\n梧州市年度报告\n",
         "市本级共收到政府信息公开申请216件，其中当面申请20件，网上申请180件，信函申请16件。全年办结政府信息公开申请216件，"
         "按时办结216件。同比增加18件，增长幅度较大。\n共有工作人员12名，其中专职人员5名，兼职人员7名，会议3次。\n梧州市年度报告\n"),
        # a title at the top as wide as the text under it stands on its own line
        ("梧州市长洲区人民政府办公室2022年度政府信息公开工作年度报告\n" + _WRAPPED,
         "梧州市长洲区人民政府办公室2022年度政府信息公开工作年度报告\n"
         + _WRAPPED.replace("\n", "").replace("办理18件。", "办理18件。\n").replace("情况", "情况\n")),
        # a report mostly of tables: its few prose lines broken at the page's edge are re-joined (lines with
        # digits hold more characters), its rows and header rows stay as they are
        (_TABLES + _broken_at(_PROSE, 76) + _REVIEW_ROWS, _TABLES + _PROSE + "\n" + _REVIEW_ROWS),
        # a page of traditional characters with pinyin glued on: a line is as wide as the page laid it out,
        # glosses and all, and a gloss the page broke is taken out once its line is joined
        (_broken_at(_GLOSSED, 60), "2017年，全市主动公开政府信息12345条，其中通过政府网站公开8000条，政务微博公开1200条，"
         "政务微信公开900条。全市共收到政府信息公开申请216件，其中当面申请20件，网上申请180件，信函申请16件，全部按时办结。\n"),
        # a table a cell a line under wrapped prose: a row's label as wide as the page goes on in its value
        # cells, which repeat (0, 0, 1) as no running header does; none of them is dropped
        (_broken_at(_GLOSSED, 60) + _CELLS, normalize_string(_broken_at(_GLOSSED, 60)) + _CELLS),
        # rows of cells between tabs are as wide as their cells: a row whose next one has no numbering goes on
        # in no other row (every rule below holds for rows wider than the prose, as in a page of tables)
        (_TAB_ROWS, _TAB_ROWS),
        # paragraphs of a web page vary in length: nothing to re-join
        ("一段很长的话，说明政府信息公开工作的基本情况和主要做法\n短的一段\n另一段更长一些的文字，描述依申请公开的办理情况和结果以及其他事项\n",
         "一段很长的话，说明政府信息公开工作的基本情况和主要做法\n短的一段\n另一段更长一些的文字，描述依申请公开的办理情况和结果以及其他事项\n"),
    ],
)
def test_lines_wrapped_by_a_pdf_layout_are_rejoined(raw: str, expected: str) -> None:
    assert normalize_string(raw) == expected


def test_a_glossed_report_laid_out_narrow_keeps_every_line(samples: Path) -> None:
    # 桂林's report (traditional characters, pinyin glued on) as a PDF 30 columns wide lays it out: a line
    # the same title gives twice is no running header, whatever its width once its glosses are gone
    original = (samples / "000_f8a476c4e629db92.txt").read_text(encoding="utf-8")
    narrow = "".join(_broken_at(line, 30) if "|" not in line else line + "\n" for line in original.split("\n"))
    title = "“双随机一公开”抽查工作实施方案"
    assert normalize_string(narrow).count(title) == normalize_string(original).count(title) == 2


def test_rejoined_text_maps_back_to_the_original_lines() -> None:
    text = normalize_text(_source(_WRAPPED))
    at = text.text.index("申请216件")
    span = text.source_span(Span(at, at + len("申请216件")))
    assert _WRAPPED[span.start : span.end] == "申\n请216件"
