"""Statistics: table layouts and sentence forms (text → expected observations)."""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

import pytest

from kg.metrics import chinese_number, extract_observations, map_label, narrative_rules, scope_markers
from kg.patterns import FIGURE, required_characters
from kg.vocab import gazetteer

CITY = gazetteer().get("450300")


def _obs(text: str) -> list[tuple[str | None, float, str | None]]:
    return [(o.indicator, o.value, o.scope) for o in extract_observations(text, CITY) if o.indicator]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全市各级各部门受理依申请公开政府信息19条,申请办结数19件,申请答复数19件。",
         [("A.3.1", 19, "全市"), ("A.3.2", 19, "全市"), ("A.3.3", 19, "全市")]),
        # a table's row names written as prose, 数 and all
        ("从事政府信息公开工作人员数120人，其中专职人员数30人。", [("A.8.3", 120, "全市"), ("A.8.3.1", 30, "全市")]),
        ("召开政府信息公开会议12次，举办各类培训班8次。", [("A.9.1", 12, "全市"), ("A.9.2", 8, "全市")]),
        ("召开市政府常务会议12次。", []),
        ("全市因政府信息公开申请行政复议5件,其中:维持具体行政行为2件,被依法纠错3件;",
         [("A.4", 5, "全市"), ("A.4.1", 2, "全市"), ("A.4.2", 3, "全市")]),
        # the same sub-row wording under lawsuits maps to the lawsuit indicator
        ("全市因政府信息公开提起行政诉讼数量58件,其中维持具体行政行为或者驳回原告诉讼请求的47件,被依法纠错的4件,其他情形7件。",
         [("A.5", 58, "全市"), ("A.5.1", 47, "全市"), ("A.5.2", 4, "全市"), ("A.5.3", 7, "全市")]),
        ("2017年市本级主动公开政府信息42576条,其中政府公报公开政府信息209条,政务微博公开政府信息827条。",
         [("A.1.1", 42576, "市本级"), ("A.1.2.1", 209, "市本级"), ("A.1.2.3", 827, "市本级")]),
        ("市人民政府门户网站发布信息约9000条", [("A.1.2.2", 9000, "市本级")]),
        ("2017年共召开新闻发布会15场", [("A.2.2.1", 15, "全市")]),
        # items published through press conferences are a channel's share of the total, not meetings
        ("全市共主动公开政府信息3215条。其中，通过新闻发布会等方式公开71条，召开新闻发布会5场，开展在线访谈2次。",
         [("A.1.1", 3215, "全市"), ("A.2.2.1", 5, "全市"), ("A.2.2.2", 2, "全市")]),
        ("召开新闻发布会8场，参加新闻发布会300人次。", [("A.2.2.1", 8, "全市")]),  # who attended is no meeting
        ("累计开展信息公开培训10批次,共计1000余人次。", [("A.9.2", 10, "全市"), ("A.9.3", 1000, "全市")]),
        ("发放宣传资料1.37万份", []),  # a figure no indicator covers is not a metric
        ("2017年市本级不予公开政府信息3条", []),  # negation
        ("全市公开公共资源配置领域政府信息约5000条", []),  # a domain subset, not the total
        # a share named after 其中 holds for its clause only; the next sentence is about the total again
        ("全市共受理政府信息公开申请687件,其中市本级收到574件,下级政府收到113件。当面申请199件。",
         [("A.3.1", 687, "全市"), ("A.3.1", 574, "市本级"), ("A.3.1", 113, "下级政府"), ("A.3.1.1", 199, "全市")]),
        # last year's figure and the change are not this year's
        ("2017年全市收到申请数较2016年的120件增加了30件。", []),
        ("全市主动公开政府信息5632条，比上年增加1234条。", [("A.1.1", 5632, "全市")]),
        # the year's figure after the comparison counts what the sentence began with
        ("全年受理政府信息公开申请较上年增长25%，达150件。", [("A.3.1", 150, "全市")]),
        ("全市共受理申请较2016年（120件）增加30件，增长25%，达到150件。", [("A.3.1", 150, "全市")]),
        ("主动公开政府信息较去年增加1200条，增至8500条。", [("A.1.1", 8500, "全市")]),
        ("同比增长25%，达150件。", []),
        # other verbs of receiving, and the request whose information does not exist
        ("2018年共接收政府信息公开申请21份，接到信函申请3件。", [("A.3.1", 21, "全市"), ("A.3.1.4", 3, "全市")]),
        ("共受理申请23件，其中同意公开14件，信息不存在4件。",
         [("A.3.1", 23, "全市"), ("A.3.3.2", 14, "全市"), ("A.3.3.6", 4, "全市")]),
        # a share of the published total that does not repeat 政府信息
        ("全市共主动公开政府信息21,305条，其中市本级主动公开4,112条。",
         [("A.1.1", 21305, "全市"), ("A.1.1", 4112, "市本级")]),
        # cases counted in 起 and small counts in characters
        ("全年发生行政诉讼两起，其中未经复议直接起诉一起，复议后起诉一起。",
         [("A.5", 2, "全市"), ("N.4.10", 1, "全市"), ("N.4.15", 1, "全市")]),
        # an aside in parentheses does not set the scope of what follows it
        ("全州490个主体单位(州直单位41个),累计公开政府信息36059条", [("A.1.1", 36059, "全市")]),
        # what one column, mailbox or website published is not the report's total
        ("2017年在市政府门户网站社会救助栏目发布信息51条,更新信息14条。", []),
        ("市长信箱直通车发布信息11条", []),
        ("今年在两个网站主动公开信息共30余条", []),
        ("市政府办公室全年主动公开政府信息9323条", [("A.1.1", 9323, "市本级")]),
        ("州人民政府累计发布信息5701条", [("A.1.1", 5701, "市本级")]),
        # after a stated total, the channels' counts often leave out 信息
        ("全市共主动公开政府信息12345条,其中通过政府网站公开10234条,政务微博公开890条,政务微信公开1221条。",
         [("A.1.1", 12345, "全市"), ("A.1.2.2", 10234, "全市"), ("A.1.2.3", 890, "全市"), ("A.1.2.4", 1221, "全市")]),
        ("通过政府公报刊登规范性文件25件", []),  # documents, not information items
        ("共收到申请56件,已办结56件,其中按时办结54件,延期办结2件。",
         [("A.3.1", 56, "全市"), ("A.3.2", 56, "全市"), ("A.3.2.1", 54, "全市"), ("A.3.2.2", 2, "全市")]),
        # thousands grouped with ASCII commas are one number, not a clause break before its last group
        ("全市主动公开政府信息1,236条,受理申请12,356件,其中网上申请1,200件。",
         [("A.1.1", 1236, "全市"), ("A.3.1", 12356, "全市"), ("A.3.1.3", 1200, "全市")]),
        ("发布政策解读材料86篇", [("A.2.2.3", 86, "全市")]),
        # the table's rows written as a list, label：value
        ("（一）主动公开政府信息数：3256条；1.收到申请数：31件；四、行政复议数量：2件。（二）被依法纠错数：1件。"
         "五、行政诉讼数量：1件。（二）被依法纠错数：1件。全年收到申请：56件",
         [("A.1.1", 3256, "全市"), ("A.3.1", 31, "全市"), ("A.4", 2, "全市"), ("A.4.2", 1, "全市"), ("A.5", 1, "全市"),
          ("A.5.2", 1, "全市"), ("A.3.1", 56, "全市")]),
        # the leaders' share of press conferences and interviews, and responses on 微博/微信
        ("全年共召开新闻发布会15场,其中主要领导出席8场。开展在线访谈12期,主要负责同志参加4期。通过政务微博微信回应事件45次。",
         [("A.2.2.1", 15, "全市"), ("A.2.2.1.1", 8, "全市"), ("A.2.2.2", 12, "全市"), ("A.2.2.2.1", 4, "全市"),
          ("A.2.2.4", 45, "全市")]),
        ("召开新闻发布会6次，市领导参加新闻发布会4次。", [("A.2.2.1", 6, "全市"), ("A.2.2.1.1", 4, "全市")]),
        # a leader's share of the event its own clause names, in a sentence about both
        ("举办新闻发布会5场，区领导参加在线访谈3次。", [("A.2.2.1", 5, "全市"), ("A.2.2.2.1", 3, "全市")]),
        ("开展在线访谈12期，其中区领导参加4期。", [("A.2.2.2", 12, "全市"), ("A.2.2.2.1", 4, "全市")]),
        # the total published, however the clause before it ends (共计, 合计, 数为)
        ("全年主动公开各类政府信息共计5689条，主动公开政府信息数为5689条，公开政府信息合计5689条。",
         [("A.1.1", 5689, "全市"), ("A.1.1", 5689, "全市"), ("A.1.1", 5689, "全市")]),
        # the pre-2019 table's row names written as prose (…政府信息数): each channel its own row
        ("全市主动公开政府信息数344266条，其中政府公报公开政府信息数1268条，政府网站公开政府信息数269311条，"
         "其他方式公开政府信息数29801条。",
         [("A.1.1", 344266, "全市"), ("A.1.2.1", 1268, "全市"), ("A.1.2.2", 269311, "全市"), ("A.1.2.5", 29801, "全市")]),
        # requests by e-mail are requests over the network; 非本机关信息 is not this agency's to disclose
        ("全年共受理申请45件，其中通过电子邮件申请3件。已答复45件，其中同意公开30件，非本机关信息4件。",
         [("A.3.1", 45, "全市"), ("A.3.1.3", 3, "全市"), ("A.3.3", 45, "全市"), ("A.3.3.2", 30, "全市"),
          ("A.3.3.5", 4, "全市")]),
        # 各类信息 is all kinds of information, 财政类信息 one kind (no indicator's total)
        ("市政府门户网站共发布各类信息2.5万条。全市主动公开政府信息5689条，其中财政类信息300条。",
         [("A.1.2.2", 25000, "市本级"), ("A.1.1", 5689, "全市")]),
        # 千 after Arabic digits multiplies them (3千 is 3000, not the 千 alone); 三千 is a Chinese numeral
        ("全年主动公开政府信息3千余条，受理政府信息公开申请三千件。", [("A.1.1", 3000, "全市"), ("A.3.1", 3000, "全市")]),
        # the documents a gazette printed are documents, not its items of information (A.1.2.1 counts 条)
        ("全年编印《政府公报》12期，刊登文件156件。", []),
        # a site's figure by 更新, the verb before or after the site; a column of it is not the site
        ("全年累计更新政府网站信息1.6万余条。政府门户网站全年更新信息8000条。政府网站信息公开专栏更新信息300条。",
         [("A.1.2.2", 16000, "市本级"), ("A.1.2.2", 8000, "市本级")]),
        # a figure listed after another in another unit counts the same thing (36期、312条)
        ("全市主动公开政府信息5689条，其中通过政府公报公开信息36期、312条。",
         [("A.1.1", 5689, "全市"), ("A.1.2.1", 312, "全市")]),
        # the pre-2019 outcomes in quotes, 申请内容不明确 among them (told to amend the request)
        ("已全部答复，其中“同意公开”的25件，“信息不存在”的2件，“申请内容不明确”的1件。",
         [("A.3.3.2", 25, "全市"), ("A.3.3.6", 2, "全市"), ("A.3.3.7", 1, "全市")]),
        # 我市政府信息公开…: 我市 is the city, 政府信息 the term, not the city government
        ("2017年，我市政府信息公开申请和答复情况如下：收到申请35件，答复35件。",
         [("A.3.1", 35, "全市"), ("A.3.3", 35, "全市")]),
        # 政务新媒体 and 抖音 are channels without a row, not the total
        ("全市主动公开政府信息5689条。政务新媒体发布信息2360条，抖音号发布信息300条。", [("A.1.1", 5689, "全市")]),
        # a row's label that names this agency (不属于本机关…) is no scope marker
        ("已答复32件，不属于本机关公开范围2件。", [("A.3.3", 32, "全市"), ("A.3.3.5", 2, "全市")]),
        # channels by other names; the staff and the reading rooms of the pre-2019 table, in prose
        ("全市主动公开政府信息12000条。通过官方微博发布信息1520条,微信公众号推送信息860条。",
         [("A.1.1", 12000, "全市"), ("A.1.2.3", 1520, "市本级"), ("A.1.2.4", 860, "市本级")]),
        ("全年回应社会关切36次,全市共设立政府信息公开查阅点25个。", [("A.2.1", 36, "全市"), ("A.8.2", 25, "全市")]),
        ("全市从事政府信息公开工作人员126人,其中专职36人,兼职90人。",
         [("A.8.3", 126, "全市"), ("A.8.3.1", 36, "全市"), ("A.8.3.2", 90, "全市")]),
        # a government's own channel: a marker counts only in its own sentence, else it is the government's
        ("全市累计公开政府信息36059条;政务微博累计发布信息11704条;",
         [("A.1.1", 36059, "全市"), ("A.1.2.3", 11704, "市本级")]),
        # 宗 and 条次 count cases and items; fees in 元 are given in the row's 万元; 12万元 stays in 万元
        ("全市受理申请1235宗，主动公开政府信息3560条次，收取检索、复制费用共计500元。",
         [("A.3.1", 1235, "全市"), ("A.1.1", 3560, "全市"), ("A.7", 0.05, "全市")]),
        ("全市收取复印费1.2万元，2019元旦期间受理申请3件。", [("A.7", 1.2, "全市"), ("A.3.1", 3, "全市")]),
        # 场次 is a unit of its own, not 场 and a stray 次
        ("开展政务公开培训12场次，召开新闻发布会8场次。", [("A.9.2", 12, "全市"), ("A.2.2.1", 8, "全市")]),
        # an aside between what a figure counts and the figure
        ("全年主动公开政府信息（含政府网站、政务微博）15632条，受理申请（含网上申请）120件。",
         [("A.1.1", 15632, "全市"), ("A.3.1", 120, "全市")]),
        # a channel's figure is the government's own, unless it is a part of a total before it
        ("通过政府网站公开10234条，政务微博公开1234条。", [("A.1.2.2", 10234, "市本级"), ("A.1.2.3", 1234, "市本级")]),
        ("全年共主动公开政府信息12345条。其中，通过政府网站公开10234条，政务微博公开1234条。",
         [("A.1.1", 12345, "全市"), ("A.1.2.2", 10234, "全市"), ("A.1.2.3", 1234, "全市")]),
        ("通过不同渠道和方式公开政府信息的情况：1、政府公报公开政府信息数1268条；2、政府网站公开政府信息数269311条。",
         [("A.1.2.1", 1268, "全市"), ("A.1.2.2", 269311, "全市")]),
        # the requests named before 中， are the total the channels after it break down
        ("受理的申请中，当面申请12件，网络申请45件，信函申请3件。", [("A.3.1.1", 12, "全市"), ("A.3.1.3", 45, "全市"),
                                                     ("A.3.1.4", 3, "全市")]),
        ("从申请方式看，当面申请12件，网络申请45件。", [("A.3.1.1", 12, "全市"), ("A.3.1.3", 45, "全市")]),
        # the channel named before the colon is what the figure after it counts
        ("1.主动公开政府信息数：本年度共主动公开政府信息2365条。\n2.政府公报：刊发政府公报12期，公开政府信息125条。",
         [("A.1.1", 2365, "全市"), ("A.1.2.1", 125, "全市")]),
        # the staff counted with 的 and 共; a combined channel (两微一端) is none of the rows, nor the total
        ("从事政府信息公开工作的人员共156人，其中专职人员38名。", [("A.8.3", 156, "全市"), ("A.8.3.1", 38, "全市")]),
        ("全市主动公开政府信息4528条。其中，“两微一端”发布信息1426条。", [("A.1.1", 4528, "全市")]),
        # the normative documents among the items published; an unclear request told to be amended;
        # the office that does the work
        ("全年共主动公开政府信息2156条，其中规范性文件8件。", [("A.1.1", 2156, "全市"), ("A.1.1.1", 8, "全市")]),
        ("已答复153件，其中同意公开23件，申请信息不明确的1件。",
         [("A.3.3", 153, "全市"), ("A.3.3.2", 23, "全市"), ("A.3.3.7", 1, "全市")]),
        ("我市政府信息公开工作机构1个，专职人员3人。", [("A.8.1", 1, "全市"), ("A.8.3.1", 3, "全市")]),
        # 县（市、区） names the governments below: its parenthesis is no aside
        ("市本级主动公开政府信息15620条，县（市、区）主动公开政府信息30705条。",
         [("A.1.1", 15620, "市本级"), ("A.1.1", 30705, "下级政府")]),
        # a bulletin board is a channel of the format's 其他方式, its share of the total no scope's total
        ("全市共主动公开政府信息186条，其中通过政务公开栏公开34条。", [("A.1.1", 186, "全市"), ("A.1.2.5", 34, "全市")]),
        # figures in characters past the hundreds, with 零 inside
        ("全市主动公开政府信息一千二百五十六条，受理申请一百零五件。", [("A.1.1", 1256, "全市"), ("A.3.1", 105, "全市")]),
        # the 、 inside 县（市、区） ends no clause: the share after 其中 keeps its own marker
        ("全市共受理政府信息公开申请87件，其中市直部门受理42件，县（市、区）受理45件。",
         [("A.3.1", 87, "全市"), ("A.3.1", 42, "市本级"), ("A.3.1", 45, "下级政府")]),
        # shares named by their scope alone, with no verb, are parts of the total just stated
        ("全市依申请公开受理量为87件，其中市本级42件，县区45件。",
         [("A.3.1", 87, "全市"), ("A.3.1", 42, "市本级"), ("A.3.1", 45, "下级政府")]),
        ("全年主动公开政府信息5120条，其中市本级4112条，各乡镇1008条。",
         [("A.1.1", 5120, "全市"), ("A.1.1", 4112, "市本级"), ("A.1.1", 1008, "下级政府")]),
        ("全市行政复议2件，其中市本级1件。", [("A.4", 2, "全市"), ("A.4", 1, "市本级")]),
        # a result named with its kind of case and no 结果: 行政复议维持…, 行政诉讼被依法纠错…
        ("全市行政复议2件，行政诉讼1件，其中行政复议维持具体行政行为2件，行政诉讼被依法纠错1件。",
         [("A.4", 2, "全市"), ("A.5", 1, "全市"), ("A.4.1", 2, "全市"), ("A.5.2", 1, "全市")]),
        # ... and with 中 (of the reviews, those upheld): the results after it without a kind of case are its kind's
        ("行政复议中维持具体行政行为10件，被依法纠错3件，其他情形1件；行政诉讼中维持具体行政行为6件，被依法纠错2件。",
         [("A.4.1", 10, "全市"), ("A.4.2", 3, "全市"), ("A.4.3", 1, "全市"), ("A.5.1", 6, "全市"), ("A.5.2", 2, "全市")]),
        # 含 in an aside after the total names a part of it
        ("主动公开政府信息12345条（含规范性文件56件）。", [("A.1.1", 12345, "全市"), ("A.1.1.1", 56, "全市")]),
        # two channels with one figure between them are neither channel's row
        ("其中通过门户网站公开1102条，通过政务微博、微信公开166条。", [("A.1.2.2", 1102, "全市")]),
        ("政务微博微信发布信息860条，微信公众号推送信息234条。", [("A.1.2.4", 234, "市本级")]),
        # a share named by a topic, not by a scope, is no part counted as the total
        ("全年主动公开政府信息5120条，其中财政信息412条。", [("A.1.1", 5120, "全市")]),
    ],
)
def test_narrative_figures(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _obs(text) == [(i, float(v), s) for i, v, s in expected]


@pytest.mark.parametrize(
    ("year", "text", "expected"),
    [
        # a clause that says none happened is a 0 of each row it names
        (2017, "全年未发生因政府信息公开申请提起行政复议、行政诉讼及举报投诉的情况。",
         [("A.4", 0, "件"), ("A.5", 0, "件"), ("A.6", 0, "件")]),
        (2017, "全市因政府信息公开申请行政复议5件，全市无因政府信息公开提起行政诉讼的情况。",
         [("A.4", 5, "件"), ("A.5", 0, "件")]),
        (2017, "各级各部门没有因信息公开收取或减免费用。依申请公开未实施收费。",
         [("A.7", 0, "万元"), ("A.7", 0, "万元")]),
        (2017, "全年未收到政府信息公开申请。", [("A.3.1", 0, "件")]),
        (2017, "全年未收到公民、法人或其他组织提出的政府信息公开申请。", [("A.3.1", 0, "件")]),
        # a count given as a bare zero, with no unit
        (2017, "举报投诉数量为0。", [("A.6", 0, "件")]),
        (2017, "行政复议、行政诉讼均为0。", [("A.4", 0, "件"), ("A.5", 0, "件")]),
        (2017, "行政诉讼为零，被依法纠错数为0。", [("A.5", 0, "件")]),
        # ... up to a 但 that turns to what did happen
        (2017, "未发生行政复议，但被提起行政诉讼2件。", [("A.4", 0, "件"), ("A.5", 2, "件")]),
        # in the row of the report's format, and none where its format has no such row
        (2021, "全年未发生因政府信息公开申请提起行政复议、行政诉讼的情况。本年度未收取信息处理费。",
         [("N.4.5", 0, "件"), ("N.4.10", 0, "件"), ("N.4.15", 0, "件")]),  # no lawsuit, directly or after a review
        # none of a narrower kind is no zero of the row
        (2017, "全年未收到涉及个人隐私的申请。未发生行政复议被纠错的情况。本年度未收到行政复议申请。",
         [("A.4", 0, "件")]),
        # 而 before what did not happen is part of it (因…而被申请行政复议)
        (2018, "全年没有发生因政府信息公开而被申请行政复议和提起行政诉讼的情况。", [("A.4", 0, "件"), ("A.5", 0, "件")]),
        # no rules or normative documents made this year: the rows of the later formats (and of the pre-2019
        # one, which counts normative documents only); what was repealed is another row
        (2022, "本年度无新制发规章。", [("C.2.1.1", 0, "件")]),
        (2022, "我市无新制发规章和规范性文件。", [("C.2.1.1", 0, "件"), ("C.2.2.1", 0, "件")]),
        (2020, "本年度未制发行政规范性文件。", [("B.2.2.1", 0, "件")]),
        (2017, "本年度未制定规章，未制发规范性文件。", [("A.1.1.2", 0, "件")]),
        (2022, "本年未废止规章。全年未制定相关制度。", []),
        # 无法提供, 无正当理由 say no such thing
        (2021, "本机关无法提供相关信息；无正当理由大量反复申请的不予处理。", []),
    ],
)
def test_a_clause_that_says_none_happened(year: int, text: str, expected: list[tuple[str, float, str]]) -> None:
    found = extract_observations(text, CITY, year)
    assert [(o.indicator, o.value, o.unit) for o in found if o.indicator] == [(i, float(v), u) for i, v, u in expected]


def test_unmapped_figures_are_kept_as_generic_observations() -> None:
    found = [(o.indicator, o.label, o.value, o.unit) for o in extract_observations(
        "发放宣传资料1.37万份,民生类信息159564条,占46.3%。全年编制《政府公报》十二期。", CITY)]
    assert (None, "发放宣传资料", 13700.0, "份") in found
    assert (None, "占", 46.3, "%") in found
    assert (None, "全年编制《政府公报》", 12.0, "次") in found  # Chinese numerals; 期 counts as times


@pytest.mark.parametrize(("text", "value"), [("十二", 12), ("二十", 20), ("一百零五", 105), ("两千三百", 2300),
                                             ("十", 10), ("三", 3), ("一万二千", 12000), ("两万", 20000),
                                             ("三万零五十", 30050)])
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_number(text) == value


def test_estimated_values_are_flagged() -> None:
    (o,) = extract_observations("市人民政府门户网站发布信息约9000条", CITY)
    assert o.estimated


ONE_CELL_PER_LINE = "\n".join(
    [
        "统 计 指 标 |", "单位 |", "合计 |",
        "三、依申请公开情况 |", "/ |", "|",
        "(一)收到申请数 |", "件 |", "687 |",
        "1.当面申请数 |", "件 |", "199 |",
        "四、行政复议数量 |", "件 |", "97 |",
        "(一)维持具体行政行为数 |", "件 |", "60 |",
        "(二)被依法纠错数 |", "件 |", "17 |",
        "五、行政诉讼数量 |", "件 |", "197 |",
        "(二)被依法纠错数 |", "件 |", "2 |",
        "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费) |", "万元 |", "496.5",
    ]
)

PIPE_ROWS = """| 统计指标 | 单位 | 合计 |
|---|---|---|
| 三、依申请公开情况 | / | |
| (一)收到申请数 | 件 | 687 |
| 1.当面申请数 | 件 | 199 |
| 四、行政复议数量 | 件 | 97 |
| (一)维持具体行政行为数 | 件 | 60 |
| (二)被依法纠错数 | 件 | 17 |
| 五、行政诉讼数量 | 件 | 197 |
| (二)被依法纠错数 | 件 | 2 |
| (四)政府信息公开专项经费 | 万元 | 496.5 |
"""


def _rows_with(separator: str) -> str:
    """PIPE_ROWS with its cells `separator` apart and no pipes (tabs of a copied page, spaces of PDF text)."""
    rows = [line.strip("| ").split(" | ") for line in PIPE_ROWS.splitlines() if not line.startswith("|---")]
    return "\n".join(separator.join(cell for cell in row if cell) for row in rows)


@pytest.mark.parametrize("table", [ONE_CELL_PER_LINE, PIPE_ROWS, _rows_with("\t"), _rows_with(" "), _rows_with("\n")],
                         ids=["one-cell-per-line", "pipe-rows", "tabs", "spaces", "one-cell-per-line-no-pipes"])
def test_pre2019_table_layouts(table: str) -> None:
    got = {(o.indicator, o.value) for o in extract_observations(table, CITY) if o.source == "table"}
    assert got == {("A.3.1", 687), ("A.3.1.1", 199), ("A.4", 97), ("A.4.1", 60), ("A.4.2", 17), ("A.5", 197),
                   ("A.5.2", 2), ("A.8.4", 496.5)}


@pytest.mark.parametrize(
    "header",
    ["| 统计指标 | 单位 | 2016年 | 2017年 | 增减 |", "| 统计指标 | 单位 | 本年数 | 上年数 | 同比增减 |",
     "| 统计指标 | 单位 | 2017年度 | 2016年度 | 增长率 |"],
)
def test_a_table_setting_two_years_side_by_side_gives_the_reports_own_year(header: str) -> None:
    this_first = not header.split(" | ")[2].startswith("2016")
    rows = [("（一）收到申请数", "件", 102, 88), ("四、行政复议数量", "件", 5, 3)]
    table = "\n".join([header] + [
        f"| {label} | {unit} | {this if this_first else last} | {last if this_first else this} | {this - last} |"
        for label, unit, this, last in rows])
    got = [(o.indicator, o.value) for o in extract_observations(table, CITY, 2017) if o.source == "table"]
    assert got == [("A.3.1", 102), ("A.4", 5)]


@pytest.mark.parametrize(
    ("label", "context", "notation"),
    [
        ("(一)收到申请数", None, "A.3.1"),
        ("其中:主要负责同志参加新闻发布会次数", None, "A.2.2.1.1"),
        ("1.专职人员数(不包括政府公报及政府网站工作人员数)", None, "A.8.3.1"),
        ("不是《条例》所指政府信息", None, "A.3.3.4.5"),
        ("(二)被依法纠错数", "A.4", "A.4.2"),
        # a row named without the 数 the format ends it in, and its unit in brackets
        ("其中：当面申请（件）", None, "A.3.1.1"),
        ("网上申请", None, "A.3.1.3"),
        ("(二)被依法纠错数", "A.5", "A.5.2"),
        ("本年新收政府信息公开申请数量", None, "N.3.1"),
        # a local template's names of the cases' rows: the cause written out, 数 for 数量
        ("五、因政府信息公开申请提起行政诉讼数", None, "A.5"),
        ("因政府信息公开被申请行政复议数", None, "A.4"),
        ("因政府信息公开工作被举报投诉数", None, "A.6"),
        ("行政诉讼数", None, "A.5"),
        ("因政府信息公开申请提起的数", None, None),
        ("与指标无关的一行", None, None),
    ],
)
def test_row_labels_map_by_meaning(label: str, context: str | None, notation: str | None) -> None:
    assert map_label(label, context) == notation


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # request handling as prose in the 2019 and 2021 formats' words
        ("本机关共收到政府信息公开申请216件，上年结转12件。其中，予以公开90件，部分公开23件，不予公开6件，"
         "无法提供76件，不予处理8件，其他处理7件。结转下年度继续办理18件。", 2022,
         [("N.3.1", 216), ("N.3.2", 12), ("N.3.3.1", 90), ("N.3.3.2", 23), ("N.3.3.3", 6), ("N.3.3.4", 76),
          ("N.3.3.5", 8), ("N.3.3.6", 7), ("N.3.4", 18)]),
        # the same words in a pre-2019 report take that table's rows where it has them
        ("共收到政府信息公开申请216件，上年结转12件。其中，予以公开90件，部分公开23件。", 2017,
         [("A.3.1", 216), ("N.3.2", 12), ("A.3.3.2", 90), ("A.3.3.3", 23)]),
        # review results after the review they belong to; lawsuits have no single total after 2019
        ("因政府信息公开被申请行政复议2件，其中维持1件，纠正1件；被提起行政诉讼1件，结果维持1件。", 2020,
         [("N.4.5", 2), ("N.4.1", 1), ("N.4.2", 1), ("A.5", 1), ("A.5.1", 1)]),
        # review results as 维持原行政行为; lawsuits broken down by route, as the 2019 and 2021 tables do
        ("行政复议案件12件，其中维持原行政行为8件，纠正2件。行政诉讼案件7件，其中未经复议直接起诉5件，复议后起诉2件。", 2020,
         [("N.4.5", 12), ("N.4.1", 8), ("N.4.2", 2), ("A.5", 7), ("N.4.10", 5), ("N.4.15", 2)]),
        # normative documents made this year: one row in each format, linked A = B = C
        ("主动公开政府信息12345条，其中制发行政规范性文件18件。", 2022, [("A.1.1", 12345), ("C.2.2.1", 18)]),
        ("主动公开政府信息12345条，其中制发行政规范性文件18件。", 2019, [("A.1.1", 12345), ("B.2.2.1", 18)]),
        ("主动公开政府信息12345条，其中制发行政规范性文件18件。", 2016, [("A.1.1", 12345), ("A.1.1.2", 18)]),
        # a breakdown in parentheses starts clauses of its own; 新收 is the 2019 and 2021 formats' row
        # (the outer 收到 figure stays what the report calls it: the requests it received)
        ("全年共收到政府信息公开申请165件（其中本年新收申请160件，上年结转5件）。", 2021,
         [("N.3.1", 165), ("N.3.1", 160), ("N.3.2", 5)]),
        ("全年新收政府信息公开申请数量为245件，上年结转8件。", 2020, [("N.3.1", 245), ("N.3.2", 8)]),
        ("结转至下一年度继续办理8件，转入下一年度办理2件。", 2020, [("N.3.4", 8), ("N.3.4", 2)]),
        # the reasons under 不予公开, 无法提供 and 不予处理, stated in prose (the tables' sub-rows)
        ("收到申请50件。不予公开3件（其中属于国家秘密1件，保护第三方合法权益2件），无法提供12件（其中本机关不掌握"
         "相关政府信息9件，没有现成信息需要另行制作2件，补正后申请内容仍不明确1件），不予处理4件（其中信访举报投诉类"
         "申请2件，重复申请2件）。", 2020,
         [("N.3.1", 50), ("N.3.3.3", 3), ("N.3.3.3.1", 1), ("N.3.3.3.4", 2), ("N.3.3.4", 12), ("N.3.3.4.1", 9),
          ("N.3.3.4.2", 2), ("N.3.3.4.3", 1), ("N.3.3.5", 4), ("N.3.3.5.1", 2), ("N.3.3.5.2", 2)]),
        ("属于三类内部事务信息1件，属于四类过程性信息2件，属于行政执法案卷3件，属于行政查询事项1件，要求提供公开出版物1件，"
         "无正当理由大量反复申请2件，要求行政机关确认或重新出具已获取信息1件。", 2021,
         [("N.3.3.3.5", 1), ("N.3.3.3.6", 2), ("N.3.3.3.7", 3), ("N.3.3.3.8", 1), ("N.3.3.5.3", 1),
          ("N.3.3.5.4", 2), ("N.3.3.5.5", 1)]),
        # the pre-2019 reasons, and the two that the later formats keep under their own words
        ("不同意公开4件，其中涉及国家秘密1件，涉及商业秘密1件，涉及个人隐私1件，危及国家安全、公共安全、经济安全和"
         "社会稳定0件，不是《条例》所指政府信息1件。", 2016,
         [("A.3.3.4", 4), ("A.3.3.4.1", 1), ("A.3.3.4.2", 1), ("A.3.3.4.3", 1), ("A.3.3.4.4", 0), ("A.3.3.4.5", 1)]),
        ("不予公开3件，其中危及“三安全一稳定”2件，涉及国家秘密1件。", 2022,
         [("N.3.3.3", 3), ("N.3.3.3.3", 2), ("N.3.3.3.1", 1)]),
        # 不属于本机关 is the row, not the scope 本机关
        ("已答复32件，信息不存在3件，不属于本机关公开范围2件。", 2016, [("A.3.3", 32), ("A.3.3.6", 3), ("A.3.3.5", 2)]),
        # how a request ended, said after its figure, in the format with rows for it
        ("共受理申请12件，10件按时办结，2件延期答复。", 2017, [("A.3.1", 12), ("A.3.2.1", 10), ("A.3.2.2", 2)]),
        ("已办结1198件，其余5件延期办结。", 2016, [("A.3.2", 1198), ("A.3.2.2", 5)]),
        ("受理申请12件，均已按时办结。", 2017, [("A.3.1", 12)]),
        # the meetings of the format by their usual names
        ("召开政务公开工作推进会2次，领导小组会议1次。", 2017, [("A.9.1", 2), ("A.9.1", 1)]),
        ("市重点项目全部公开，累计召开调度会48次，项目推进会12次。", 2017, []),  # meetings on other work
        # a channel named by how the request was handed in, and a grant named 公开 alone among the replies
        ("共受理申请34件，其中通过网络提交28件，当面提交6件。", 2017, [("A.3.1", 34), ("A.3.1.3", 28), ("A.3.1.1", 6)]),
        ("答复34件，其中公开28件，部分公开3件，不予公开1件，信息不存在2件。", 2017,
         [("A.3.3", 34), ("A.3.3.2", 28), ("A.3.3.3", 3), ("A.3.3.4", 1), ("A.3.3.6", 2)]),
        # last year's figure beside this year's is no figure of this report
        ("受理申请102件（2016年为88件）。", 2017, [("A.3.1", 102)]),
        ("2017年共收到申请102件，2016年收到88件。", 2017, [("A.3.1", 102)]),
        ("收到政府信息公开申请102件，同比上升15.9%，上年同期为88件。", 2017, [("A.3.1", 102)]),
        # ... but a year in a cited title dates nothing, and 上年结转 is a row of its own
        ("落实《2016年政务公开工作要点》共公开信息120条。", 2017, [("A.1.1", 120)]),
        ("上年结转申请3件。", 2021, [("N.3.2", 3)]),
        # figures after 分别 stand for the items of the list before it, one each
        ("共受理申请32件，其中当面、网络、信函申请分别为5件、20件、7件。", 2017,
         [("A.3.1", 32), ("A.3.1.1", 5), ("A.3.1.3", 20), ("A.3.1.4", 7)]),
        ("通过政府网站、政务微博、政务微信分别公开信息3000条、500条、400条。", 2017,
         [("A.1.2.2", 3000), ("A.1.2.3", 500), ("A.1.2.4", 400)]),
        ("行政复议、行政诉讼分别为2件、1件。", 2017, [("A.4", 2), ("A.5", 1)]),
        ("专职、兼职人员分别为3人和12人。", 2017, [("A.8.3.1", 3), ("A.8.3.2", 12)]),
        # ... and one figure after 各 is each item's
        ("共受理申请14件，其中当面申请10件，传真、信函申请各2件。", 2017,
         [("A.3.1", 14), ("A.3.1.1", 10), ("A.3.1.2", 2), ("A.3.1.4", 2)]),
        ("行政复议、行政诉讼各1件。", 2017, [("A.4", 1), ("A.5", 1)]),
        # a clause that only totals its figure counts what the clause before names
        ("各单位确定了信息公开工作人员，共计128人。", 2017, [("A.8.3", 128)]),
        ("全年受理政府信息公开申请，共计12件。", 2017, [("A.3.1", 12)]),
        # the press, broadcasting and notice boards are the format's 其他方式
        ("通过报刊、广播、电视等媒体公开政府信息156条。", 2017, [("A.1.2.5", 156)]),
        # … and a newspaper named by its title; its count is no total
        ("二是通过县电视台、《右江日报》等媒体公开信息264条。", 2016, [("A.1.2.5", 264)]),
        # the total named 总数, interpretations without a noun after them, replies to requests
        ("主动公开政府信息总数为3659条，比上年增长23%。", 2017, [("A.1.1", 3659)]),
        ("发布政策解读42篇，其中图解15篇。", 2017, [("A.2.2.3", 42)]),
        ("全年共计答复政府信息公开申请28件。", 2017, [("A.3.3", 28)]),
        # reviews and lawsuits counted before the words that name them, and their one result
        ("2件行政复议案件均已结案，均维持原行政行为。", 2017, [("A.4", 2), ("A.4.1", 2)]),
        ("全年发生1起行政诉讼案件，法院判决驳回原告诉讼请求。", 2017, [("A.5", 1), ("A.5.1", 1)]),
        # staff full-time and part-time together are all the staff
        ("配备专兼职工作人员56名。", 2017, [("A.8.3", 56)]),
        ("配备专职和兼职人员共30人。", 2017, [("A.8.3", 30)]),
        # a figure in another unit before the total of the same subject: the issues, then the items
        ("政府公报公开36期共计412条。", 2017, [("A.1.2.1", 412)]),
        ("通过政府公报公开信息36期，共计312条。", 2017, [("A.1.2.1", 312)]),
        # the pre-2019 format's last reason for a refusal
        ("不同意公开4件（其中涉及个人隐私2件，法律法规规定的其他情形1件）。", 2017,
         [("A.3.3.4", 4), ("A.3.3.4.3", 2), ("A.3.3.4.6", 1)]),
        # responses in other ways; replies to netizens' messages are no response to a hot topic
        ("通过其他方式回应事件12次。", 2017, [("A.2.2.5", 12)]),
        ("全年共回应网民关切问题2300余条。", 2017, []),
        # the row a clause names only through the words before its colon, in the report's own format
        ("（一）行政规范性文件：本年制发5件，废止2件，现行有效38件。", 2022, [("C.2.2.1", 5), ("C.2.2.2", 2), ("C.2.2.3", 38)]),
        ("（三）行政处罚：本年处理决定218件；行政强制：本年处理决定3件。", 2022, [("C.2.6.1", 218), ("C.2.6.2", 3)]),
        ("（四）行政事业性收费：本年收费金额12.5万元。", 2022, [("C.2.8.1", 12.5)]),
        # the 2019 format's rows of normative documents and of procurement, told in prose
        ("本年新制作规范性文件6件，新公开6件，对外公开总数量52件。", 2019, [("B.2.2.1", 6), ("B.2.2.2", 6), ("B.2.2.3", 52)]),
        ("政府集中采购项目36个，采购总金额4521.6万元。", 2019, [("B.2.10.1", 36), ("B.2.10.2", 4521.6)]),
        ("政府集中采购项目36个，采购总金额4521.6万元。", 2022, []),
        # a running total since some year is not the year's figure; the year's part after it is
        ("截至2012年底，累计主动公开政府信息56321条，其中2012年新增公开8563条。", 2012, [("A.1.1", 8563)]),
        # the year's part after it says a total is a running one, 截至 or not; 新增 alone is what it added
        ("全市累计主动公开政府信息56万条，其中2012年新增12.3万条。", 2012, [("A.1.1", 123000)]),
        ("截至2012年底，累计主动公开政府信息56万条，其中本年度新增12.3万条。", 2012, [("A.1.1", 123000)]),
        ("受理申请50件，其中新增45件。", 2012, [("A.3.1", 50)]),
        ("自2008年《条例》实施以来，累计受理申请356件。", 2012, []),
        ("全年累计公开信息5701条。", 2012, [("A.1.1", 5701)]),
        # outcomes said after their figures
        ("全年共受理政府信息公开申请5件，其中4件予以公开，1件告知不属于本机关公开范围。", 2015,
         [("A.3.1", 5), ("A.3.3.2", 4), ("A.3.3.5", 1)]),
        ("受理申请6件，其中3件予以公开，2件信息不存在，1件告知通过其他途径办理。", 2015,
         [("A.3.1", 6), ("A.3.3.2", 3), ("A.3.3.6", 2), ("A.3.3.8", 1)]),
        # requests replied to, and replied to in time
        ("收到申请56件，办理答复55件。", 2017, [("A.3.1", 56), ("A.3.3", 55)]),
        ("收到申请56件，按时答复55件。", 2017, [("A.3.1", 56), ("A.3.2.1", 55)]),
        # one result said of all the cases of two counts in a row is each count's
        ("全年因政府信息公开引起行政复议2件，行政诉讼1件，均维持原行政行为。", 2017,
         [("A.4", 2), ("A.4.1", 2), ("A.5", 1), ("A.5.1", 1)]),
        ("行政复议2件，行政诉讼1件，结果为维持。", 2017, [("A.4", 2), ("A.5", 1), ("A.5.1", 1)]),
        # money put in, where its sentence says the money is the disclosure work's
        ("将政府信息公开工作经费纳入财政预算，全年投入18万元。", 2017, [("A.8.4", 18)]),
        ("全年投入18万元用于网站改版。", 2017, []),
        # a figure in another unit after the row's own is not the row's: the people who asked
        ("收到申请12件共计15人次。", 2017, [("A.3.1", 12)]),
        # the documents made, then how many of them were published
        ("全年制发规范性文件12件，主动公开12件。", 2017, [("A.1.1.2", 12), ("A.1.1.1", 12)]),
        # the format's own label written out in prose
        ("主动公开规范性文件23条，制发规范性文件总数23件。", 2017, [("A.1.1.1", 23), ("A.1.1.2", 23)]),
        # places counted in 处
        ("设立政府信息公开查阅场所36处。", 2017, [("A.8.2", 36)]),
        # thousands grouped by spaces, as PDFs print them
        ("全年主动公开政府信息12 356条。", 2017, [("A.1.1", 12356)]),
        # tens of thousands in Chinese numerals
        ("主动公开政府信息一万二千余条。", 2017, [("A.1.1", 12000)]),
        # a department's journal is another way, and never the total
        ("在《江西水利》刊物上公开信息120条。", 2016, [("A.1.2.5", 120)]),
        ("全年主动公开政府信息3000条，其中在《江西水利》杂志上公开120条。", 2016,
         [("A.1.1", 3000), ("A.1.2.5", 120)]),
        ("通过新闻媒体发布解读信息30条。", 2017, [("A.2.2.3", 30)]),
        # the results of reviews and lawsuits in an aside after their count: said after each figure,
        # or once for all of them
        ("行政复议3件（2件维持，1件纠错）。", 2017, [("A.4", 3), ("A.4.1", 2), ("A.4.2", 1)]),
        ("提起行政诉讼2件（1件驳回原告诉讼请求，1件被依法纠错）。", 2017, [("A.5", 2), ("A.5.1", 1), ("A.5.2", 1)]),
        # 涉及 said once for the reasons listed after it
        ("不同意公开3件（涉及国家秘密1件、商业秘密2件）。", 2017, [("A.3.3.4", 3), ("A.3.3.4.1", 1), ("A.3.3.4.2", 2)]),
        ("因政府信息公开申请行政复议2件（均维持原具体行政行为），提起行政诉讼1件（法院驳回原告诉讼请求）。", 2017,
         [("A.4", 2), ("A.4.1", 2), ("A.5", 1), ("A.5.1", 1)]),
        # ... or in the clause after it, the result alone
        ("因政府信息公开申请引发行政复议1件，维持原具体行政行为；引发行政诉讼0件。", 2018,
         [("A.4", 1), ("A.4.1", 1), ("A.5", 0)]),
        # ... but a result's label with a count of its own after a colon is not the result of all
        ("四、行政诉讼数量：1件（被依法纠错数：0件）", 2017, [("A.5", 1), ("A.5.2", 0)]),
        # ... nor a result the words give the other kind of case, nor one of no case at all
        ("行政复议案件1件，行政诉讼案件0件，复议结果为维持原行政行为。", 2017, [("A.4", 1), ("A.5", 0)]),
        ("行政诉讼1件，诉讼结果为维持。", 2017, [("A.5", 1), ("A.5.1", 1)]),
        # an aside naming the one part all of a total is
        ("不同意公开的1件（属于国家秘密），不属于本行政机关公开范围的3件。", 2017,
         [("A.3.3.4", 1), ("A.3.3.4.1", 1), ("A.3.3.5", 3)]),
        ("不予公开2件（涉及商业秘密）。", 2017, [("A.3.3.4", 2), ("A.3.3.4.2", 2)]),
        ("行政复议1件（维持原具体行政行为）。", 2017, [("A.4", 1), ("A.4.1", 1)]),
        # ... not a part it includes, nor several parts, nor what the cases were about
        ("主动公开政府信息1234条（含规范性文件）。", 2017, [("A.1.1", 1234)]),
        ("不予公开3件（涉及国家秘密、商业秘密）。", 2017, [("A.3.3.4", 3)]),
        ("收到申请20件（主要涉及征地拆迁）。", 2017, [("A.3.1", 20)]),
        # none stated with the cause first: 未因…
        ("未因政府信息公开申请收取任何费用。", 2017, [("A.7", 0)]),
        # requests counted before the verb that names them; 依申请公开 is not 主动公开
        ("全年共有23人次提出政府信息公开申请。", 2017, [("A.3.1", 23)]),
        ("有3人提出行政复议申请。", 2017, []),
        ("依申请公开信息23条。", 2017, []),
        # normative documents published, with or without 主动; not those put out for comment
        ("公开规范性文件36件，公开人事任免信息56条。", 2017, [("A.1.1.1", 36)]),
        ("公开征求意见的规范性文件15件。", 2017, []),
        # results in other words: 撤销 corrects, 驳回 upholds; 一审判决 before the one result
        ("因政府信息公开引起的行政复议案件2起，其中维持1起，撤销1起。", 2017, [("A.4", 2), ("A.4.1", 1), ("A.4.2", 1)]),
        ("行政诉讼2件，其中驳回1件，撤销1件。", 2017, [("A.5", 2), ("A.5.1", 1), ("A.5.2", 1)]),
        ("发生政府信息公开行政诉讼案件1起，一审判决驳回原告诉讼请求。", 2017, [("A.5", 1), ("A.5.1", 1)]),
        # a request channel's own words need no total before them
        ("其中当面申请3件、网络申请4件、信函申请1件。", 2017, [("A.3.1.1", 3), ("A.3.1.3", 4), ("A.3.1.4", 1)]),
        ("当面申请行政复议1件。", 2017, [("A.4", 1)]),
        # the staff of the bodies just counted
        ("全县共有政府信息公开工作机构23个，工作人员56人，其中专职12人，兼职44人。", 2017,
         [("A.8.1", 23), ("A.8.3", 56), ("A.8.3.1", 12), ("A.8.3.2", 44)]),
        # complaints received after the requests are not a share of them
        ("共收到政府信息公开申请56件，比上年增长12%。收到举报投诉2件。", 2017, [("A.3.1", 56), ("A.6", 2)]),
        ("共收到申请56件，其中市本级收到30件，县区收到申请26件。", 2017, [("A.3.1", 56), ("A.3.1", 30), ("A.3.1", 26)]),
        # requests by letter (来信) and in person (来访, 现场) are the format's 信函 and 当面 channels
        ("共收到申请46件（其中网上申请30件、来信申请10件、来访申请6件）。", 2017,
         [("A.3.1", 46), ("A.3.1.3", 30), ("A.3.1.4", 10), ("A.3.1.1", 6)]),
        ("共受理申请20件，其中来信申请2件，现场申请18件。", 2018, [("A.3.1", 20), ("A.3.1.4", 2), ("A.3.1.1", 18)]),
        # what a channel's accounts published is the channel's, not the total
        ("全县共有政务微博12个，发布信息3200余条；政务微信公众号8个，推送信息1100多条。", 2018,
         [("A.1.2.3", 3200), ("A.1.2.4", 1100)]),
        ("开通政务微博3个，全年主动公开政府信息21563条。", 2017, [("A.1.1", 21563)]),
        # requests concluded 本年度 are the later formats' total of results; rules repealed in 2020 too
        ("上年结转政府信息公开申请6件，本年度办结305件，结转下年度继续办理13件。", 2020,
         [("N.3.2", 6), ("N.3.3.7", 305), ("N.3.4", 13)]),
        ("本年度制发规章2件，废止规章1件。", 2020, [("B.2.1.1", 2), ("C.2.1.2", 1)]),
        # replies late, and what is already public answered with where to find it
        ("按时答复50件，延期答复5件。", 2016, [("A.3.2.1", 50), ("A.3.2.2", 5)]),
        ("属于已主动公开范围的，告知申请人获取途径10件。", 2016, [("A.3.3.1", 10)]),
        # the principal leaders (主要负责同志, the mayor, not a deputy) go on into a clause without a subject
        ("主要负责同志参加新闻发布会5次，参加在线访谈3次。", 2017, [("A.2.2.1.1", 5), ("A.2.2.2.1", 3)]),
        ("市长参加在线访谈1次，出席新闻发布会2次。", 2017, [("A.2.2.2.1", 1), ("A.2.2.1.1", 2)]),
        ("全年举办在线访谈12期，参加在线访谈的部门30个。", 2017, [("A.2.2.2", 12)]),
        # permits handled are their decisions; permit applications received are no requests for information
        ("全年共受理政府信息公开申请45件，受理行政许可申请1.3万件，办理行政许可事项1.2万件。", 2022,
         [("N.3.1", 45), ("C.2.5.1", 12000)]),
        # the principal leaders' second event, listed after a 、; online interviews by other names
        ("主要负责同志参加新闻发布会3次、在线访谈2次。全年举办新闻发布会12场、在线访谈6期。组织网络访谈活动4次。", 2017,
         [("A.2.2.1.1", 3), ("A.2.2.2.1", 2), ("A.2.2.1", 12), ("A.2.2.2", 6), ("A.2.2.2", 4)]),
        # requests carried over, however the year is named, and why one was carried on
        ("收到申请30件，结转上年度申请3件。", 2022, [("N.3.1", 30), ("N.3.2", 3)]),
        ("加上上一年度结转的申请3件，共办理33件。其中2件因未到答复期限结转下年度办理。", 2022, [("N.3.2", 3), ("N.3.4", 2)]),
        # the table's rows of other outcomes, named in full
        ("行政复议其他情形1件，行政诉讼其他情形2件。", 2017, [("A.4.3", 1), ("A.5.3", 2)]),
        # a review's one result, said as what the review decided
        ("因政府信息公开申请引起行政复议一起，经复议维持原行政行为。", 2018, [("A.4", 1), ("A.4.1", 1)]),
        # the 2019 format's rows of documents and decisions, named in full after other figures
        ("本年度新制作规范性文件12件，新公开规范性文件12件，对外公开规范性文件总数156件。", 2019,
         [("B.2.2.1", 12), ("B.2.2.2", 12), ("B.2.2.3", 156)]),
        ("全年办理行政许可事项处理决定5230件，行政处罚决定1500件。", 2019, [("B.2.5.3", 5230), ("B.2.7.3", 1500)]),
        # the results' total after them, and the 2021 format's other handlings by their short names
        ("予以公开236件，部分公开89件，不予公开23件，无法提供125件，不予处理18件，其他处理28件，总计519件。", 2022,
         [("N.3.3.1", 236), ("N.3.3.2", 89), ("N.3.3.3", 23), ("N.3.3.4", 125), ("N.3.3.5", 18), ("N.3.3.6", 28),
          ("N.3.3.7", 519)]),
        ("其他处理7件，其中逾期不补正5件，逾期未缴纳费用0件。", 2022, [("N.3.3.6", 7), ("N.3.3.6.1", 5), ("N.3.3.6.2", 0)]),
        # the official rows' names that hold a 、 are read whole (the 、 ends no clause within them)
        ("其他处理20件，其中申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请15件，"
         "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请2件。", 2022,
         [("N.3.3.6", 20), ("N.3.3.6.1", 15), ("N.3.3.6.2", 2)]),
        ("不予公开10件，其中涉及国家秘密3件，危及国家安全、公共安全、经济安全和社会稳定的2件。", 2017,
         [("A.3.3.4", 10), ("A.3.3.4.1", 3), ("A.3.3.4.4", 2)]),
        # interpretations published, by any verb or under the bare row name; the leaders' own part has no row
        ("开展政策解读30次。", 2017, [("A.2.2.3", 30)]),
        ("全年主动公开政府信息3256条，其中政策解读56篇。", 2017, [("A.1.1", 3256), ("A.2.2.3", 56)]),
        ("共发布解读材料30篇，主要负责同志带头解读政策5次。", 2017, [("A.2.2.3", 30)]),
        # complaints about the disclosure work, the two words a list apart (a consumer hotline's are not)
        ("全年共收到对政府信息公开工作的举报、投诉2件。", 2016, [("A.6", 2)]),
        ("12315消费者申诉举报指挥中心全年共受理投诉、举报、咨询共计24190件。", 2016, []),
        # a part set apart by words before 的 is no second figure of its row
        ("共设置政府信息公开查阅点28个，其中设在档案馆的查阅点12个。", 2017, [("A.8.2", 28)]),
        # the reviews 政府信息公开方面 are all of them, not one area's
        ("全市共收到关于政府信息公开方面的行政复议申请2起，行政诉讼1起。", 2018, [("A.4", 2), ("A.5", 1)]),
    ],
)
def test_narrative_figures_in_the_reports_format(text: str, year: int, expected: list[tuple[str, float]]) -> None:
    found = [(o.indicator, o.value) for o in extract_observations(text, CITY, year) if o.indicator]
    assert found == expected


