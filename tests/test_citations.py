"""Citation extraction: one row per form met in real documents (text → expected citations)."""

from __future__ import annotations

import pytest

from kg.agencies import find_agencies
from kg.citations import extract_citations, name_issuers, sentence_around
from kg.model import CitationKind
from kg.resolve import resolve_citations
from kg.vocab import gazetteer


def _pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.number.normalized if c.number else None, c.title) for c in extract_citations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 《title》(number)
        ("贯彻落实《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)精神",
         [("中办发〔2016〕8号", "关于全面推进政务公开工作的意见")]),
        # the 号 left out where the parenthesis closes the number
        ("落实《2017年政务公开工作要点》（国办发〔2017〕24）", [("国办发〔2017〕24号", "2017年政务公开工作要点")]),
        ("发布（2017年24期）", []),
        # full-width parentheses and 【】 inside
        ("印发《湘潭市行政许可和行政处罚等信用信息公示工作实施方案》（潭政办发【2016】54号）",
         [("潭政办发〔2016〕54号", "湘潭市行政许可和行政处罚等信用信息公示工作实施方案")]),
        # the number in 【】 after the title, as some sites print it
        ("根据《国务院办公厅关于印发2017年政务公开工作要点的通知》【国办发〔2017〕24号】要求",
         [("国办发〔2017〕24号", "国务院办公厅关于印发2017年政务公开工作要点的通知")]),
        # title written outside 《》 before a number, with an inner 《》
        ("和湖南省人民政府办公厅关于印发《2016年政务公开工作要点》的通知(湘政办函〔2016〕62号)等文件",
         [("湘政办函〔2016〕62号", "湖南省人民政府办公厅关于印发《2016年政务公开工作要点》的通知")]),
        # an unquoted title after the word that cites it
        ("根据自治区人民政府办公厅关于印发2017年政务公开工作要点的通知（新政办发〔2017〕99号）精神",
         [("新政办发〔2017〕99号", "自治区人民政府办公厅关于印发2017年政务公开工作要点的通知")]),
        # unquoted title after narrative verbs
        ("我市出台了关于印发《湘潭市部门行政权力清单责任清单管理暂行办法》的通知(潭政办法〔2016〕71号),对",
         [("潭政办法〔2016〕71号", "关于印发《湘潭市部门行政权力清单责任清单管理暂行办法》的通知")]),
        # unquoted title that names its issuer, after a date
        ("2016年4月29日,湘潭市人民政府关于取消和承接一批经济社会管理权限的通知(潭政发〔2016〕8号),决定",
         [("潭政发〔2016〕8号", "湘潭市人民政府关于取消和承接一批经济社会管理权限的通知")]),
        # title in “” before a number
        ("及住建厅“关于做好全区饮用水安全状况信息公开工作的通知”(新环发〔2017〕30号)要求",
         [("新环发〔2017〕30号", "关于做好全区饮用水安全状况信息公开工作的通知")]),
        # nested 〈〉 and a mismatched > inside 《》
        ("出台了《关于转发市政府政务服务中心〈窗口及窗口工作人员管理试行办法>的通知》(潭政办发〔2016〕42号)",
         [("潭政办发〔2016〕42号", "关于转发市政府政务服务中心〈窗口及窗口工作人员管理试行办法>的通知")]),
        # title-only, with a trailing qualifier
        ("根据《中华人民共和国政府信息公开条例》和《广西壮族自治区政府信息公开工作年度报告制度(试行)》要求",
         [(None, "中华人民共和国政府信息公开条例"), (None, "广西壮族自治区政府信息公开工作年度报告制度(试行)")]),
        # number-only
        ("根据国办发〔2017〕24号文件精神", [("国办发〔2017〕24号", None)]),
        # the number written before the title, without a parenthesis (and in [] with 第)
        ("和国办发[2017]第24号《2017年政务公开工作要点》，按照", [("国办发〔2017〕24号", "2017年政务公开工作要点")]),
        ("落实国办发〔2016〕80号文件《实施细则》要求", [("国办发〔2016〕80号", "实施细则")]),
        # ... or after it
        ("认真执行《中华人民共和国政府信息公开条例》国务院令第711号",
         [("国务院令第711号", "中华人民共和国政府信息公开条例")]),
        # the year of the number in parentheses inside the parenthesis
        ("按照《关于印发2017年广西政务公开工作要点的通知》（桂政办发（2017）51号）部署",
         [("桂政办发〔2017〕51号", "关于印发2017年广西政务公开工作要点的通知")]),
        # one title cited with two numbers: the text gives both, so both are kept with it
        ("落实《关于进一步加强政府信息公开回应社会关切的实施意见》（桂政办发〔2014〕3号、桂政办发〔2015〕102号）。",
         [("桂政办发〔2014〕3号", "关于进一步加强政府信息公开回应社会关切的实施意见"),
          ("桂政办发〔2015〕102号", "关于进一步加强政府信息公开回应社会关切的实施意见")]),
        # a list of documents as a table: the title in the cell before the number's
        ("| 1 | 关于印发桂林市2017年政务公开工作要点的通知 | 市政办〔2017〕53号 |\n| 2 | 《桂林市行政规范性文件管理办法》 | 市政规〔2017〕2号 |",
         [("市政办〔2017〕53号", "关于印发桂林市2017年政务公开工作要点的通知"), ("市政规〔2017〕2号", "桂林市行政规范性文件管理办法")]),
        ("序号\t文件名称\t文号\n1\t桂林市行政规范性文件管理办法\t市政规〔2017〕2号", [("市政规〔2017〕2号", "桂林市行政规范性文件管理办法")]),
        # ... but a row label or a verb is no title
        ("| 收到申请数 | 市政规〔2017〕2号 |", [("市政规〔2017〕2号", None)]),
        # 〈〉 or <<>> where 《》 belongs (inside 《》, 〈〉 still nests a title)
        ("根据〈中华人民共和国政府信息公开条例〉要求", [(None, "中华人民共和国政府信息公开条例")]),
        ("根据<<中华人民共和国政府信息公开条例>>（国务院令第711号）要求", [("国务院令第711号", "中华人民共和国政府信息公开条例")]),
        # 其实施细则 points back at the document before: the number is cited without a title
        ("执行《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)及其实施细则（国办发〔2016〕80号）",
         [("中办发〔2016〕8号", "关于全面推进政务公开工作的意见"), ("国办发〔2016〕80号", None)]),
        ("结合《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）的实施细则（国办发〔2016〕80号）",
         [("中办发〔2016〕8号", "关于全面推进政务公开工作的意见"), ("国办发〔2016〕80号", None)]),
        # a line wrapped between a title and its number
        ("及卫计委“关于做好全区饮用水安全状况信息公开工作的通知”\n(新环发〔2017〕30号)要求",
         [("新环发〔2017〕30号", "关于做好全区饮用水安全状况信息公开工作的通知")]),
        ("严格执行湘潭市政府信息公开保密审查办法\n（潭政办发〔2015〕5号）。",
         [("潭政办发〔2015〕5号", "湘潭市政府信息公开保密审查办法")]),
        # the adverbs before the verb that cites an unquoted title are not part of it
        ("我市严格执行湘潭市政府信息公开保密审查办法（潭政办发〔2015〕5号）。",
         [("潭政办发〔2015〕5号", "湘潭市政府信息公开保密审查办法")]),
        # the province's and the city's plans named together before their two numbers: neither has that title
        ("落实省、市2019年政务公开工作要点（湘政办发〔2019〕23号、益政办发〔2019〕6号）",
         [("湘政办发〔2019〕23号", None), ("益政办发〔2019〕6号", None)]),
        # numbers listed after 按照 each stand alone
        ("按照国办发〔2016〕80号、国办发〔2017〕24号文件精神", [("国办发〔2016〕80号", None), ("国办发〔2017〕24号", None)]),
        # the 为贯彻落实 before an unquoted title says why, and is no part of it
        ("为贯彻落实国务院办公厅关于印发2017年政务公开工作要点的通知（国办发〔2017〕24号）精神",
         [("国办发〔2017〕24号", "国务院办公厅关于印发2017年政务公开工作要点的通知")]),
        # a quoted title inside an unquoted one is part of it, as written
        ("落实《关于全面推进政务公开工作的意见》实施细则（国办发〔2016〕80号文）。",
         [("国办发〔2016〕80号", "《关于全面推进政务公开工作的意见》实施细则")]),
        # 及其 between the quoted title and the document of its own that the number is
        ("按照《关于全面推进政务公开工作的意见》及其实施细则（国办发〔2016〕80号）",
         [("国办发〔2016〕80号", "《关于全面推进政务公开工作的意见》实施细则")]),
        # periodicals are not documents
        ("《桂林日报》《桂林晚报》开设专栏,全年编制《政府公报》12期,《钦州统计快报》", []),
        # a genre word alone is not a particular document
        ("通过《统计报告》、政府门户网站等方式", []),
        # a title that is neither a document genre nor numbered (a slogan, a headline)
        # an unquoted title of a joint document keeps both issuers; a list's earlier item is not one
        ("根据市委办公室、市政府办公室关于全面推进政务公开工作的实施意见（娄办发〔2017〕5号）",
         [("娄办发〔2017〕5号", "市委办公室、市政府办公室关于全面推进政务公开工作的实施意见")]),
        ("公开财政预算、市政府办公室关于印发某某办法的通知（娄政办发〔2017〕5号）",
         [("娄政办发〔2017〕5号", "市政府办公室关于印发某某办法的通知")]),
        # a checklist is a document too
        ("执行《政府网站与政务新媒体检查指标》、《政府网站发展指引》等文件",
         [(None, "政府网站与政务新媒体检查指标"), (None, "政府网站发展指引")]),
        ("开展《问计于民》活动", []),
        # a genre word right after the bodies that issued it stands for the one document it always means
        ("认真贯彻落实两办《意见》和国办《实施细则》精神。",
         [("中办发〔2016〕8号", "关于全面推进政务公开工作的意见"),
          ("国办发〔2016〕80号", "《关于全面推进政务公开工作的意见》实施细则")]),
        ("落实中办、国办印发的《意见》。", [("中办发〔2016〕8号", "关于全面推进政务公开工作的意见")]),
        # … but not after other bodies
        ("落实市委办、市政府办《意见》。", []),
    ],
)
def test_citation_forms(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _pairs(text) == expected


def test_alias_definition_and_use_resolve_to_one_document() -> None:
    text = "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定。按照《条例》要求。"
    citations = extract_citations(text)
    assert [c.defines_alias for c in citations] == ["条例", None]
    assert citations[1].alias == "条例"
    works = resolve_citations(citations, (), None)
    assert len(works) == 1 and works[0].title == "中华人民共和国政府信息公开条例"


def test_a_short_name_the_text_defines_wins_over_the_one_it_usually_means() -> None:
    text = "按照《关于推进政务新媒体健康有序发展的意见》（以下简称《意见》）要求，落实两办《意见》。"
    works = resolve_citations(extract_citations(text), (), None)
    assert [(w.number, w.title) for w in works] == [(None, "关于推进政务新媒体健康有序发展的意见")]


@pytest.mark.parametrize(
    "text",
    [
        # the short name defined inside the number's parenthesis
        "落实新修订的《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）。贯彻《条例》。",
        # a short name the file never defines, known to stand for the numbered title it cites
        "落实《中华人民共和国政府信息公开条例》（国务院令第711号）。做好《条例》贯彻落实工作。",
    ],
)
def test_a_short_name_joins_the_numbered_citation_of_its_title(text: str) -> None:
    works = resolve_citations(extract_citations(text), (), None)
    assert [(w.number, w.title) for w in works] == [("国务院令第711号", "中华人民共和国政府信息公开条例")]


def test_title_only_citation_joins_the_numbered_citation_of_the_same_title() -> None:
    text = "印发《河池市人民政府门户网站内容保障工作方案》(河政办便函〔2018〕125号)。又如《河池市人民政府门户网站内容保障工作方案》。"
    works = resolve_citations(extract_citations(text), (), gazetteer().get("451200"))
    assert len(works) == 1 and works[0].number == "河政办便函〔2018〕125号"


def test_citation_kinds() -> None:
    kinds = [c.kind for c in extract_citations("根据《政府信息公开条例》,为贯彻落实《2017年政务公开工作要点》,见《桂林市权责清单》")]
    assert kinds == [CitationKind.AUTHORITY, CitationKind.IMPLEMENTS, CitationKind.CITES]
    unquoted = extract_citations("为贯彻落实国务院办公厅关于印发2017年政务公开工作要点的通知（国办发〔2017〕24号）精神")
    assert [c.kind for c in unquoted] == [CitationKind.IMPLEMENTS]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a document passed down for those below to carry out is implemented by the notice passing it
        ("现将《湖南省人民政府办公厅关于印发〈湖南省2018年政务公开工作要点〉的通知》（湘政办发〔2018〕27號）转发给你们，"
         "请结合实际认真抓好落实。", CitationKind.IMPLEMENTS),
        ("现将《湖南省2018年政务公开工作要点》转发给你们，请认真贯彻执行。", CitationKind.IMPLEMENTS),
        ("现将《某某办法》转发给你们。", CitationKind.CITES),
    ],
)
def test_a_forwarded_document_is_implemented(text: str, kind: CitationKind) -> None:
    assert [c.kind for c in extract_citations(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a list of cited documents shares the verb before its first, however long the titles
        ("为深入贯彻落实《国务院办公厅关于印发2018年政务公开工作要点的通知》(国办发[2018]23号)、《四川省人民政府办公厅"
         "关于印发四川省2018年政务公开工作要点的通知》（川办发〔2018〕35号）和《遂宁市人民政府办公室关于印发遂宁市2018年"
         "政务公开工作实施方案的通知》(遂府办函〔2018〕86号)精神，制定本方案。",
         [CitationKind.IMPLEMENTS] * 3),
        ("根据《中华人民共和国政府信息公开条例》（国务院令第492号）和《河南省政府信息公开规定》要求",
         [CitationKind.AUTHORITY] * 2),
        # ... but not past words of its own
        ("为贯彻落实《2017年政务公开工作要点》，结合《桂林市权责清单》调整情况", [CitationKind.IMPLEMENTS, CitationKind.CITES]),
    ],
)
def test_citation_kinds_along_a_list(text: str, kinds: list[CitationKind]) -> None:
    assert [c.kind for c in extract_citations(text)] == kinds


