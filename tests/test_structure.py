"""Document structure: metadata tables, titles, types, regions, years, issuers, numbers, attachments."""

from __future__ import annotations

import re

import pytest

from kg.model import DocType, SourceText
from kg.normalize import normalize_text
from kg.structure import iso_date, structure_document


def _structure(text: str):  # type: ignore[no-untyped-def]
    src = SourceText(path="t.txt", name="t.txt", text=text, encoding="utf-8", sha256="0" * 64)
    return structure_document(normalize_text(src))


NOTICE = """发文机关: | 钦州市人民政府办公室 | 成文日期: | 2017年5月10日 |
---|---|---|---|
标 题: | 钦州市人民政府办公室关于印发钦州市2017年政务公开工作实施方案的通知 | ||
发文字号: | 钦政办电〔2017〕87号 | 发布日期: | 2017年05月11日 |
现将《钦州市2017年政务公开工作实施方案》印发给你们,请贯彻执行。
钦州市人民政府办公室
2017年5月10日
钦州市2017年政务公开工作实施方案
一、以政务公开助力稳增长
(一)加强预期引导
1. 按月公开全市财政收支情况。(责任单位:市财政局)
"""


def test_notice_with_metadata_table_and_attached_plan() -> None:
    s = _structure(NOTICE)
    main = s.main
    assert main.doc_type is DocType.NOTICE
    assert main.title and main.title.value.startswith("钦州市人民政府办公室关于印发")
    assert main.number and main.number.value == "钦政办电〔2017〕87号"
    assert main.issuer and main.issuer.value == "钦州市人民政府办公室"
    assert main.region and main.region.code == "450700"
    assert main.year and main.year.value == "2017"
    assert main.date_written and main.date_written.value == "2017年5月10日"
    (plan,) = s.attachments
    assert plan.doc_type is DocType.WORK_PLAN
    assert plan.title and plan.title.value == "钦州市2017年政务公开工作实施方案"
    assert [sec.path for sec in plan.sections] == [(1,), (1, 1), (1, 1, 1)]


def test_a_metadata_table_whose_keys_have_no_colon() -> None:
    main = _structure("索 引 号 | 11450200/2018-00012 | 主题分类 | 政务公开\n"
                      "发文机关 | 柳州市人民政府办公室 | 成文日期 | 2018年4月20日\n"
                      "标 题 | 柳州市人民政府办公室关于印发柳州市2018年政务公开工作要点的通知\n"
                      "发文字号 | 柳政办〔2018〕35号 | 发布日期 | 2018年4月23日\n各县、区人民政府：\n").main
    assert main.title is not None and main.title.value == "柳州市人民政府办公室关于印发柳州市2018年政务公开工作要点的通知"
    assert main.number is not None and main.number.value == "柳政办〔2018〕35号"
    assert main.issuer is not None and main.issuer.value == "柳州市人民政府办公室"
    assert main.date_written is not None and main.date_written.value == "2018年4月20日"


