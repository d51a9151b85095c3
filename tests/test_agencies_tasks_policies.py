"""Agencies, regions, plan tasks and policies: text → expected objects, and the queries over them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.agencies import find_agencies, resolve_agency
from kg.model import SourceText, Span
from kg.namespaces import agency_iri
from kg.normalize import normalize_text
from kg.pipeline import ingest
from kg.policies import find_policies, quoted_terms
from kg.query import read_query, select_rows
from kg.regions import region_in, township_of
from kg.segment import tokens
from kg.store import KGStore
from kg.structure import structure_document
from kg.tasks import _deadline, _frequency, extract_tasks, parse_responsibility
from kg.vocab import gazetteer

ROOT = Path(__file__).resolve().parent.parent
GAZ = gazetteer()
QINZHOU, GUILIN, BAZHOU, XIANGTAN = (GAZ.get(c) for c in ("450700", "450300", "652800", "430300"))


@pytest.mark.parametrize(
    ("text", "home", "expected"),
    [
        ("钦州市人民政府办公室关于印发", QINZHOU, ["钦州市人民政府办公室"]),  # full name
        ("国务院办公厅印发", None, ["国务院办公厅"]),
        ("中共中央办公厅", None, ["中共中央办公厅"]),
        ("认真贯彻落实中办、国办《意见》", GUILIN, ["中共中央办公厅", "国务院办公厅"]),  # joint mention
        ("由市发改委牵头", QINZHOU, ["钦州市发展和改革委员会"]),  # short form in regional context
        ("领导小组办公室设在市政管办", GUILIN, ["桂林市政务服务监督管理办公室"]),
        ("州人民政府累计发布信息", BAZHOU, ["巴音郭楞蒙古自治州人民政府"]),
        ("市发改委、科技局、财政局、人社局", QINZHOU,  # a list: later items inherit 市
         ["钦州市发展和改革委员会", "钦州市科学技术局", "钦州市财政局", "钦州市人力资源和社会保障局"]),
        ("自治区人民政府办公厅", GUILIN, ["广西壮族自治区人民政府办公厅"]),  # 自治区 in a 桂林 document
        ("湖南省人民政府办公室", XIANGTAN, ["湖南省人民政府办公厅"]),  # a province's office is a 厅
        # a province's general office and its press office, as plans write them; only the first is a 厅
        ("省政府办公厅、省政府新闻办，省政府各部门", GAZ.get("430000"),
         ["湖南省人民政府办公厅", "湖南省人民政府新闻办公室", "湖南省人民政府"]),
        # the Party committee's general office: a province's named in full, as its document codes give it
        ("自治区党委办公厅、自治区人民政府办公厅", GUILIN, ["中共广西壮族自治区委员会办公厅", "广西壮族自治区人民政府办公厅"]),
        ("市委办公室、市政府办公室", XIANGTAN, ["中共湘潭市委办公室", "湘潭市人民政府办公室"]),
        ("全市政府信息公开工作", GUILIN, []),  # 全市 is scope, not an agency
        # the bodies of the 2018 reorganisation and the office that runs the disclosure work
        ("市卫健委、市场监管局、应急管理局牵头，市政务公开办配合", GUILIN,
         ["桂林市卫生健康委员会", "桂林市市场监督管理局", "桂林市应急管理局", "桂林市政务公开办公室"]),
        # the offices and bureaus that run government services and data, which plans often make leads
        ("市政务服务监督管理办公室牵头，市大数据局、政务服务局配合", GUILIN,
         ["桂林市政务服务监督管理办公室", "桂林市大数据发展管理局", "桂林市政务服务管理局"]),
        # ministries by their full and short names; 公安部门 is a kind of department, not 公安部
        ("按照教育部、国家发展改革委的要求，市公安部门、财政部门配合", GUILIN,
         ["教育部", "国家发展和改革委员会"]),
    ],
)
def test_agency_mentions(text: str, home, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [m.agency.name for m in find_agencies(text, home)] == expected


@pytest.mark.parametrize(
    ("text", "home", "name", "code"),
    [
        # a city's district: its agencies are named with the city, however the text writes them
        ("北京市朝阳区人民政府", "110105", "北京市朝阳区人民政府", "110105"),
        ("鄞州区财政局", "330212", "宁波市鄞州区财政局", "330212"),
        # a county under the document's city
        ("平江县人民政府", "430600", "平江县人民政府", "430626"),
        ("湖南省平江县人民政府", "430626", "平江县人民政府", "430626"),
        # a body written in full where lists usually shorten it (发改局), and the bodies of later reforms
        ("县发展和改革局", "430521", "邵东县发展和改革局", "430521"),
        ("县工商行政管理局", "430521", "邵东县工商行政管理局", "430521"),
        ("县人民防空办公室", "430521", "邵东县人民防空办公室", "430521"),
        ("县文化广电体育和旅游局", "430521", "邵东县文化广电体育和旅游局", "430521"),
        # the Party committee's bodies, which plans make leads of the work on the news and the web
        ("县委宣传部", "430621", "中共岳阳县委宣传部", "430621"),
        ("中共岳阳县委办公室", "430621", "中共岳阳县委办公室", "430621"),
        ("县委网信办", "430621", "中共岳阳县委网络安全和信息化委员会办公室", "430621"),
    ],
)
def test_county_level_agencies(text: str, home: str, name: str, code: str) -> None:
    agency = resolve_agency(text, GAZ.get(home))
    assert agency is not None and (agency.name, agency.region and agency.region.code) == (name, code)


def test_two_districts_of_one_name_are_two_agencies() -> None:
    beijing, changchun = (resolve_agency("朝阳区人民政府", GAZ.get(c)) for c in ("110105", "220104"))
    assert beijing and changchun and beijing.name != changchun.name
    assert agency_iri(beijing.name, "110105") != agency_iri(changchun.name, "220104")
    assert [r.name for r in GAZ.ancestors(GAZ.get("110105"))] == ["北京市", "中华人民共和国"]  # type: ignore[arg-type]


def test_units_belong_to_their_government() -> None:
    (office,) = find_agencies("市政府办公室", QINZHOU)
    assert office.agency.parent == "钦州市人民政府" and office.agency.region == QINZHOU


@pytest.mark.parametrize(
    ("text", "code"),
    [("巴州人民政府", "652800"), ("巴音郭楞蒙古自治州", "652800"), ("湘潭市", "430300"), ("广西", "450000"),
     # a district name several cities share is the one under the city the text names
     ("北京市朝阳区人民政府", "110105"), ("长春市朝阳区", "220104"), ("福州市鼓楼区", "350102"),
     ("南京市鼓楼区人民政府", "320106"),
     # autonomous areas by their usual names: the place, without the groups they are named for
     ("黔东南州人民政府", "522600"), ("恩施州2018年", "422800"), ("伊犁州", "654000"), ("博州", "652700"),
     ("海南州2018年政府信息公开工作年度报告", "632500"), ("海南省2018年", "460000"), ("海南", "460000"),
     ("城步县人民政府", "430529"), ("三都县", "522732"), ("龙胜县", "450328")],
)
def test_regions_and_their_aliases(text: str, code: str) -> None:
    region = region_in(text)
    assert region is not None and region.code == code


@pytest.mark.parametrize(
    ("issuer", "county", "expected"),
    [("横店镇人民政府", "330783", ("330783-横店镇", "横店镇", "330783")),
     # the county named before the township's own name is not part of it
     ("湘阴县东塘镇人民政府", "430624", ("430624-东塘镇", "东塘镇", "430624")),
     ("湖南省湘阴县东塘镇人民政府", "430624", ("430624-东塘镇", "东塘镇", "430624")),
     ("湘阴县人民政府", "430624", None), ("湘阴县教育局", "430624", None)],
)
def test_a_township_government_governs_a_township_below_its_county(
        issuer: str, county: str, expected: tuple[str, str, str] | None) -> None:
    township = township_of(issuer, GAZ.get(county))
    assert ((township.code, township.name, township.parent_code) if township else None) == expected


def test_region_hierarchy() -> None:
    assert GAZ.parent(QINZHOU).name == "广西壮族自治区"  # type: ignore[union-attr]
    assert [r.level for r in GAZ.ancestors(GAZ.get("450702"))] == ["prefecture", "province", "national"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("市发改委牵头，相关部门配合", [("lead", "钦州市发展和改革委员会"), ("supporting", "相关部门")]),
        ("市发改委、科技局、财政局等部门按职责分工负责",
         [("responsible", "钦州市发展和改革委员会"), ("responsible", "钦州市科学技术局"), ("responsible", "钦州市财政局")]),
        ("市政务服务管理办牵头，市直及驻钦各相关单位，各县区人民政府、管委配合",
         [("lead", "钦州市政务服务管理办公室"), ("supporting", "市直及驻钦各相关单位"), ("supporting", "各县区人民政府"),
          ("supporting", "管委")]),
        ("市人民政府办公室、法制办会同各部门负责",
         [("lead", "钦州市人民政府办公室"), ("lead", "钦州市法制办公室"), ("supporting", "各部门")]),
        ("人行钦州市中心支行牵头，相关部门配合", [("lead", "人行钦州市中心支行"), ("supporting", "相关部门")]),
        ("市统计局", [("responsible", "钦州市统计局")]),
        # labelled lists: the label gives the role of the names after it
        ("牵头单位：市统计局；配合单位：市直各单位", [("lead", "钦州市统计局"), ("supporting", "市直各单位")]),
        ("责任单位：市统计局牵头，相关部门配合", [("lead", "钦州市统计局"), ("supporting", "相关部门")]),
        ("由市统计局负责", [("responsible", "钦州市统计局")]),
        # a level named bare at a list's head is the whole list's: one collective
        ("市统计局牵头，各市、县〔区〕人民政府负责", [("lead", "钦州市统计局"), ("responsible", "各市、县〔区〕人民政府")]),
    ],
)
def test_responsibility_clauses(who: str, expected: list[tuple[str, str]]) -> None:
    got = [(a.role, a.agency.name if a.agency else a.written) for a in parse_responsibility(who, 0, QINZHOU)]
    assert got == expected


@pytest.mark.parametrize(
    ("item", "task", "expected"),
    [
        ("1.推进财政信息公开。（责任单位：市财政局）", "1.推进财政信息公开。", [("responsible", "钦州市财政局")]),
        # an aside that names agencies by their role, without a label
        ("1.做好政策解读。（市统计局牵头，市直各相关单位按职责分工负责）", "1.做好政策解读。",
         [("lead", "钦州市统计局"), ("responsible", "市直各相关单位")]),
        ("1.做好舆情回应。（市统计局、市财政局负责）", "1.做好舆情回应。",
         [("responsible", "钦州市统计局"), ("responsible", "钦州市财政局")]),
        # when it is done, said after who does it
        ("1.做好政策解读。（市统计局牵头，市直各部门配合，每季度报送一次）", "1.做好政策解读。",
         [("lead", "钦州市统计局"), ("supporting", "市直各部门")]),
        # the responsibility as a sentence of its own after the task
        ("1.加强政策发布。严格落实公开发布要求。牵头单位：市统计局；配合单位：市直各单位。",
         "1.加强政策发布。严格落实公开发布要求。", [("lead", "钦州市统计局"), ("supporting", "市直各单位")]),
        ("1.推进重大建设项目信息公开。责任单位：市财政局、市统计局。", "1.推进重大建设项目信息公开。",
         [("responsible", "钦州市财政局"), ("responsible", "钦州市统计局")]),
        # the 、 inside 各县（市、区） separates no agencies, and its parenthesis ends no clause
        ("1.推进基层标准化。（牵头单位：市政务公开办；责任单位：各县（市、区）人民政府）", "1.推进基层标准化。",
         [("lead", "钦州市政务公开办公室"), ("responsible", "各县（市、区）人民政府")]),
        ("1.做好年度报告。（各县（市、区）人民政府、市直各部门负责）", "1.做好年度报告。",
         [("responsible", "各县（市、区）人民政府"), ("responsible", "市直各部门")]),
        # a timing field or clause after who does it is no agency
        ("1.推进决策公开。（牵头单位：市政府办公室；配合单位：市财政局；完成时限：2017年12月底）", "1.推进决策公开。",
         [("lead", "钦州市人民政府办公室"), ("supporting", "钦州市财政局")]),
        ("1.推进政策解读。（责任单位：市直各部门，持续推进）", "1.推进政策解读。", [("responsible", "市直各部门")]),
        # a sentence that says who leads the task; 由于 says why, not who (the item's subject before 要 does)
        ("1.做好政策解读。由市政府办牵头，市直各单位配合。", "1.做好政策解读。",
         [("lead", "钦州市人民政府办公室"), ("supporting", "市直各单位")]),
        ("1.推进公开。由于工作需要，各单位要加强配合。", "1.推进公开。由于工作需要，各单位要加强配合。", [("responsible", "各单位")]),
        # … or a clause after the task's words, the places' governments together included; 由此 says how
        ("1.做好村务公开。全面公开村级财务收支情况，由各乡镇负责，2017年6月底前完成。",
         "1.做好村务公开。全面公开村级财务收支情况", [("responsible", "各乡镇")]),
        ("1.公开财政预决算，由市财政局负责。", "1.公开财政预决算", [("responsible", "钦州市财政局")]),
        ("1.加强领导。各地要加强统筹，由此形成工作合力。", "1.加强领导。各地要加强统筹，由此形成工作合力。", [("responsible", "各地")]),
        # who leads and who else, on two lines of their own: one task
        ("1.推进决策公开。\n牵头单位：市政府办\n责任单位：各县区人民政府", "1.推进决策公开。",
         [("lead", "钦州市人民政府办公室"), ("responsible", "各县区人民政府")]),
        # the clause in square or lenticular brackets
        ("1.推进决策公开。【责任单位：市政府办】", "1.推进决策公开。", [("responsible", "钦州市人民政府办公室")]),
        ("1.推进服务公开。[牵头单位：市政务服务中心；配合单位：市直各单位]", "1.推进服务公开。",
         [("lead", "钦州市政务服务中心"), ("supporting", "市直各单位")]),
        # a parenthesis that assigns nothing is part of the task, which names no one
        ("1.公开预决算（含部门预算）。", "1.公开预决算（含部门预算）。", []),
    ],
)
def test_tasks_and_their_responsibility_in_each_layout(item: str, task: str | None,
                                                       expected: list[tuple[str, str]]) -> None:
    text = f"钦州市2017年政务公开工作要点\n一、深化公开\n{item}\n"
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    assert [t.text for t in tasks] == ([task] if task else [])
    got = [(a.role, a.agency.name if a.agency else a.written) for t in tasks for a in t.assignments]
    assert got == expected
    for t in tasks:
        for a in t.assignments:
            assert norm.text[a.span.start : a.span.end] == a.written


def test_the_clause_after_who_does_a_task_says_when() -> None:
    text = "钦州市2017年政务公开工作要点\n一、深化公开\n1.做好村务公开。全面公开村级财务收支情况，由各乡镇负责，6月底前完成。\n"
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    (task,) = extract_tasks(norm.text, structure_document(norm).main)
    assert task.deadline == "6月底前" and task.deadline_date == "2017-06-30"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a 工作要点 that names no one for its items: each item is a task, its aims are not
        ("一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、加强政策解读\n"
         "（一）做好重要政策解读。各地各部门要加强政策解读，2017年6月底前完成。\n（二）及时回应社会关切。要建立健全回应机制。\n",
         [("（一）做好重要政策解读。各地各部门要加强政策解读，2017年6月底前完成。", [("responsible", "各地各部门")],
           "2017-06-30"),
          ("（二）及时回应社会关切。要建立健全回应机制。", [], None)]),
        # the item whose clause was left out, among items that have theirs: who it says is to do it
        # (an agency or a collective as a clause's subject, not any words before 要)
        ("一、深化公开\n1.推进财政信息公开。（责任单位：市财政局）\n2.市政务公开办要组织开展培训，市直各部门要积极参加。\n"
         "3.加强回应。重点围绕营商环境要求做好回应，各县（市、区）要及时回应。\n",
         [("1.推进财政信息公开。", [("responsible", "钦州市财政局")], None),
          ("2.市政务公开办要组织开展培训，市直各部门要积极参加。",
           [("responsible", "钦州市政务公开办公室"), ("responsible", "市直各部门")], None),
          ("3.加强回应。重点围绕营商环境要求做好回应，各县（市、区）要及时回应。", [("responsible", "各县（市、区）")], None)]),
        # a heading alone, or a heading over a table of tasks that names no one, is no item
        ("一、深化公开\n（一）加强组织领导\n二、任务分工\n| 序号 | 工作任务 | 完成时限 |\n| 1 | 推进审计结果公开 | 6月底前 |\n", []),
    ],
)
def test_a_plans_items_that_name_no_one_are_tasks(body: str, expected: list[tuple[str, list[tuple[str, str]], str | None]]
                                                  ) -> None:
    src = SourceText(path="t.txt", name="t.txt", text=f"钦州市2017年政务公开工作要点\n{body}", encoding="utf-8",
                     sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    got = [(t.text, [(a.role, a.agency.name if a.agency else a.written) for a in t.assignments], t.deadline_date)
           for t in tasks]
    assert got == expected
    assert all(norm.text[t.span.start : t.span.end] == t.text for t in tasks if t.section_path and t.text[0] != "1")
    assert all(norm.text[a.span.start : a.span.end] == a.written for t in tasks for a in t.assignments)


def test_a_table_of_tasks_one_cell_a_line_passes_over_its_category_rows() -> None:
    text = ("钦州市2017年政务公开工作要点\n序号\n工作任务\n责任单位\n一、推进决策公开\n1\n推进审计结果公开\n市审计局\n"
            "二、加强平台建设\n2\n规范政府网站\n市政务服务中心\n")
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    assert [(t.text, [a.agency.name for a in t.assignments if a.agency]) for t in tasks] == [
        ("推进审计结果公开", ["钦州市审计局"]), ("规范政府网站", ["钦州市政务服务中心"])]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a tab-separated table: the 责任单位 column says roles in its cells, the timing column the deadline
        ("序号\t工作任务\t责任单位\t完成时限\n1\t推进重大项目信息公开\t市发改委牵头，各县区政府负责\t2017年12月底前\n",
         [("推进重大项目信息公开", [("lead", "钦州市发展和改革委员会"), ("responsible", "各县区政府")], "2017-12-31")]),
        # a row per task after a category row that spans the table; a 牵头单位 column's agencies lead
        ("| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时间 |\n| 一、推进决策公开 |\n"
         "| 1 | 推行重大决策预公开。广泛听取公众意见。 | 市政府办公室 | 市直各部门 | 6月底前 |\n"
         "| 2 | 推进审计结果公开。 | 市审计局 | 市财政局、统计局 | 持续推进 |\n",
         [("推行重大决策预公开。广泛听取公众意见。", [("lead", "钦州市人民政府办公室"), ("supporting", "市直各部门")],
           "2017-06-30"),
          ("推进审计结果公开。", [("lead", "钦州市审计局"), ("supporting", "钦州市财政局"),
                              ("supporting", "钦州市统计局")], None)]),
        # a task named in one column and told in another; a 时间节点 column
        ("| 序号 | 主要任务 | 具体内容 | 责任单位 | 时间节点 |\n| 1 | 推进决策公开 | 推行重大决策预公开。 | 市政府办公室 | 9月底前 |\n",
         [("推进决策公开：推行重大决策预公开。", [("responsible", "钦州市人民政府办公室")], "2017-09-30")]),
        # a category row as Word writes it, once in each column it spans, is no task
        ("| 序号 | 工作任务 | 责任单位 |\n| 一、推进决策公开 | 一、推进决策公开 | 一、推进决策公开 |\n"
         "| 1 | 推进审计结果公开 | 市审计局 |\n", [("推进审计结果公开", [("responsible", "钦州市审计局")], None)]),
        # a table copied from a web page one cell a line: the header's lines give the width, each row
        # starts at its serial number
        ("序号\n工作任务\n责任单位\n完成时限\n1\n推进重大项目信息公开\n市发改委牵头，各县区政府负责\n2017年12月底前\n"
         "2\n推进审计结果公开\n市审计局\n持续推进\n",
         [("推进重大项目信息公开", [("lead", "钦州市发展和改革委员会"), ("responsible", "各县区政府")], "2017-12-31"),
          ("推进审计结果公开", [("responsible", "钦州市审计局")], None)]),
        # ... where a row's cells do not come to the width (a cell left out), the row is not guessed at
        ("序号\n工作任务\n责任单位\n完成时限\n1\n推进重大项目信息公开\n2017年12月底前\n"
         "2\n推进审计结果公开\n市审计局\n持续推进\n", [("推进审计结果公开", [("responsible", "钦州市审计局")], None)]),
        # a table without a column of who does what is no table of tasks
        ("| 序号 | 工作任务 | 完成时限 |\n| 1 | 推进审计结果公开 | 6月底前 |\n", []),
    ],
)
def test_tasks_in_a_table_of_tasks(table: str, expected: list[tuple[str, list[tuple[str, str]], str | None]]) -> None:
    text = f"钦州市2017年政务公开工作要点\n一、任务分工\n{table}"
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    got = [(t.text, [(a.role, a.agency.name if a.agency else a.written) for a in t.assignments], t.deadline_date)
           for t in tasks]
    assert got == expected
    for t in tasks:
        assert t.section_path == (1,)
        for a in t.assignments:
            assert norm.text[a.span.start : a.span.end] == a.written


def test_a_deadline_or_frequency_after_who_does_it_is_the_tasks() -> None:
    text = ("钦州市2017年政务公开工作要点\n一、深化公开\n1.做好政策解读。（市统计局负责，每季度报送一次）\n"
            "2.更新公开目录。（市政府办牵头，6月底前完成）\n")
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    assert [(t.frequency, t.deadline_date) for t in tasks] == [("quarterly", None), (None, "2017-06-30")]


def test_a_timing_line_after_who_does_it_gives_the_deadline() -> None:
    text = ("钦州市2017年政务公开工作要点\n一、深化公开\n1.推进执行公开。\n责任单位：市发改委、市财政局\n"
            "完成时限：2017年6月底前\n2.推进结果公开。\n责任单位：市审计局\n")
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    assert [(t.text, t.deadline_date) for t in tasks] == [("1.推进执行公开。", "2017-06-30"), ("2.推进结果公开。", None)]


def test_a_timing_field_gives_the_deadline_without_qian() -> None:
    text = ("钦州市2017年政务公开工作要点\n一、深化公开\n"
            "1.推进决策公开。（牵头单位：市政府办公室；完成时限：2017年12月底）\n"
            "2.推进政策解读。2017年5月起施行新规定。（责任单位：市财政局）\n")
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    norm = normalize_text(src)
    tasks = extract_tasks(norm.text, structure_document(norm).main)
    assert [(t.deadline, t.deadline_date) for t in tasks] == [("2017年12月底", "2017-12-31"), (None, None)]


def test_assignment_spans_point_at_the_names() -> None:
    who = "市发改委牵头，相关部门配合"
    for a in parse_responsibility(who, 100, QINZHOU):
        assert who[a.span.start - 100 : a.span.end - 100] == a.written
        assert isinstance(a.span, Span)


@pytest.mark.parametrize(
    ("text", "deadline", "date"),
    [
        ("各县区要在2017年5月11日前制定措施", "2017年5月11日前", "2017-05-11"),
        ("于每年2月底前公开上一年保障性住房建设任务完成情况", "2月底前", None),  # recurring, no single date
        ("力争2017年底实现全覆盖", "2017年底", "2017-12-31"),
        ("年底前完成", "年底前", None),
        ("6月底前完成", "6月底前", "2017-06-30"),  # the month's last day
        ("2020年2月底前完成", "2020年2月底前", "2020-02-29"),
        ("13月底前", "13月底前", None),  # no such month
        ("6月31日前", "6月31日前", "2017-06-30"),  # no such day: the month's last
        ("及时公开", None, None),
    ],
)
def test_deadlines(text: str, deadline: str | None, date: str | None) -> None:
    assert _deadline(text, "2017") == (deadline, date)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [("按月公开全市财政收支情况", "monthly"), ("每季度通报", "quarterly"), ("按季度公布房地产用地供应数据", "quarterly"),
     ("每年4月底前公开", "yearly"), ("及时公开", None)],
)
def test_frequencies(text: str, frequency: str | None) -> None:
    assert _frequency(text) == frequency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面落实“五公开”工作机制", ["五公开"]),
        ("继续深化“双随机、一公开”监管工作", ["双随机一公开"]),  # an alternative label
        ("深入推进“放管服”改革和“互联网+政务服务”", ["放管服", "互联网+政务服务"]),
        ("推进脱贫攻坚领域信息公开", ["扶贫脱贫"]),  # a policy area by its alternative label
        ("市教育局", []),  # the area 教育, not the agency 教育局
    ],
)
def test_policy_mentions(text: str, expected: list[str]) -> None:
    assert [m.policy.label for m in find_policies(text)] == expected


def test_quoted_terms_exclude_known_initiatives() -> None:
    terms = quoted_terms("落实“五公开”,打击“地条钢”,“地条钢”企业,开展“智慧湘潭”建设")
    assert terms == {"地条钢": 2, "智慧湘潭": 1}


def test_segmentation_keeps_agency_and_policy_terms_whole() -> None:
    words = [w for w, _, _ in tokens("按照双随机一公开要求由发展和改革委员会推进放管服改革")]
    assert {"双随机一公开", "发展和改革委员会", "放管服"} <= set(words)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, samples: Path):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("agencies") / "store"
    with KGStore(path) as s:
        ingest([samples], s)
        yield s


def _rows(store: KGStore, name: str) -> list[dict[str, str | None]]:
    return select_rows(store, read_query(ROOT / "queries" / f"{name}.rq"))


def test_one_node_per_agency_across_the_corpus(store: KGStore) -> None:
    rows = _rows(store, "agencies")
    names = [r["agency"] for r in rows]
    assert len(names) == len(set(names))
    office = next(r for r in rows if r["agency"] == "钦州市人民政府办公室")
    assert office["region"] == "钦州市" and office["parent"] == "钦州市人民政府"
    assert int(office["documentsIssued"] or 0) >= 1


def test_task_queries(store: KGStore) -> None:
    led = _rows(store, "agencies-by-tasks-led")
    assert led[0]["agency"] == "钦州市政务服务管理办公室"
    tasks = _rows(store, "tasks-of-agency")
    assert {"lead", "responsible"} <= {r["role"] for r in tasks}
    without = _rows(store, "tasks-without-lead")
    assert without and all(r["path"] for r in without)


def test_tasks_of_an_agency_do_not_multiply_with_the_files_that_name_it(tmp_path: Path, samples: Path) -> None:
    with KGStore(tmp_path / "store") as s:
        ingest([samples], s)
        before = _rows(s, "tasks-of-agency")
        mentions = tmp_path / "mentions"
        mentions.mkdir()
        for i in range(3):  # each file states the agency's label in a graph of its own
            (mentions / f"m{i}.txt").write_text(f"钦州市发展和改革委员会第{i}次会议纪要\n由市发改委牵头。\n", encoding="utf-8")
        ingest([mentions], s)
        after = _rows(s, "tasks-of-agency")
    assert before and sorted(map(str, after)) == sorted(map(str, before))


def test_regions_query_lists_documents_and_agencies(store: KGStore) -> None:
    rows = {r["region"]: r for r in _rows(store, "regions")}
    assert rows["钦州市"]["code"] == "450700" and rows["钦州市"]["parent"] == "广西壮族自治区"
    assert int(rows["钦州市"]["documents"] or 0) == 2  # the notice and its plan


def test_policy_queries(store: KGStore) -> None:
    rows = {r["policy"]: r for r in _rows(store, "policies")}
    assert rows["五公开"]["introducedBy"] == "中办发〔2016〕8号"
    assert int(rows["五公开"]["documents"] or 0) >= 2
    candidates = {r["term"] for r in _rows(store, "candidate-initiatives")}
    assert "地条钢" in candidates and "五公开" not in candidates


def test_a_joint_document_is_one_row_and_counts_for_each_issuer(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "joint.txt").write_text(
        "中共桂林市委办公室 桂林市人民政府办公室关于印发《桂林市2017年政务公开工作实施方案》的通知\n市办发〔2017〕12号\n"
        "各县（区）党委和人民政府：\n现将《桂林市2017年政务公开工作实施方案》印发给你们，请认真贯彻执行。\n"
        "中共桂林市委办公室\n2017年4月1日\n桂林市2017年政务公开工作实施方案\n一、工作任务\n", encoding="utf-8")
    queries = Path(__file__).parent.parent / "queries"
    with KGStore(tmp_path / "store") as store:
        ingest([tmp_path / "in"], store)
        documents = select_rows(store, read_query(queries / "documents.rq"))
        issued = {r["agency"]: r["documentsIssued"] for r in select_rows(store, read_query(queries / "agencies.rq"))}
    assert [r["issuer"] for r in documents] == ["中共桂林市委办公室"]  # the lead issuer, one row per document
    assert issued["中共桂林市委办公室"] == issued["桂林市人民政府办公室"] == "2"  # the notice and its plan


def test_a_bare_table_of_tasks_is_queried_like_a_plans_prose(tmp_path: Path) -> None:
    # no headings, so no section path: its tasks are still listed
    plan = tmp_path / "plans"
    plan.mkdir()
    (plan / "p.txt").write_text("钦州市2018年政务公开工作任务分解表\n序号\t工作任务\t责任单位\t完成时限\n"
                                "1\t推进公共资源配置领域信息公开\t市发改委\t2018年12月底前\n", encoding="utf-8")
    with KGStore(tmp_path / "store") as s:
        ingest([plan], s)
        without = _rows(s, "tasks-without-lead")
    assert [(r["task"], r["path"], r["responsible"]) for r in without] == [("推进公共资源配置领域信息公开", None, "市发改委")]