def test_inner_title_is_recorded_as_issued_by_the_notice() -> None:
    (c,) = extract_citations("《关于印发〈2016年政务公开工作要点〉的通知》(潭政办函〔2016〕78号)")
    assert c.inner_titles == ("2016年政务公开工作要点",)


def test_issuer_resolution_of_cited_works() -> None:
    text = "《关于全面推进政务公开的实施意见》(桂办发〔2016〕39号)、(市政办〔2017〕53号)、《桂林市人民政府关于公布结果的通知》(市政〔2017〕20号)"
    works = {w.number: w for w in resolve_citations(extract_citations(text), (), gazetteer().get("450300"))}
    assert works["桂办发〔2016〕39号"].issuer == "中共广西壮族自治区委员会办公厅"
    assert works["市政办〔2017〕53号"].issuer == "桂林市人民政府办公室"
    assert works["市政〔2017〕20号"].issuer == "桂林市人民政府"  # named by its title
    assert works["市政〔2017〕20号"].issuer_source == "title"


def _named_works(text: str, home: str) -> dict[str | None, tuple[str | None, str | None, str]]:
    region = gazetteer().get(home)
    cited = name_issuers(extract_citations(text), text, find_agencies(text, region))
    return {w.number or w.title: (w.issuer, w.jurisdiction, w.key) for w in resolve_citations(cited, (), region)}