@pytest.mark.parametrize(
    ("text", "doc_type", "region", "year", "issuer"),
    [
        ("桂林市2017年政府信息公开工作年度报告\n正文", DocType.ANNUAL_REPORT, "桂林市", "2017", "桂林市人民政府"),
        # no title line: the outline of the statutory report and the text say what it is
        ("一、概述\n2016年,湘潭市各级各部门推进公开。\n三、主动公开政府信息情况\n四、依申请公开政府信息情况\n"
         "六、行政复议、行政诉讼与申诉情况\n", DocType.ANNUAL_REPORT, "湘潭市", "2016", "湘潭市人民政府"),
        # the short name 巴州 and a report year stated in the first sentence
        ("本报告是由巴州人民政府编制的2017年度政府信息公开工作年度报告。\n", DocType.ANNUAL_REPORT,
         "巴音郭楞蒙古自治州", "2017", "巴音郭楞蒙古自治州人民政府"),
        # a department's report names its issuer before the year
        ("桂林市教育局2019年政府信息公开工作年度报告\n", DocType.ANNUAL_REPORT, "桂林市", "2019", "桂林市教育局"),
        # a plan that names no issuer is its government office's, which issues these plans
        ("钦州市2017年政务公开工作要点\n", DocType.WORK_PLAN, "钦州市", "2017", "钦州市人民政府办公室"),
        ("河北省2016年政务公开工作要点\n", DocType.WORK_PLAN, "河北省", "2016", "河北省人民政府办公厅"),
        # a development zone's report: the zone issues it, not the city it lies in
        ("南宁经济技术开发区2017年政府信息公开工作年度报告\n", DocType.ANNUAL_REPORT, "南宁市", "2017", "南宁经济技术开发区"),
        # a summary of the year's disclosure work is its account, as a report is
        ("阳朔县2017年政务公开工作总结\n一、工作开展情况\n", DocType.ANNUAL_REPORT, "阳朔县", "2017", "阳朔县人民政府"),
        # a notice about writing the annual reports is a notice
        ("桂林市人民政府办公室关于做好2017年政府信息公开工作年度报告编制和发布工作的通知\n各县（区）人民政府：\n",
         DocType.NOTICE, "桂林市", "2017", "桂林市人民政府办公室"),
        # the year in parentheses after the title, the issuer in a portal's one-line header
        ("政府信息公开工作年度报告（2021年）\n发布单位：宁波市鄞州区人民政府　发布日期：2022-01-20\n一、总体情况\n",
         DocType.ANNUAL_REPORT, "鄞州区", "2021", "宁波市鄞州区人民政府"),
        # a title that names no one: the department that compiled it, else the one that signed it
        ("2021年度政府信息公开工作年度报告\n本报告由常德市财政局根据《中华人民共和国政府信息公开条例》要求编制。\n"
         "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n",
         DocType.ANNUAL_REPORT, "常德市", "2021", "常德市财政局"),
        ("2020年政府信息公开工作年度报告\n一、总体情况\n本街道主动公开信息52条。\n\n益阳市赫山区龙光桥街道办事处\n2021年1月15日\n",
         DocType.ANNUAL_REPORT, "赫山区", "2020", "益阳市赫山区龙光桥街道办事处"),
        # a year written in characters, under a breadcrumb and above the page's byline
        ("首页 > 政务公开 > 政府信息公开年报\n湘阴县人民政府办公室\n二〇二〇年政府信息公开工作年度报告\n"
         "发布时间：2021-01-29 浏览次数：321\n一、总体情况\n", DocType.ANNUAL_REPORT, "湘阴县", "2020", "湘阴县人民政府办公室"),
        # a provincial portal's catalogue as 'key：value' lines above the title
        ("索引号：11330400002618032K/2020-123456\n发布机构：嘉兴市人民政府办公室\n生成日期：2020-04-30\n"
         "文号：嘉政办发〔2020〕12号\n嘉兴市2020年政务公开工作要点\n一、着力加强政策发布解读\n",
         DocType.WORK_PLAN, "嘉兴市", "2020", "嘉兴市人民政府办公室"),
        # the catalogue's keys in 【】, or only spaces before their values
        ("【发布单位】益阳市人民政府办公室\n【发布文号】益政办函〔2019〕21号\n【发文日期】2019-04-28\n"
         "益阳市2019年政务公开工作要点\n一、加强政策解读\n", DocType.WORK_PLAN, "益阳市", "2019", "益阳市人民政府办公室"),
        ("发布单位 益阳市人民政府办公室 发布日期 2019-05-06\n益阳市2019年政务公开工作要点\n一、加强政策解读\n",
         DocType.WORK_PLAN, "益阳市", "2019", "益阳市人民政府办公室"),
        # a government's office that posted the government's report on the portal did not issue it
        ("索引号：11430600006145212X/2023-01234\n发布机构：岳阳市人民政府办公室\n文号：无\n"
         "岳阳市2022年政府信息公开工作年度报告\n一、总体情况\n", DocType.ANNUAL_REPORT, "岳阳市", "2022", "岳阳市人民政府"),
        ("发布机构：岳阳市人民政府办公室\n岳阳市人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n",
         DocType.ANNUAL_REPORT, "岳阳市", "2022", "岳阳市人民政府办公室"),
        # the one a report's title names wrote it, whoever posted it; the portal's name only where it is that one in full
        ("发布机构：湘潭市人民政府办公室\n发布日期：2020-01-20\n湘潭市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n",
         DocType.ANNUAL_REPORT, "湘潭市", "2019", "湘潭市人民政府"),
        ("发布机构：湘潭市人民政府办公室\n湘潭市教育局2019年政府信息公开工作年度报告\n一、总体情况\n",
         DocType.ANNUAL_REPORT, "湘潭市", "2019", "湘潭市教育局"),
        ("发布机构：湘潭市教育局\n市教育局2019年政府信息公开工作年度报告\n一、总体情况\n",
         DocType.ANNUAL_REPORT, "湘潭市", "2019", "湘潭市教育局"),
        # a plan whose title names no year is of the year it was signed, and by whoever signed it
        ("桂林市全面推进政务公开工作实施方案\n一、工作目标\n到2020年，政务公开工作总体迈上新台阶。\n桂林市人民政府办公室\n2017年3月15日\n",
         DocType.WORK_PLAN, "桂林市", "2017", "桂林市人民政府办公室"),
        # a plan over several years is dated by its first, the years before its genre word or after it
        ("桂林市2018—2020年政务公开工作实施方案\n一、工作目标\n", DocType.WORK_PLAN, "桂林市", "2018", "桂林市人民政府办公室"),
        ("梧州市推进政务公开标准化规范化工作实施方案（2020—2022年）\n一、工作目标\n", DocType.WORK_PLAN, "梧州市", "2020",
         "梧州市人民政府办公室"),
        # a plan that names no one is its number's issuer's (湘政办函: 湖南省人民政府办公厅)
        ("湖南省2021年政务公开工作要点\n湘政办函〔2021〕29号\n一、加强政策解读\n", DocType.WORK_PLAN, "湖南省", "2021",
         "湖南省人民政府办公厅"),
        # a plan for the years of a five-year period is a plan
        ("浏阳市政务公开“十四五”规划\n一、总体要求\n", DocType.WORK_PLAN, "浏阳市", "2021", "浏阳市人民政府办公室"),
        # a plan's tasks as a list are a plan
        ("岳阳市2023年政务公开工作任务清单\n一、政策解读\n", DocType.WORK_PLAN, "岳阳市", "2023", "岳阳市人民政府办公室"),
        ("郴州市2021年政务公开工作任务分工\n一、政策解读\n", DocType.WORK_PLAN, "郴州市", "2021", "郴州市人民政府办公室"),
        # a place named only inside the title's 《》 is the forwarded document's, not the forwarding office's
        ("关于转发《湖南省人民政府办公厅关于做好2022年政务公开工作的通知》的通知\n韶政办函〔2022〕11号\n"
         "各乡镇人民政府：\n现将文件转发给你们。\n韶山市人民政府办公室\n2022年4月8日\n",
         DocType.NOTICE, "韶山市", "2022", "韶山市人民政府办公室"),
        # a breadcrumb ending in 年报 is no title; the title broken after its issuer is one
        ("您当前的位置：首页 > 信息公开 > 政府信息公开年报\n邵阳市住房和城乡建设局\n2019年政府信息公开工作年度报告\n"
         "一、总体情况\n", DocType.ANNUAL_REPORT, "邵阳市", "2019", "邵阳市住房和城乡建设局"),
        # the page's note after a title is not part of it; an issuer named after the title's year
        ("株洲市天元区2021年政府信息公开工作年度报告（全文）\n一、总体情况\n", DocType.ANNUAL_REPORT, "天元区", "2021",
         "株洲市天元区人民政府"),
        ("2022年度湘潭市人力资源和社会保障局政府信息公开工作年度报告\n一、总体情况\n", DocType.ANNUAL_REPORT, "湘潭市",
         "2022", "湘潭市人力资源和社会保障局"),
        # a prefecture called a region, or a league, is governed by its administrative office
        ("喀什地区2019年政府信息公开工作年度报告\n一、总体情况\n", DocType.ANNUAL_REPORT, "喀什地区", "2019", "喀什地区行政公署"),
        ("阿拉善盟2020年政府信息公开工作年度报告\n一、总体情况\n", DocType.ANNUAL_REPORT, "阿拉善盟", "2020", "阿拉善盟行政公署"),
        # 年报 for 年度报告
        ("攸县2016年政府信息公开年报\n一、概述\n", DocType.ANNUAL_REPORT, "攸县", "2016", "攸县人民政府"),
        # a title as the page's <title> or a news account's post gives it
        ("柳州市2017年政府信息公开工作年度报告_柳州市人民政府门户网站\n一、概述\n", DocType.ANNUAL_REPORT, "柳州市", "2017",
         "柳州市人民政府"),
        ("关于印发《遂宁市船山区2018年政务公开工作实施方案》的通知_船山区人民政府\n各镇人民政府：\n", DocType.NOTICE, "船山区",
         "2018", None),
        ("柳州发布 | 柳州市2017年政府信息公开工作年度报告\n一、概述\n", DocType.ANNUAL_REPORT, "柳州市", "2017", "柳州市人民政府"),
        # a notice signed without a date (the page printed it above)
        ("关于印发2018年全市政务公开工作要点的通知\n各县区人民政府：\n现将《2018年全市政务公开工作要点》印发给你们。\n"
         "永州市人民政府办公室\n", DocType.NOTICE, "永州市", "2018", "永州市人民政府办公室"),
        ("关于印发2018年全市政务公开工作要点的通知\n各县区人民政府：\n现将《2018年全市政务公开工作要点》印发给你们。\n"
         "永州市人民政府办公室\n2018年全市政务公开工作要点\n一、工作目标\n", DocType.NOTICE, "永州市", "2018",
         "永州市人民政府办公室"),
        # a township named before the year: the report of its government, signed or not
        ("宁乡市花明楼镇2017年政府信息公开工作年度报告\n一、概述\n宁乡市花明楼镇人民政府\n2018年1月20日\n",
         DocType.ANNUAL_REPORT, "宁乡市", "2017", "宁乡市花明楼镇人民政府"),
        # ... or after the year, the township then the subject
        ("2018年度宁乡市花明楼镇政府信息公开工作年度报告\n一、概述\n", DocType.ANNUAL_REPORT, "宁乡市", "2018",
         "宁乡市花明楼镇人民政府"),
        ("湘阴县东塘镇2017年政府信息公开工作年度报告\n一、概述\n", DocType.ANNUAL_REPORT, "湘阴县", "2017",
         "湘阴县东塘镇人民政府"),
        # a government's office signing its government's report speaks for the government
        ("2020年政府信息公开工作年度报告\n一、总体情况\n2020年，平江县主动公开政府信息52条。\n平江县人民政府办公室\n2021年1月15日\n",
         DocType.ANNUAL_REPORT, "平江县", "2020", "平江县人民政府"),
        # a website's annual form is a document of its own, and a website no issuer
        ("桂林市人民政府门户网站2018年政府网站工作年度报表\n一、网站基本信息\n", DocType.OTHER, "桂林市", "2018", None),
        # a province's own district-level division is not named with the province
        ("神农架林区2017年政府信息公开工作年度报告\n一、概述\n", DocType.ANNUAL_REPORT, "神农架林区", "2017", "神农架林区人民政府"),
        # a district name several cities share, placed by the city the text names around it
        ("朝阳区2017年政府信息公开工作年度报告\n一、概述\n2017年，北京市朝阳区人民政府认真贯彻…\n",
         DocType.ANNUAL_REPORT, "朝阳区", "2017", "北京市朝阳区人民政府"),
        # a city named before its district only says where the district is
        ("关于2017年政府信息公开工作年度报告\n根据《条例》规定，现公布威海市环翠区2017年政府信息公开工作年度报告。\n一、概述\n",
         DocType.ANNUAL_REPORT, "环翠区", "2017", "威海市环翠区人民政府"),
    ],
)
def test_document_header(text: str, doc_type: DocType, region: str, year: str, issuer: str | None) -> None:
    main = _structure(text).main
    assert main.doc_type is doc_type
    assert main.region is not None and main.region.name == region
    assert main.year is not None and main.year.value == year
    assert (main.issuer.value if main.issuer else None) == issuer