@pytest.mark.parametrize(
    ("issuer", "text", "expected"),
    [
        # one department's part of a government's figure is no row of its report
        ("桂林市人民政府", "全市共收到政府信息公开申请356件，其中，市国土资源局收到申请45件，市住建局收到申请30件。",
         [("A.3.1", 356)]),
        ("桂林市人民政府", "全市主动公开政府信息5632条，其中市教育局公开520条。", [("A.1.1", 5632)]),
        # but the department's own report is its own, and the body that runs disclosure speaks for the city
        ("桂林市教育局", "市教育局全年主动公开信息520条。", [("A.1.1", 520)]),
        ("桂林市人民政府", "市政务服务中心组织政府信息公开培训3次。", [("A.9.2", 3)]),
    ],
)
def test_a_departments_part_of_a_governments_figure(issuer: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert [(o.indicator, o.value) for o in extract_observations(text, CITY, 2017, issuer) if o.indicator] == expected


def test_a_reports_table_decides_its_format_before_its_year() -> None:
    # a report on 2019 that still fills in the pre-2019 table: its prose keeps that table's rows
    text = "全市共收到政府信息公开申请687件。\n" + PIPE_ROWS
    narrative = [o.indicator for o in extract_observations(text, CITY, 2019) if o.source == "narrative"]
    assert narrative == ["A.3.1"]


NOTED_ROWS = """统 计 指 标
单位
统计数
一、主动公开情况
——
——
（一）主动公开政府信息数
（不同渠道和方式公开相同信息计1条）
条
3256
其中：主动公开规范性文件数
条
45
二、回应解读情况
——
——
（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）
次
12
1.参加或举办新闻发布会总次数
次
6
"""


def test_a_note_under_a_row_label_is_part_of_the_row_not_prose() -> None:
    """The official pre-2019 table puts a note with a figure of its own (计1条) under two row labels;
    on its own line or joined to the label by PDF line repair, it neither ends the table nor
    becomes the row's label, and its 1 is no figure."""
    got = [(o.indicator, o.value, o.source) for o in extract_observations(NOTED_ROWS, CITY) if o.indicator]
    assert got == [("A.1.1", 3256, "table"), ("A.1.1.1", 45, "table"), ("A.2.1", 12, "table"),
                   ("A.2.2.1", 6, "table")]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # an autonomous region's own level, and a municipality that is a province (北京市: 全市, 市级部门)
        ("450000", "全区共主动公开政府信息215,321条，其中自治区本级主动公开12,345条。",
         [("A.1.1", 215321, "全区"), ("A.1.1", 12345, "自治区本级")]),
        ("110000", "2018年，全市共主动公开政府信息68万余条，市级部门主动公开3.2万条。",
         [("A.1.1", 680000, "全市"), ("A.1.1", 32000, "市本级")]),
        # a municipality's districts, and a level marker that names a lower or a higher place
        ("110000", "市级部门主动公开政府信息3.2万条，各区主动公开政府信息64.8万条，区级部门收到申请500件。",
         [("A.1.1", 32000, "市本级"), ("A.1.1", 648000, "下级政府"), ("A.3.1", 500, "下级政府")]),
        ("110000", "市级行政机关收到申请8563件，区级行政机关收到申请23437件。",
         [("A.3.1", 8563, "市本级"), ("A.3.1", 23437, "下级政府")]),
        ("440300", "全市共受理申请15000宗，其中市直部门受理3000宗，各区受理12000宗。",
         [("A.3.1", 15000, "全市"), ("A.3.1", 3000, "市本级"), ("A.3.1", 12000, "下级政府")]),
        # 各县 of 各县（市、区）: the parenthesis after a share's marker is its name's, no clause break
        ("451300", "全市共主动公开政府信息52361条，其中市本级主动公开21035条，各县（市、区）主动公开31326条。",
         [("A.1.1", 52361, "全市"), ("A.1.1", 21035, "市本级"), ("A.1.1", 31326, "下级政府")]),
        ("450000", "区直各部门公开信息3000条，市级部门公开信息600条。",
         [("A.1.1", 3000, "自治区本级"), ("A.1.1", 600, "下级政府")]),
        # a province's own departments, and the cities and counties below it
        ("430000", "全省共收到申请31025件，其中省直部门收到2560件，市州及以下收到28465件。",
         [("A.3.1", 31025, "全省"), ("A.3.1", 2560, "省本级"), ("A.3.1", 28465, "下级政府")]),
        ("430000", "2016年，省政府门户网站发布信息3.2万条，省人民政府办公厅受理申请135件。",
         [("A.1.2.2", 32000, "省本级"), ("A.3.1", 135, "省本级")]),
        ("450000", "自治区直属各部门公开信息3.5万条，市县两级公开信息20万条，各设区市受理申请900件。",
         [("A.1.1", 35000, "自治区本级"), ("A.1.1", 200000, "下级政府"), ("A.3.1", 900, "下级政府")]),
        # the governments below the reporting one: neither the whole nor its own level
        ("431102", "全区共主动公开政府信息3,456条，区本级公开1,200条，各乡镇（街道）公开2,256条。",
         [("A.1.1", 3456, "全区"), ("A.1.1", 1200, "区本级"), ("A.1.1", 2256, "下级政府")]),
        ("431100", "全市共受理申请100件，各县区受理60件。", [("A.3.1", 100, "全市"), ("A.3.1", 60, "下级政府")]),
        ("450300", "市属部门公开信息1500条，县（区）公开信息8000条。",
         [("A.1.1", 1500, "市本级"), ("A.1.1", 8000, "下级政府")]),
        # ... within their sentence: the next one speaks of the whole again
        ("431100", "全市共受理申请100件，各县区受理60件。全年主动公开政府信息3456条。",
         [("A.3.1", 100, "全市"), ("A.3.1", 60, "下级政府"), ("A.1.1", 3456, "全市")]),
        ("431100", "各县区共受理申请60件。其中网上申请40件。", [("A.3.1", 60, "下级政府"), ("A.3.1.3", 40, "下级政府")]),
        # ... but towns and departments together are everyone
        ("431102", "2018年，各乡镇、各部门共主动公开政府信息3,456条。", [("A.1.1", 3456, "全区")]),
        ("431100", "市级各部门和各县区共主动公开信息12100条。", [("A.1.1", 12100, "全市")]),
        ("431121", "乡镇和县直部门累计主动公开政府信息2256条，县本级和各乡镇共受理申请12件。",
         [("A.1.1", 2256, "全县"), ("A.3.1", 12, "全县")]),
        ("431121", "全县共主动公开政府信息3456条，其中县直部门公开1200条，乡镇（街道）公开2256条。",
         [("A.1.1", 3456, "全县"), ("A.1.1", 1200, "县本级"), ("A.1.1", 2256, "下级政府")]),
        # 市直各部门 is the city's own level; 县区 after 其中 the governments below, with or without 各
        ("431100", "市直各部门共主动公开政府信息3200条，各县（区）共主动公开政府信息8900条。",
         [("A.1.1", 3200, "市本级"), ("A.1.1", 8900, "下级政府")]),
        ("431100", "全市共受理政府信息公开申请176件，其中市直部门受理56件，县区受理120件。",
         [("A.3.1", 176, "全市"), ("A.3.1", 56, "市本级"), ("A.3.1", 120, "下级政府")]),
        # a province's report names its prefectures 市（州）
        ("510000", "全省共受理申请2.1万件。其中，省级部门受理3126件，市（州）受理8752件，县（市、区）受理9213件。",
         [("A.3.1", 21000, "全省"), ("A.3.1", 3126, "省本级"), ("A.3.1", 8752, "下级政府"), ("A.3.1", 9213, "下级政府")]),
    ],
)
def test_scope_by_level(code: str, text: str, expected: list[tuple[str, float, str]]) -> None:
    region = gazetteer().get(code)
    assert [(o.indicator, o.value, o.scope) for o in extract_observations(text, region) if o.indicator] == expected


