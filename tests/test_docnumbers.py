"""The 发文字号 grammar: every variant real documents use, normalized after GB/T 9704-2012."""

from __future__ import annotations

import pytest

from kg.docnumbers import find_doc_numbers, issuer_of_code, normalize_doc_number, parse_doc_number
from kg.resolve import number_key
from kg.vocab import gazetteer


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("国办发〔2017〕24号", "国办发〔2017〕24号"),
        ("潭政办发【2016】54号", "潭政办发〔2016〕54号"),  # 【】
        ("桂政办电[2017]64号", "桂政办电〔2017〕64号"),  # []
        ("桂政办电［2017］64号", "桂政办电〔2017〕64号"),  # full-width []
        ("国办发(2017)24号", "国办发〔2017〕24号"),  # ()
        ("国办发（2017）24号", "国办发〔2017〕24号"),  # full-width ()
        ("国办发﹝2017﹞24号", "国办发〔2017〕24号"),  # small 〔〕
        ("国办发﹙2017﹚24号", "国办发〔2017〕24号"),  # small ()
        ("国办发‹2017›24号", "国办发〔2017〕24号"),  # single angle quotes
        ("中办发（2016年）8号", "中办发〔2016〕8号"),  # the year with 年 inside the brackets
        ("桂政办发「2016」12号", "桂政办发〔2016〕12号"),  # corner brackets
        ("国办发〈2017〉24号", "国办发〔2017〕24号"),  # angle brackets
        ("国办发<2017>24号", "国办发〔2017〕24号"),
        ("国办发﹝201724号", "国办发〔2017〕24号"),  # closing bracket lost
        ("市政办〔2017〕53號", "市政办〔2017〕53号"),  # traditional 號
        ("国办发〔2017〕第24号", "国办发〔2017〕24号"),  # 第
        ("湘政办字第〔2017〕5号", "湘政办字〔2017〕5号"),  # 第 before the year, not the serial
        ("国办发〔2017〕024号", "国办发〔2017〕24号"),  # leading zero
        ("国办发 〔 2017 〕 24 号", "国办发〔2017〕24号"),  # stray spaces
        ("国办公开办函〔2019〕60号", "国办公开办函〔2019〕60号"),  # long issuer code
        ("湘 政 办 发〔2018〕12号", "湘政办发〔2018〕12号"),  # a justified red header spreads the code out
        ("根据国办发〔2017〕24号文件", "国办发〔2017〕24号"),  # narrative before the code
        ("印发了市政办〔2017〕53号", "市政办〔2017〕53号"),
        # decrees are numbered without a year; the 中华人民共和国 of their heading is dropped
        ("国务院令第711号", "国务院令第711号"),
        ("中华人民共和国国务院令第711号", "国务院令第711号"),
        ("国务院令（第 711 号）", "国务院令第711号"),
        ("国务院令711号", "国务院令第711号"),  # without its 第
        ("认真落实国务院第711号令", "国务院令第711号"),  # the serial before 令
        ("根据广西壮族自治区人民政府令第135号", "广西壮族自治区人民政府令第135号"),
        ("依据财政部令第87号", "财政部令第87号"),
        ("《湖南省政府信息公开办法》（省政府令第276号）", "省政府令第276号"),  # a local government's, shortened
        ("湖南省政府令第276号", "湖南省政府令第276号"),
        ("命令第3号", None),  # no issuer before 令
        ("2017年5月10日", None),
        ("第十三条", None),
    ],
)
def test_number_forms(written: str, normalized: str | None) -> None:
    assert normalize_doc_number(written) == normalized