RED_HEADER = """— 1 —
丽水市人民政府办公室文件
丽政办发〔2019〕31号
丽水市人民政府办公室关于印发丽水市2019年
政务公开工作要点的通知
各县（市、区）人民政府，市政府直属各单位：
《丽水市2019年政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。
丽水市人民政府办公室
2019年4月28日
（此件公开发布）
丽水市2019年政务公开工作要点
一、全面推进政府信息公开条例贯彻落实
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the official layout from a PDF: page mark, red header and number above a title on two lines
        (RED_HEADER, "丽水市人民政府办公室关于印发丽水市2019年政务公开工作要点的通知"),
        ("签发人：张三\n特急\n浙政办发〔2019〕25号\n浙江省人民政府办公厅关于印发2019年浙江省\n政务公开\n工作要点的通知\n",
         "浙江省人民政府办公厅关于印发2019年浙江省政务公开工作要点的通知"),
        # a long title broken after its issuers' names, one or two of them, under a red header too
        ("株洲市人民政府办公室\n关于转发《湖南省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的实施意见》的通知\n"
         "株政办发〔2020〕3号\n各县市区人民政府：\n",
         "株洲市人民政府办公室关于转发《湖南省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的实施意见》的通知"),
        ("株洲市人民政府办公室文件\n株政办发〔2020〕3号\n中共株洲市委办公室\n株洲市人民政府办公室\n"
         "关于转发《湖南省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的实施意见》的通知\n各县市区人民政府：\n",
         "中共株洲市委办公室 株洲市人民政府办公室关于转发《湖南省人民政府办公厅关于全面推进基层政务公开标准化规范化"
         "工作的实施意见》的通知"),
        # the date a page's list prints before or after a title
        ("2023-01-18 长沙市岳麓区2022年政府信息公开工作年度报告\n一、总体情况\n", "长沙市岳麓区2022年政府信息公开工作年度报告"),
        ("长沙市岳麓区2022年政府信息公开工作年度报告  2023-01-18 15:30\n一、总体情况\n", "长沙市岳麓区2022年政府信息公开工作年度报告"),
        # the portal's column before the title
        ("【政府信息公开年报】桂林市2017年政府信息公开工作年度报告\n一、概述\n", "桂林市2017年政府信息公开工作年度报告"),
        ("[通知公告] 关于印发《桂林市2019年政务公开工作要点》的通知\n", "关于印发《桂林市2019年政务公开工作要点》的通知"),
        # the page's note after the title is not part of it, in a title broken over lines too
        ("株洲市天元区2021年政府信息公开工作年度报告（全文）\n一、总体情况\n", "株洲市天元区2021年政府信息公开工作年度报告"),
        ("株洲市天元区\n2021年政府信息公开工作年度报告(全文)\n一、总体情况\n", "株洲市天元区2021年政府信息公开工作年度报告"),
        # the year a report covers, on the line under its title, is part of it
        ("岳阳市政府信息公开工作年度报告\n（2017年度）\n一、概述\n", "岳阳市政府信息公开工作年度报告（2017年度）"),
        # a news outlet's name above a title that names its place first is not part of it …
        ("澎湃新闻\n梧州市2017年政府信息公开工作年度报告\n2018-03-30 16:20 来源：澎湃新闻\n一、概述\n",
         "梧州市2017年政府信息公开工作年度报告"),
        # … but words a title goes on from are, whatever the line after them looks like alone
        ("关于印发\n梧州市2018年政务公开工作要点的通知\n梧政办发〔2018〕45号\n各县（区）人民政府：\n",
         "关于印发梧州市2018年政务公开工作要点的通知"),
        # the gaps a PDF's layout leaves around a title's figures are not part of it
        ("桂林市 2017 年政府信息公开工作年度报告\n一、概述\n", "桂林市2017年政府信息公开工作年度报告"),
        # the attachment mark above an attachment's title is not part of it
        ("附件1\n湘潭县2023年政务公开重点工作任务分解表\n序号\t工作任务\t责任单位\n", "湘潭县2023年政务公开重点工作任务分解表"),
        # a portal's catalogue names the title 名称, above the salutation
        ("索 引 号：11451030MB1234567X/2017-00231\n发布机构：田阳县人民政府办公室\n"
         "名 称：田阳县人民政府办公室关于印发田阳县2017年政务公开工作要点的通知\n文 号：阳政办发[2017]45号\n"
         "各乡镇人民政府，县直各有关单位：\n现将有关事项通知如下。\n",
         "田阳县人民政府办公室关于印发田阳县2017年政务公开工作要点的通知"),
        # a salutation or a sentence ends the search: no title is made up from the body
        ("各县（市、区）人民政府：\n现将有关事项通知如下。\n关于做好政务公开工作的通知\n", None),
    ],
)
def test_title_past_the_front_matter(text: str, title: str | None) -> None:
    structure = _structure(text)
    main = structure.main
    assert (main.title.value if main.title else None) == title
    if main.title is not None and main.title.span is not None:  # the span covers the title's lines only
        normalized = structure.text.text
        # joint issuers on lines of their own are one space apart in the title; a PDF's gaps are gone from it
        assert re.sub(r"\s", "", normalized[main.title.span.start : main.title.span.end]) == title.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a catalogue's 标题 cell a PDF wrapped: the line after it finishes the title
        ("发文机关: 钦州市人民政府办公室 成文日期: 2017年5月10日\n标 题: 钦州市人民政府办公室关于印发钦州市2017年政务公\n"
         "开工作实施方案的通知\n发文字号: 钦政办电〔2017〕87号 发布日期: 2017年05月11日\n现将方案印发给你们。\n",
         "钦州市人民政府办公室关于印发钦州市2017年政务公开工作实施方案的通知"),
        # ... but a whole title keeps to its line, and a field on the next line is no part of it
        ("标 题: 钦州市人民政府办公室关于印发钦州市2017年政务公开工作实施方案的通知\n各县区人民政府：\n",
         "钦州市人民政府办公室关于印发钦州市2017年政务公开工作实施方案的通知"),
        ("标 题: 钦州市人民政府办公室关于印发钦州市2017年政务公\n发文字号: 钦政办电〔2017〕87号\n",
         "钦州市人民政府办公室关于印发钦州市2017年政务公"),
    ],
)
def test_a_catalogue_title_a_pdf_wrapped(text: str, title: str) -> None:
    main = _structure(text).main
    assert main.title is not None and main.title.value == title


def test_red_header_notice_keeps_its_plan_as_an_attachment() -> None:
    s = _structure(RED_HEADER)
    assert s.main.doc_type is DocType.NOTICE
    assert s.main.issuer and s.main.issuer.value == "丽水市人民政府办公室"
    assert s.main.number and s.main.number.value == "丽政办发〔2019〕31号"
    assert s.main.title and s.main.title.span is not None
    assert [a.title.value for a in s.attachments if a.title] == ["丽水市2019年政务公开工作要点"]


TWO_ATTACHMENTS = """永州市人民政府办公室
关于印发《永州市2017年政务公开工作要点》和《永州市政务公开考核办法》的通知
永政办函〔2017〕45号
现将《永州市2017年政务公开工作要点》和《永州市政务公开考核办法》印发给你们。
永州市人民政府办公室
2017年7月10日
附件1
永州市2017年政务公开工作要点
一、推进“五公开”
1.全面推进决策公开。（市政府办牵头）
附件2
永州市政务公开考核办法
第一条 为推动政务公开工作，制定本办法。
"""


def test_a_notice_issuing_two_documents_has_both_as_attachments() -> None:
    s = _structure(TWO_ATTACHMENTS)
    assert [(a.title.value if a.title else None, a.doc_type) for a in s.attachments] == [
        ("永州市2017年政务公开工作要点", DocType.WORK_PLAN), ("永州市政务公开考核办法", DocType.OTHER)]
    plan, rules = s.attachments
    assert s.main.span.end == plan.span.start and plan.span.end == rules.span.start
    assert all(a.issuer and a.issuer.value == "永州市人民政府办公室" for a in s.attachments)


@pytest.mark.parametrize("line", [
    "我市印发了《方案》(河政办发〔2018〕110号)。",
    "根据河政办发〔2018〕110号文件",  # a short line of its own under the title, but a sentence citing it
    "按照河政办发【2018】110号要求",
    "落实国办发〔2018〕23号精神",
])
def test_a_cited_number_is_not_the_documents_own(line: str) -> None:
    main = _structure(f"河池市2018年政府信息公开工作年度报告\n{line}").main
    assert main.number is None


@pytest.mark.parametrize("line", ["河政发〔2019〕3号", "（河政发〔2019〕3号）", "【河政发〔2019〕3号】", "文号：河政发〔2019〕3号",
                                  "河政发〔2019〕 3 号", "　　　　　　　　　　河政发〔2019〕3号"])  # centred by spaces
def test_a_line_of_the_number_alone_is_the_documents_own(line: str) -> None:
    main = _structure(f"河池市人民政府关于印发河池市2019年政务公开工作要点的通知\n{line}\n各县（区）人民政府：").main
    assert main.number is not None and main.number.value == "河政发〔2019〕3号"


def test_garbled_heading_still_counts_as_a_section() -> None:
    s = _structure("标题报告\n一、概况\n?。ㄈ┱畔⒐_目录\n正文")
    assert [sec.level for sec in s.main.sections] == [1, 2]


@pytest.mark.parametrize(
    ("title", "region", "issuer"),
    [
        ("桂林市教育局2022年政府信息公开工作年度报告", "桂林市", "桂林市教育局"),  # a department
        ("阳朔县人民政府2021年政府信息公开工作年度报告", "阳朔县", "阳朔县人民政府"),  # a county
        ("南宁市青秀区人民政府2020年政府信息公开工作年度报告", "青秀区", "南宁市青秀区人民政府"),  # a district
        ("广西壮族自治区人民政府办公厅2019年政府信息公开工作年度报告", "广西壮族自治区", "广西壮族自治区人民政府办公厅"),
        # a street office below a district: not in the gazetteer, but the title names it as the issuer
        ("桂林市秀峰区丽君街道办事处2022年政府信息公开工作年度报告", "秀峰区", "桂林市秀峰区丽君街道办事处"),
        # a national notice: the national region, as its agency has
        ("国务院办公厅关于印发2022年政务公开工作要点的通知\n国办发〔2022〕8号", "中华人民共和国", "国务院办公厅"),
        # a ministry and a bureau under the State Council: national agencies that name no region
        ("水利部2022年政府信息公开工作年度报告", "中华人民共和国", "水利部"),
        ("国家税务总局2021年政府信息公开工作年度报告", "中华人民共和国", "国家税务总局"),
        ("中国人民银行2022年政府信息公开工作年度报告", "中华人民共和国", "中国人民银行"),
        # a local office of a national bureau is named after the bureau, but its place is local
        ("国家税务总局桂林市税务局2022年政府信息公开工作年度报告", "桂林市", "国家税务总局桂林市税务局"),
    ],
)
def test_region_and_issuer_of_each_kind_of_issuer(title: str, region: str, issuer: str) -> None:
    main = _structure(title + "\n2022年，本机关共收到政府信息公开申请25件。\n").main
    assert (main.region.name if main.region else None, main.issuer.value if main.issuer else None) == (region, issuer)


@pytest.mark.parametrize(
    ("title", "code", "parent"),
    [
        # divisions renamed after the gazetteer's snapshot (data/regions/changes.csv)
        ("宜州区2018年政务公开工作要点", "451203", "河池市"),  # was 宜州市
        ("荔浦市人民政府2019年政府信息公开工作年度报告", "450381", "桂林市"),  # was 荔浦县
        ("那曲市色尼区2019年政府信息公开工作年度报告", "540602", "那曲市"),  # a new city and its new district
        ("济南市莱芜区2020年政府信息公开工作年度报告", "370116", "济南市"),  # a prefecture merged into another
        # the former name still finds the former division, for the documents of its years
        ("宜州市2015年政府信息公开工作年度报告", "451281", "河池市"),
    ],
)
def test_divisions_renamed_after_the_gazetteer(title: str, code: str, parent: str) -> None:
    from kg.vocab import gazetteer

    region = _structure(title + "\n本机关共收到政府信息公开申请25件。\n").main.region
    assert region is not None and region.code == code
    found = gazetteer().parent(region)
    assert found is not None and found.name == parent


def test_a_renamed_division_replaces_its_former_codes() -> None:
    from kg.namespaces import DCT, region_iri
    from kg.vocabulary import region_triples

    replaced = {t.object for t in region_triples() if t.subject == region_iri("370116") and t.predicate.value == DCT + "replaces"}
    assert replaced == {region_iri("371200"), region_iri("371202")}


@pytest.mark.parametrize(
    ("written", "iso"),
    [("2017年5月10日", "2017-05-10"), ("2017-5-10", "2017-05-10"), ("二〇一八年六月十二日", "2018-06-12"),
     ("二○二一年十二月三十一日", "2021-12-31"), ("二零一九年十月二十日", "2019-10-20")],
)
def test_dates_in_figures_or_characters(written: str, iso: str) -> None:
    assert iso_date(written) == iso


def test_a_notice_signed_with_a_date_in_characters_takes_its_year_from_it() -> None:
    main = _structure("臺州市人民政府辦公室關於做好政務公開工作的通知\n各縣（市、區）人民政府：\n現將有關事項通知如下。\n"
                      "臺州市人民政府辦公室\n二〇一八年六月十二日\n").main
    assert main.doc_type is DocType.NOTICE
    assert main.year is not None and main.year.value == "2018"
    assert main.date_written is not None and main.date_written.value == "二〇一八年六月十二日"


def test_a_notice_dated_without_a_signature_takes_the_date_line() -> None:
    text = ("南宁市人民政府办公厅关于印发南宁市2019年政务公开工作实施方案的通知\n南府办函〔2019〕37号\n"
            "各县、区人民政府：\n现将方案印发给你们。\n2019年7月3日\n（此件公开发布）\n")
    main = _structure(text).main
    assert main.date_written is not None and main.date_written.value == "2019年7月3日"
    span = main.date_written.span
    assert span is not None and text[span.start:span.end] == "2019年7月3日"


def test_a_web_pages_iso_date_is_no_date_of_writing() -> None:
    main = _structure("南宁市人民政府办公厅关于做好政务公开工作的通知\n2019-07-05\n现将有关事项通知如下。\n").main
    assert main.date_written is None


def test_a_web_pages_byline_gives_the_date_it_was_published() -> None:
    text = "宁乡县2016年政府信息公开工作年度报告\n发布时间：2017-03-28 来源：县政府办 浏览次数：1024\n一、概述\n"
    main = _structure(text).main
    assert main.date_published is not None and main.date_published.value == "2017-03-28"
    assert main.title is not None and main.title.value == "宁乡县2016年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("title", "issuers"),
    [
        ("中共桂林市委办公室 桂林市人民政府办公室关于印发《桂林市2017年政务公开工作实施方案》的通知",
         ["中共桂林市委办公室", "桂林市人民政府办公室"]),
        ("中共中央办公厅、国务院办公厅关于全面推进政务公开工作的意见", ["中共中央办公厅", "国务院办公厅"]),
        ("桂林市人民政府办公室关于印发《桂林市2017年政务公开工作实施方案》的通知", ["桂林市人民政府办公室"]),
    ],
)
def test_a_joint_document_has_all_its_issuers(title: str, issuers: list[str]) -> None:
    main = _structure(title + "\n各县（区）人民政府：\n").main
    named = [main.issuer, *main.co_issuers] if main.issuer else []
    assert [n.value for n in named] == issuers
    assert all(n.span and title[n.span.start : n.span.end] == n.value for n in named)


def test_a_forwarded_plan_is_not_the_forwarding_offices() -> None:
    s = _structure("永州市人民政府办公室关于转发《湖南省2018年政务公开工作要点》的通知\n永政办函〔2018〕52号\n"
                   "各县区人民政府，市直各单位：\n现将《湖南省2018年政务公开工作要点》转发给你们，请认真贯彻落实。\n"
                   "永州市人民政府办公室\n2018年6月1日\n湖南省2018年政务公开工作要点\n一、推进政务阳光透明\n")
    assert s.main.issuer is not None and s.main.issuer.value == "永州市人民政府办公室"
    (plan,) = s.attachments
    assert plan.issuer is None
    assert plan.region is not None and plan.region.name == "湖南省"


def test_a_forwarded_plan_is_issued_by_the_issuer_of_the_notice_it_came_with() -> None:
    text = ("郴州市人民政府办公室关于转发《湖南省2018年政务公开工作要点》的通知\n郴政办函[2018]47号\n各县市区人民政府：\n"
            "现将《湖南省人民政府办公厅关于印发〈湖南省2018年政务公开工作要点〉的通知》（湘政办发〔2018〕27號）转发给你们。\n"
            "郴州市人民政府办公室\n2018年6月15日\n湖南省2018年政务公开工作要点\n一、着力推进重点领域信息公开\n")
    (plan,) = _structure(text).attachments
    assert plan.issuer is not None and plan.issuer.value == "湖南省人民政府办公厅"
    assert plan.issuer.span is not None and text[plan.issuer.span.start : plan.issuer.span.end] == "湖南省人民政府办公厅"


def test_an_untitled_departments_report_is_named_after_the_department() -> None:
    main = _structure("本报告由常德市财政局根据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n"
                      "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
                      "2021年，我局主动公开信息52条。\n").main
    assert main.title_inferred and main.title is not None
    assert main.title.value == "常德市财政局2021年政府信息公开工作年度报告"


def test_an_untitled_report_that_opens_by_announcing_itself_is_a_report() -> None:
    main = _structure("按照《中华人民共和国政府信息公开条例》规定，现将我区2018年度政府信息公开工作情况报告如下：\n"
                      "一、概述\n2018年，南宁市西乡塘区人民政府认真落实政务公开工作，全区主动公开政府信息4567条。\n").main
    assert main.doc_type is DocType.ANNUAL_REPORT and main.year is not None and main.year.value == "2018"
    assert main.title is not None and main.title.value == "西乡塘区2018年政府信息公开工作年度报告"


def test_an_untitled_text_stating_a_reports_figures_is_a_report() -> None:
    main = _structure("2017年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。"
                      "现将有关情况报告如下：\n全年共主动公开政府信息3562条。\n全年共受理政府信息公开申请12件。\n"
                      "全年未发生因政府信息公开引起的行政复议和行政诉讼。\n隆林各族自治县人民政府办公室\n2018年3月20日\n").main
    assert main.doc_type is DocType.ANNUAL_REPORT and main.year is not None and main.year.value == "2017"


def test_an_untitled_plan_stating_last_years_figures_stays_no_report() -> None:
    main = _structure("2017年全县主动公开政府信息3562条，受理政府信息公开申请12件。为做好2018年政府信息公开工作，"
                      "制定如下措施。\n（一）加强主动公开。（责任单位：县政府办）\n").main
    assert main.doc_type is DocType.WORK_PLAN  # it says it lays out measures, and assigns them


def test_an_untitled_plan_that_says_so_and_assigns_its_tasks_is_a_plan() -> None:
    text = ("为深入贯彻落实《2019年政务公开工作要点》（国办发〔2019〕14号）精神，结合我县实际，制定本方案。\n"
            "一、推进决策公开\n（一）推进重大行政决策预公开。（责任单位：县司法局）\n平乐县人民政府办公室\n2019年5月10日\n")
    main = _structure(text).main
    assert main.doc_type is DocType.WORK_PLAN and main.year is not None and main.year.value == "2019"
    assert main.issuer is not None and main.issuer.value == "平乐县人民政府办公室"
    # saying so is not enough: a notice that issues a plan says 制定本方案 too, and assigns nothing
    assert _structure("为做好政务公开工作，制定本方案。\n请认真贯彻执行。\n").main.doc_type is not DocType.WORK_PLAN


def test_the_year_in_parentheses_after_a_reports_title_is_the_year_reported_on() -> None:
    main = _structure("柳州市2019年政府信息公开工作年度报告（2018年度）\n一、概述\n全年主动公开政府信息1234条。\n").main
    assert main.year is not None and main.year.value == "2018"


@pytest.mark.parametrize(
    "text",
    [
        # the number after the title on its line
        "桂林市人民政府办公室关于印发桂林市2017年政务公开工作要点的通知（市政办〔2017〕53号）\n各县（区）人民政府：\n",
        # ... in the portal's catalogue above it, its key in 【】
        "【发布文号】市政办〔2017〕53号\n桂林市人民政府办公室关于印发桂林市2017年政务公开工作要点的通知\n各县（区）人民政府：\n",
        # ... without brackets, spaces apart, as a portal's list shows it
        "桂林市人民政府办公室关于印发桂林市2017年政务公开工作要点的通知 市政办〔2017〕53号\n各县（区）人民政府：\n",
        # ... or last, under the signature
        "桂林市人民政府办公室关于印发桂林市2017年政务公开工作要点的通知\n各县（区）人民政府：\n"
        "根据国办发〔2017〕24号精神，现将要点印发给你们。\n桂林市人民政府办公室\n2017年6月1日\n（市政办〔2017〕53号）\n",
    ],
)
def test_the_documents_own_number_beside_its_title_or_under_its_signature(text: str) -> None:
    main = _structure(text).main
    assert main.title is not None and main.title.value == "桂林市人民政府办公室关于印发桂林市2017年政务公开工作要点的通知"
    assert main.number is not None and main.number.value == "市政办〔2017〕53号"
    assert main.number.span is not None and "53号" in text[main.number.span.start : main.number.span.end]