@pytest.mark.parametrize(
    ("year", "text", "expected"),
    [
        # the 2021 format's normative documents in prose: made, repealed, in force
        (2021, "2021年，我市共制发行政规范性文件15件，废止3件，现行有效128件。",
         [("C.2.2.1", 15, None), ("C.2.2.2", 3, None), ("C.2.2.3", 128, None)]),
        # decisions on licences, penalties and coercive measures, in the row of the report's format
        (2021, "全年作出行政许可决定12,356件，行政处罚决定1,021件，行政强制决定33件。",
         [("C.2.5.1", 12356, None), ("C.2.6.1", 1021, None), ("C.2.6.2", 33, None)]),
        (2020, "全年作出行政许可决定12,356件。", [("B.2.5.3", 12356, None)]),
        # fees collected in money: a row of the 2021 format only (the 2019 one counts items)
        (2022, "本年度行政事业性收费金额12.5万元。", [("C.2.8.1", 12.5, None)]),
        (2020, "本年度行政事业性收费金额12.5万元。", []),
        # requests by who asked: shares of the total, kept with their applicant type
        (2020, "全年共收到政府信息公开申请95件，其中自然人申请87件，法人或其他组织申请8件。",
         [("N.3.1", 95, None), ("N.3.1", 87, "自然人"), ("N.3.1", 8, "法人或其他组织")]),
        (2020, "本年新收政府信息公开申请95件，其中自然人87件，商业企业5件。",
         [("N.3.1", 95, None), ("N.3.1", 87, "自然人"), ("N.3.1", 5, "商业企业")]),
        # a citizen (公民) who asks is a natural person
        (2017, "共受理申请87件，其中公民申请80件，法人申请7件。",
         [("A.3.1", 87, None), ("A.3.1", 80, "自然人"), ("A.3.1", 7, "法人或其他组织")]),
        # requests counted without 收到/受理, or with a long subject between the verb and 申请
        (2017, "全年共收到公民、法人和其他组织提出的政府信息公开申请236件。", [("A.3.1", 236, None)]),
        (2017, "全年政府信息公开申请236件，均已按期答复。", [("A.3.1", 236, None)]),
        (2017, "共受理依申请公开236件，答复236件。", [("A.3.1", 236, None), ("A.3.3", 236, None)]),
        (2017, "全年办结政府信息公开申请236件。", [("A.3.2", 236, None)]),
        # the outcome said after the figure; 结转至 the year after the report's is this year's carry-over,
        # 结转至 the report's own year last year's; two counts in one unit are two things (3件结转…)
        (2022, "全年共收到政府信息公开申请412件，其中137件予以公开，37件部分公开，2件正在办理中。",
         [("N.3.1", 412, None), ("N.3.3.1", 137, None), ("N.3.3.2", 37, None), ("N.3.4", 2, None)]),
        (2022, "共收到申请412件，办结409件，3件结转至2023年办理。",
         [("N.3.1", 412, None), ("N.3.3.7", 409, None), ("N.3.4", 3, None)]),
        (2022, "2021年结转至2022年办理的申请5件，本年度结转至2023年继续办理的申请3件。",
         [("N.3.2", 5, None), ("N.3.4", 3, None)]),
        (2022, "上年度结转申请2件，结转至2022年办理的申请1件。", [("N.3.2", 2, None), ("N.3.2", 1, None)]),
        # the total a sentence's parts belong to, named before its colon
        (2021, "（二）行政复议：结果维持1件，结果纠正0件，尚未审结0件，总计1件。",
         [("N.4.1", 1, None), ("N.4.2", 0, None), ("N.4.4", 0, None), ("N.4.5", 1, None)]),
        # rules made, repealed and in force, and the bare 废止 and 现行有效 after them
        (2022, "全年制定规章2件，废止1件，现行有效35件。制发行政规范性文件18件，废止7件。",
         [("C.2.1.1", 2, None), ("C.2.1.2", 1, None), ("C.2.1.3", 35, None), ("C.2.2.1", 18, None),
          ("C.2.2.2", 7, None)]),
        (2020, "全年共新制发规章2件，现行有效规章35件。", [("B.2.1.1", 2, None), ("B.2.1.3", 35, None)]),
        # the request table's rows written out: the row before its colon, an applicant's column before each figure
        (2022, "本年新收政府信息公开申请数量：自然人190件，商业企业20件，其他0件，总计216件。",
         [("N.3.1", 190, "自然人"), ("N.3.1", 20, "商业企业"), ("N.3.1", 0, "其他"), ("N.3.1", 216, "总计")]),
        (2022, "三、本年度办理结果：（三）不予公开：1.属于国家秘密：自然人0件，法人和其他组织1件，合计1件。",
         [("N.3.3.3.1", 0, "自然人"), ("N.3.3.3.1", 1, "法人或其他组织"), ("N.3.3.3.1", 1, "总计")]),
        (2017, "收到申请数：自然人10件。", [("A.3.1", 10, "自然人")]),  # the pre-2019 row, as a share of it
        # the review table written out: each route of the lawsuits leads its results and its total
        (2022, "行政诉讼：未经复议直接起诉：结果维持2件，结果纠正0件，其他结果0件，尚未审结1件，总计3件；"
               "复议后起诉：结果维持1件，总计1件。",
         [("N.4.6", 2, None), ("N.4.7", 0, None), ("N.4.8", 0, None), ("N.4.9", 1, None), ("N.4.10", 3, None),
          ("N.4.11", 1, None), ("N.4.15", 1, None)]),
        # a row of the Article 20 table written out as a sentence: the thing counted first, then each column
        (2020, "规章：本年新制作数量0件，本年新公开数量0件，对外公开总数量15件。",
         [("B.2.1.1", 0, None), ("B.2.1.2", 0, None), ("B.2.1.3", 15, None)]),
        (2020, "行政许可上一年项目数量120项，本年增/减-3项，处理决定数量5230件。",
         [("B.2.5.1", 120, None), ("B.2.5.2", -3, None), ("B.2.5.3", 5230, None)]),
        (2022, "（二）行政处罚：本年处理决定数量1500件。规章本年制发2件。", [("C.2.6.1", 1500, None), ("C.2.1.1", 2, None)]),
        (2020, "第二十条第（六）项：行政强制上一年项目数量20项，处理决定数量40件。", [("B.2.8.1", 20, None), ("B.2.8.3", 40, None)]),
        (2020, "2019年上一年项目数量120项。", []),  # no thing counted: no row
        # decisions listed after one named in full, each by the bare kind of action and counted in 件
        (2020, "行政许可处理决定12563件，行政处罚3125件，行政强制256件。",
         [("B.2.5.3", 12563, None), ("B.2.7.3", 3125, None), ("B.2.8.3", 256, None)]),
        (2022, "行政处罚决定3125件，行政强制256件。", [("C.2.6.1", 3125, None), ("C.2.6.2", 256, None)]),
        (2022, "行政强制事项25项。", []),  # the items of a kind of action, which the 2021 format does not count
        (2017, "行政处罚3125件。", []),  # no row of the pre-2019 format
        # a lawsuit's result is a row of its route in the later formats (the pre-2019 row without one)
        (2022, "被提起行政诉讼9件，其中未经复议直接起诉6件，结果维持4件，尚未审结2件；复议后起诉3件，结果纠正1件。",
         [("A.5", 9, None), ("N.4.10", 6, None), ("N.4.6", 4, None), ("N.4.9", 2, None), ("N.4.15", 3, None),
          ("N.4.12", 1, None)]),
        (2022, "行政诉讼案件6件，结果维持4件。", [("A.5", 6, None), ("A.5.1", 4, None)]),
        # the route and the result named together are the result's row, not the route's total; the results
        # after it that name no route are that route's
        (2022, "行政诉讼案件5件，其中未经复议直接起诉结果维持3件，尚未审结2件。",
         [("A.5", 5, None), ("N.4.6", 3, None), ("N.4.9", 2, None)]),
        (2022, "复议后起诉结果纠正1件，复议后起诉总计4件。", [("N.4.12", 1, None), ("N.4.15", 4, None)]),
        (2022, "未经复议直接起诉的行政诉讼5件，其中结果维持3件。", [("N.4.10", 5, None), ("N.4.6", 3, None)]),
        (2022, "未经复议直接起诉4件（均维持）。", [("N.4.10", 4, None), ("N.4.6", 4, None)]),
        # every lawsuit by one route: its total is that route's, and so are its results
        (2022, "行政诉讼案件6件，均为未经复议直接起诉，结果维持4件。", [("N.4.10", 6, None), ("N.4.6", 4, None)]),
        (2017, "被提起行政诉讼9件，其中结果维持4件。", [("A.5", 9, None), ("A.5.1", 4, None)]),
        # the later formats count requests concluded as the total of their handling results
        (2022, "上年结转申请35件，已办结1230件。全年共办结依申请公开1230件。",
         [("N.3.2", 35, None), ("N.3.3.7", 1230, None), ("N.3.3.7", 1230, None)]),
        (2017, "全年共办结依申请公开1230件。", [("A.3.2", 1230, None)]),
        # requests still open at the year's end are carried over in the formats that count them
        (2016, "受理申请120件，尚有2件正在办理中。", [("A.3.1", 120, None)]),
        # no lawsuit in the later formats is none by either route
        (2020, "全年共发生政府信息公开行政复议0件、行政诉讼0件。",
         [("N.4.5", 0, None), ("N.4.10", 0, None), ("N.4.15", 0, None)]),
        # the one result of all the cases counted, said without a figure of its own
        (2017, "全县发生行政诉讼1件，结果为维持具体行政行为。", [("A.5", 1, None), ("A.5.1", 1, None)]),
        (2017, "行政复议2件，均为维持具体行政行为。", [("A.4", 2, None), ("A.4.1", 2, None)]),
        (2017, "行政诉讼1件，法院判决维持原行政行为。", [("A.5", 1, None), ("A.5.1", 1, None)]),
        (2022, "行政复议2件，结果均为维持。", [("N.4.5", 2, None), ("N.4.1", 2, None)]),
        (2022, "发生行政复议1件，目前尚在审理中。", [("N.4.5", 1, None), ("N.4.4", 1, None)]),
        (2022, "收到行政复议申请1件，已审结，维持原具体行政行为。", [("N.4.5", 1, None), ("N.4.1", 1, None)]),
        (2022, "行政诉讼2件，均为未经复议直接起诉，结果均为驳回原告诉讼请求。",
         [("N.4.10", 2, None), ("N.4.6", 2, None)]),
        # … but not when the result has a count of its own, or is one of several
        (2022, "行政复议2件，维持1件，纠正1件。", [("N.4.5", 2, None), ("N.4.1", 1, None), ("N.4.2", 1, None)]),
        (2022, "行政复议3件，其中维持2件，纠正1件。", [("N.4.5", 3, None), ("N.4.1", 2, None), ("N.4.2", 1, None)]),
        (2022, "行政复议结果维持具体行政行为2件。", [("N.4.1", 2, None)]),
        (2017, "行政诉讼结果为驳回原告诉讼请求1件。", [("A.5.1", 1, None)]),
    ],
)
def test_rows_of_the_later_formats_and_shares_by_applicant(year: int, text: str,
                                                           expected: list[tuple[str, float, str | None]]) -> None:
    found = extract_observations(text, gazetteer().get("431100"), year)
    assert [(o.indicator, o.value, o.applicant_type) for o in found if o.indicator] == expected