@pytest.mark.parametrize(
    ("text", "home", "cited", "issuer", "jurisdiction"),
    [
        # a code naming no region (厅发): the issuers named before the title say whose series it is
        ("为贯彻落实自治区党委办公厅、自治区人民政府办公厅《关于全面推进政务公开工作的实施意见》（厅发〔2016〕42号）",
         "450100", "厅发〔2016〕42号", "中共广西壮族自治区委员会办公厅", "450000"),
        ("按照省委办公厅、省人民政府办公厅联合印发的《关于全面推进政务公开工作的实施意见》（厅发〔2016〕42号）要求",
         "430100", "厅发〔2016〕42号", "中共湖南省委员会办公厅", "430000"),
        # ... or the issuers the title opens with, unquoted
        ("根据自治区党委办公厅、自治区人民政府办公厅关于全面推进政务公开工作的实施意见（厅发〔2016〕42号）",
         "450100", "厅发〔2016〕42号", "中共广西壮族自治区委员会办公厅", "450000"),
        # a title-only citation of a city's office, cited from one of its counties
        ("落实市政府办公室《关于做好政务公开工作的通知》要求", "431121", "关于做好政务公开工作的通知",
         "永州市人民政府办公室", "431100"),
        # the code's own authority file names the issuer; the agency named first of a joint pair does not change it
        ("中共中央办公厅、国务院办公厅印发的《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）", "450100",
         "中办发〔2016〕8号", "中共中央办公厅", "CN"),
        # a title opening with a place's 政府 that names no issuer (政府网站…) is no one's by its title
        ("我市印发了《河池市政府网站安全保障工作方案》", "451200", "河池市政府网站安全保障工作方案", None, None),
        ("《湘潭市人民政府办公室关于做好统计报送工作的通知》", "430300", "湘潭市人民政府办公室关于做好统计报送工作的通知",
         "湘潭市人民政府办公室", "430300"),
        # a generic series (市政办) cited in a county is its city's; in a county-level city, the city's own,
        # unless the citation names the place whose series it is
        ("《桂林市人民政府办公室关于印发桂林市2018年政务公开工作要点的通知》（市政办〔2018〕31号）", "450323",
         "市政办〔2018〕31号", "桂林市人民政府办公室", "450300"),
        ("《桂林市2019年政务公开工作要点》（市政办〔2019〕20号）", "450381", "市政办〔2019〕20号",
         "桂林市人民政府办公室", "450300"),
        ("按照《关于做好政务公开工作的通知》（市政办〔2019〕20号）", "450381", "市政办〔2019〕20号",
         "荔浦市人民政府办公室", "450381"),
        # a code that names its region keeps it, whoever the text says forwarded the document
        ("市政府办公室印发的《湖南省2018年政务公开工作要点》（湘政办发〔2018〕29号）", "431100",
         "湘政办发〔2018〕29号", "湖南省人民政府办公厅", "430000"),
    ],
)
def test_the_issuer_named_before_a_cited_title(text: str, home: str, cited: str, issuer: str | None,
                                               jurisdiction: str | None) -> None:
    found, where, key = _named_works(text, home)[cited]
    assert (found, where) == (issuer, jurisdiction)
    assert jurisdiction is None or f"/{jurisdiction}/" in key