@pytest.mark.parametrize(
    ("code", "citing", "issuer", "how"),
    [
        ("国办发", None, "国务院办公厅", "authority"),
        ("中办发", None, "中共中央办公厅", "authority"),
        ("桂政办电", "450300", "广西壮族自治区人民政府办公厅", "code-prefix"),
        ("新政办发", "652800", "新疆维吾尔自治区人民政府办公厅", "code-prefix"),
        ("桂办发", "450300", "中共广西壮族自治区委员会办公厅", "code-prefix"),
        ("川办发", "510100", "四川省人民政府办公厅", "authority"),  # 四川's government office, not its party's
        ("市政办", "450300", "桂林市人民政府办公室", "local-code"),  # generic local code
        # the generic word names a kind of place: cited in a county, 市政办 is its city's; 县政办 the county's
        ("市政办", "450323", "桂林市人民政府办公室", "local-code"),
        ("县政办", "450323", "灵川县人民政府办公室", "local-code"),
        ("州政办", "652801", "巴音郭楞蒙古自治州人民政府办公室", "local-code"),  # in 库尔勒市, a city of the 州
        ("市政办", "450881", "桂平市人民政府办公室", "local-code"),  # a county-level city's own series
        ("潭政办发", "430300", "湘潭市人民政府办公室", "local-code"),  # code names the citing city
        ("潭办发", "430300", "中共湘潭市委办公室", "local-code"),
        # the prefecture's series, cited in one of its counties (湘阴县 is in 岳阳市)
        ("岳政办函", "430624", "岳阳市人民政府办公室", "local-code"),
        # a shortened local decree series: the citing document's province's or city's
        ("省政府令", "431000", "湖南省人民政府", "local-code"),
        ("市政府令", "431002", "郴州市人民政府", "local-code"),
        ("湖南省政府令", None, "湖南省人民政府", "local-code"),
        # a city whose abbreviation is another province's: its own series, cited at home
        ("青政发", "370200", "青岛市人民政府", "local-code"),  # 青 is 青海省 too
        ("吉府发", "360800", "吉安市人民政府", "local-code"),  # 吉 is 吉林省 too
        ("青政发", "630100", "青海省人民政府", "code-prefix"),  # …but in 青海省, the province's
        ("粤办函", "440400", "中共广东省委员会办公厅", "code-prefix"),  # the party office's letters
    ],
)
def test_issuer_of_code(code: str, citing: str | None, issuer: str, how: str) -> None:
    found = issuer_of_code(code, gazetteer().get(citing))
    assert found is not None
    assert (found.issuer, found.how) == (issuer, how)


def test_unknown_code_has_no_issuer() -> None:
    assert issuer_of_code("桂扶领发", gazetteer().get("451200")) is None


def test_a_decree_is_issued_by_the_state_council_nationally() -> None:
    found = issuer_of_code("国务院令", gazetteer().get("450300"))
    assert found is not None and (found.issuer, found.jurisdiction) == ("国务院", "CN")


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # further serials of one code and year, written once: each is a number of its own
        ("按照国办发〔2016〕80号、81号文件精神", ["国办发〔2016〕80号", "国办发〔2016〕81号"]),
        ("（桂政办发〔2014〕3号、第5号和7号）", ["桂政办发〔2014〕3号", "桂政办发〔2014〕5号", "桂政办发〔2014〕7号"]),
        ("国办发〔2017〕24号，全年共发布25条", ["国办发〔2017〕24号"]),  # a count after it is no serial
        # the narrative between two numbers is no part of the second's code
        ("按照青政发〔2018〕12号文件和鲁政办发〔2019〕10号文件要求", ["青政发〔2018〕12号", "鲁政办发〔2019〕10号"]),
        ("国办发〔2017〕24号通知和湘政办发〔2017〕30号", ["国办发〔2017〕24号", "湘政办发〔2017〕30号"]),
        # a province's series ending like a national one is the province's
        ("通知》（赣府厅字〔2017〕68号）的部署", ["赣府厅字〔2017〕68号"]),
        ("根据厅字〔2016〕30号文件", ["厅字〔2016〕30号"]),
        ("贯彻落实国办发〔2017〕24号文和湘政办发〔2017〕31号文精神", ["国办发〔2017〕24号", "湘政办发〔2017〕31号"]),
        ("根据自治区办公厅桂政办发〔2017〕64号文件精神", ["桂政办发〔2017〕64号"]),  # the issuer glued before its code
    ],
)
def test_serials_sharing_a_code_and_year(text: str, numbers: list[str]) -> None:
    assert [f.number.normalized for f in find_doc_numbers(text)] == numbers


@pytest.mark.parametrize(
    ("written", "citing"),
    [("省政府令第276号", "431000"), ("湖南省政府令第276号", "450300"), ("湖南省人民政府令第276号", "431002")],
)
def test_a_decree_is_one_document_however_its_series_is_shortened(written: str, citing: str) -> None:
    number = parse_doc_number(written)
    assert number is not None
    assert number_key(number, gazetteer().get(citing)) == "no/430000/湖南省人民政府令/276"