@pytest.mark.parametrize(
    ("issuer", "text", "scope"),
    [
        ("湘阴县东塘镇人民政府", "2020年，全镇共主动公开政府信息256条。", "全镇"),  # a township reports on itself
        ("湘阴县东塘镇人民政府", "2020年，主动公开政府信息256条。", "全镇"),
        # no government below a township: its portal's figures are the township's as a whole
        ("湘阴县东塘镇人民政府", "2020年，通过政府门户网站主动公开政府信息156条。", "全镇"),
        ("湘阴县人民政府", "2020年，主动公开政府信息256条。", "全县"),
        # a street office governs its 街道 as a township government its township
        ("长沙市芙蓉区定王台街道办事处", "2017年，共主动公开政府信息326条。", "全街道"),
        ("长沙市芙蓉区定王台街道", "2017年，共主动公开政府信息326条。", "全街道"),
        # a development zone's committee reports on the zone, as a township on the township
        ("湘阴工业园区管委会", "2020年，我区共主动公开政府信息256条。", "全区"),
        ("湘阴工业园区", "2020年，主动公开政府信息256条。", "全区"),
        ("湘阴县教育局", "2020年，主动公开政府信息256条。", "本机关"),
        # in a department's report the government's portal is a channel the department publishes
        # through, not a scope; in the government's own report it is the government's own level
        ("湘阴县教育局", "2020年，我局通过县人民政府门户网站公开信息312条。", "本机关"),
        ("湘阴县人民政府", "2020年，全县通过县人民政府门户网站公开信息312条。", "县本级"),
        ("湘阴县人民政府", "2020年，县本级共收到政府信息公开申请23件。", "县本级"),
        # the government's full name as the report's author speaks for the county; with its departments,
        # or as its portal's owner, it is its own level
        ("湘阴县人民政府", "2020年，湘阴县人民政府认真贯彻落实《条例》，全年主动公开政府信息256条。", "全县"),
        ("湘阴县人民政府", "2020年，湘阴县人民政府及其部门共收到政府信息公开申请23件。", "县本级"),
        ("湘阴县人民政府", "2020年，县政府及其部门共收到政府信息公开申请23件。", "县本级"),
        ("湘阴县人民政府", "2020年，各乡镇人民政府及其部门共收到政府信息公开申请23件。", "下级政府"),
        ("湘阴县教育局", "2020年，我局共收到政府信息公开申请23件。", "本机关"),
        ("水利部", "2020年，通过水利部门户网站主动公开政府信息5238条。", "本机关"),  # a ministry
        ("湘阴县教育局", "2020年，县教育局本级主动公开政府信息856条。", "本机关"),  # 本级 of the bureau
    ],
)
def test_the_reporting_governments_own_jurisdiction(issuer: str, text: str, scope: str) -> None:
    (found,) = [o for o in extract_observations(text, gazetteer().get("430624"), 2020, issuer) if o.indicator]
    assert found.scope == scope