def test_one_code_naming_no_region_is_two_works_in_two_regions() -> None:
    guangxi = _named_works("自治区党委办公厅《关于全面推进政务公开工作的实施意见》（厅发〔2016〕42号）", "450100")
    hunan = _named_works("省委办公厅《关于全面推进政务公开工作的实施意见》（厅发〔2016〕42号）", "430100")
    assert guangxi["厅发〔2016〕42号"][2] != hunan["厅发〔2016〕42号"][2]


@pytest.mark.parametrize(("text", "national"), [
    ("严格落实《中华人民共和国传染病防治法》", True),  # the state's name: a national law
    ("按照《财政部关于推进部门预算公开的通知》要求", True),  # a ministry's name opens the title
    ("执行《国家卫生健康委关于做好信息公开工作的通知》", True),
    ("参照《财政部门预决算公开管理办法》", False),  # 财政部门: a kind of local body, not the ministry
    ("落实《政务公开事项标准目录》", False),
])
def test_a_title_naming_a_national_body_is_one_work_wherever_it_is_cited(text: str, national: bool) -> None:
    keys = {region: next(iter(_named_works(text, region).values()))[2] for region in ("430500", "450300")}
    assert (keys["430500"] == keys["450300"]) is national
    assert ("/CN/" in keys["430500"]) is national