def test_a_prefecture_called_a_region_and_its_administrative_office() -> None:
    text = "2017年，地区本级主动公开政府信息3200条。受理申请12件。"
    found = extract_observations(text, gazetteer().get("653100"), 2017, "喀什地区行政公署")
    assert [o.scope for o in found if o.indicator] == ["地区本级", "地区本级"]
    found = extract_observations("受理申请12件。", gazetteer().get("653100"), 2017, "喀什地区行政公署")
    assert [o.scope for o in found if o.indicator] == ["全地区"]


def test_a_clause_starts_outside_an_aside_that_holds_no_figure() -> None:
    text = "市本级共受理申请56件，各县（市、区）共受理120件（其中网上申请100件、当面申请20件）。"
    quotes = [text[o.span.start : o.span.end] for o in extract_observations(text, CITY) if o.indicator]
    assert quotes == ["市本级共受理申请56件", "各县（市、区）共受理120件", "其中网上申请100件", "当面申请20件"]


@pytest.mark.parametrize(
    ("statement", "scope"),
    [
        ("统计范围为县人民政府本级。", "县本级"),
        ("统计范围包括县直各部门和各乡镇。", "全县"),  # both levels: the whole
        ("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。", "全县"),  # no range: the default
    ],
)
def test_the_range_a_report_states_is_its_figures_default_scope(statement: str, scope: str) -> None:
    text = f"{statement}\n一、总体情况\n2021年，主动公开政府信息2563条。\n"
    found = [o for o in extract_observations(text, gazetteer().get("430224"), 2021, "攸县人民政府") if o.indicator]
    assert [o.scope for o in found] == [scope]


_AROUND_MARKERS = ["(", ")", "（", "）", " ", "共", "公开", "受理", "12件", "各", "全", "本", "我"]


def _pieces_of(pattern: str) -> list[str]:
    """The words a marker's pattern is written with, whole and one character at a time."""
    words = re.findall(r"[\u4e00-\u9fff、（）()]+", pattern.replace("\\(", "(").replace("\\)", ")"))
    return sorted(set(words) | set("".join(words)) | set(_AROUND_MARKERS))


def test_every_scope_marker_match_holds_a_word_the_marker_needs() -> None:
    # the words let a paragraph without any of them skip the pattern: a match without one would be
    # lost. Every two of a pattern's words (or characters) in a row, each pattern against all texts.
    texts = {a + b for m in scope_markers() for a, b in product(_pieces_of(m.pattern.pattern), repeat=2)}
    for marker in scope_markers():
        for text in texts:
            for m in marker.pattern.finditer(text):
                assert any(word in m.group(0) for word in marker.needs), (marker.pattern.pattern, m.group(0))



@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"政府公报.{0,12}(?:信息|公开)$", "政府公报"),
        (r"(?:政府|门户)网站", "网站"),  # alternatives: what each of them holds
        (r"(?:政务)?微博|微博", "微博"),
        (r"a[bc]+d{2}e*", "ad"),  # a class holds no one character; a part that may be absent holds none
        (r"(?<=申请)受理(?!数)", "受理"),  # a lookaround is not part of the match
        (r"(?i)ab", ""),  # case ignored: no characters, no shortcut
        (r"x|y", ""),
    ],
)
def test_the_characters_every_match_of_a_pattern_holds(pattern: str, needed: str) -> None:
    assert required_characters(re.compile(pattern)) == frozenset(needed)