def test_suspected_typo_in_issuer_code() -> None:
    text = "(潭政办发〔2016〕42号)和(潭政办法〔2016〕71号)"
    works = {w.number: w for w in resolve_citations(extract_citations(text), (), gazetteer().get("430300"))}
    assert works["潭政办法〔2016〕71号"].suspect_code == "潭政办发"
    assert works["潭政办发〔2016〕42号"].suspect_code is None


def test_ten_thousand_unclosed_quotes_do_not_hang() -> None:
    assert extract_citations("《" * 10_000 + "国办发〔2017〕24号") != ()


@pytest.mark.parametrize(
    ("text", "cited", "sentence"),
    [
        # a header row on the line above is not part of the sentence
        ("发文字号: | 钦政办电〔2017〕87号 |\n为贯彻落实《2017年政务公开工作要点》要求,制定本方案。",
         "《2017年政务公开工作要点》", "为贯彻落实《2017年政务公开工作要点》要求,制定本方案。"),
        # nor the sentence before it, nor the one after
        ("上年度工作已完成。根据《条例》规定,编制本报告;报告如下",
         "《条例》", "根据《条例》规定,编制本报告;"),
        # a heading on its own line
        ("一、概述\n依据《中华人民共和国政府信息公开条例》编制", "《中华人民共和国政府信息公开条例》",
         "依据《中华人民共和国政府信息公开条例》编制"),
    ],
)
def test_sentence_around_a_citation(text: str, cited: str, sentence: str) -> None:
    start = text.index(cited)
    span = sentence_around(text, start, start + len(cited))
    assert text[span.start : span.end] == sentence