def test_every_narrative_rules_match_holds_the_characters_it_needs(samples: Path) -> None:
    # a clause without them skips the rule unsearched: a match without one would be a figure lost
    texts = [path.read_text(encoding="utf-8") for path in sorted(samples.glob("0*.txt"))]
    clauses = [re.split(r"[，,。；;：:\n]", text[: m.start()])[-1] for text in texts for m in FIGURE.finditer(text)]
    matched = 0
    for rule in narrative_rules():
        for clause in clauses:
            m = rule.phrase.search(clause) if rule.phrase is not None else None
            if m is not None:
                matched += 1
                assert rule.phrase_needs <= set(m.group(0)), (rule.notation, m.group(0))
    assert matched > 100  # the samples' clauses do meet the rules

@pytest.mark.parametrize(
    ("issuer", "text", "scope"),
    [
        # a township whose county the text never names still reports on itself
        ("大塘镇人民政府", "2020年，主动公开政府信息256条。", "全镇"),
        ("大塘镇人民政府", "2020年，全镇共主动公开政府信息256条。", "全镇"),
        # a county the gazetteer lacks (a new one, a new name): its kind still tells what 我县 means
        ("新城县人民政府", "2020年，我县共主动公开政府信息256条。", "全县"),
        ("新城县人民政府", "2020年，县本级共收到政府信息公开申请23件。", "县本级"),
        # no issuer either: the text's own word for the scope
        (None, "2020年，全县共主动公开政府信息256条。", "全县"),
    ],
)
def test_the_scope_of_a_report_whose_division_is_unknown(issuer: str | None, text: str, scope: str) -> None:
    (found,) = [o for o in extract_observations(text, None, 2020, issuer) if o.indicator]
    assert found.scope == scope
