"""Stage 4: `Extraction` → `DocumentGraph`, the triples of one source file's named graph.

Every extracted fact is a node of its own (a Citation, an Observation) with `prov:wasDerivedFrom`
a span node: an `oa:SpecificResource` of the original file whose `oa:TextPositionSelector` gives
the character offsets, and whose `prov:value` is the text at those offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from .agencies import Agency, AgencyMention, resolve_agency
from .docnumbers import parse_doc_number
from .model import CitationKind, CitedWork, DocumentPart, Extraction, Located, Observation, Problem, Region, Span
from .namespaces import (
    CITO,
    DCT,
    ELI,
    ID,
    KG,
    OA,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATT,
    SDMX_DIM,
    SKOS,
    XSD,
    agency_iri,
    digest,
    graph_iri,
    instance,
    region_iri,
    source_iri,
    work_iri,
)
from .policies import PolicyMention
from .regions import region_in, township_of
from .resolve import number_key, work_key_for_title
from .rules import check_figures, decimal_text
from .structure import innermost_sections, iso_date
from .tasks import Task
from .vocab import gazetteer

_Term = NamedNode | Literal | str  # a str is a term already in its N-Triples form

# Bumped whenever a release writes other triples for the same file (a new shape, or facts read
# better): an ingest maps a file again when its graph was written by another version, even if the
# file itself did not change. 2: spans in six triples; 3: a citing sentence stops at a line end;
# 4: a column's or one website's count is no total, channel counts without 信息.
# 5: a number in 【】 right after a title is that title's.
# 6: a title past a red header's front matter, or broken over lines; 根据… before an unquoted title.
# 7: 1,236条 is one figure; a government's own channel without a marker in its sentence is its own level;
#    a title ending in （2021年）; 发布单位 in a portal's header.
# 8: a pre-2019 table row's note is part of the row; tasks assigned by （…牵头，…配合） or 牵头单位：….
# 9: a title at the top is never joined to the next line; a department's report without its name in
#    the title is its compiler's (本报告由…编制) or its signatory's.
# 10: a table row written as a list (收到申请数：31件); 维持原行政行为; lawsuits by route; Big5, Latin-1 mojibake.
# 11: agency IRIs hold their region's code; a county's name under its prefecture's (北京市朝阳区人民政府)
#     resolves to the county's agency, and a shared county name to the one under the named prefecture.
# 12: prose rows for 官方微博/微信公众号, 回应关切, 查阅点, staff, leaders at press conferences, 微博微信回应.
# 13: a table whose values keep their units (收到申请数 | 31件) is read row by row, by label.
# 14: years and dates in characters (二〇二〇年); breadcrumbs dropped; a catalogue of 'key：value' lines;
#     a number beside its title without a parenthesis, or listed second after it; 其中市本级公开…条; 起;
#     every issuer of a joint document (the lead as eli:passed_by, the others kg:coIssuedBy); 年报;
#     request rows without their header row; １２，３５６;
#     a web page without a title line takes its <title>, and keeps a catalogue table outside its article;
#     a plan a notice forwards (关于转发…) is not the forwarding office's; 自治区本级, 市级部门, 各乡镇 (下级政府).
#     a portal's column tag before the title (【政府信息公开年报】) is not part of it; shares by applicant in
#     prose; the 2021 format's normative documents and decisions in prose; 黔东南州, 城步县 for autonomous areas;
#     a plan without a year in its title: the year it was signed, by its signatory; 2018—2020年 is 2018.
#     the own number after the title on its line, or under the signature; a title and its number in the
#     cells of a table row; 较上年 and 增加 are no year's figure; a township's report is about 全镇;
#     a web page laid out with tables keeps its prose (only tables of figures become rows); 〈title〉, <<title>>;
#     PDF text mostly of tables re-joins its wrapped prose; the site's name on a line is furniture; a
#     <title> that names who wrote a shorter title line goes above it;
#     国办发〔2016〕80号、81号 is two numbers; 国 办 发〔2017〕24号 is one.
# 15: the year's figure after a comparison (受理申请较上年增长25%，达150件); 接收/接到 requests; 信息不存在;
#     国办发〈2017〉24号; UTF-8 once read as GBK and saved again is restored (kg.mojibake).
# 16: in a department's report 我局 is 本机关, and the government's portal is a channel, not a scope;
#     the reasons under 不予公开/无法提供/不予处理 (and the pre-2019 不同意公开) in prose; 不属于本机关 is
#     a row, not the scope 本机关; 县领导参加新闻发布会; a figure's quote starts after the indentation.
# 17: 市直各部门 (own level); 县区 after 其中 (the governments below); 市级各部门和各县区 (everyone); a 、
#     inside an aside without figures (各县（市、区）) ends no clause; 乡镇 as a subject; 乡镇和县直部门.
# 18: 主动公开各类政府信息共计5689条; the table's row names as prose (其他方式公开政府信息数29801条);
#     电子邮件申请 (over the network); 非本机关信息.
# 19: 结转至下一年度 (N.3.4); 各类信息 is no part of the total; a figure listed after another in
#     another unit counts the same thing (通过政府公报公开信息36期、312条).
# 20: ministries and the State Council's bureaus are national issuers (水利部, 国家税务总局); an outcome
#     said after its figure (137件予以公开, 3件结转至2023年办理); 结转至 a year checked against the
#     report's; two counts in one unit listed one after the other are two things; a short name defined
#     in the number's parenthesis (国务院令第711号，以下简称《条例》), or only known, joins the numbered
#     citation of its title; 其实施细则 before a number is no title; 政务新媒体 is no total;
#     申请内容不明确 (A.3.3.7); 我县政府信息公开… names no county government; in a province's report
#     市州及以下, 市县两级, 各设区市 are the governments below, 自治区直属各部门 its own level;
#     任务清单 and 任务分解表 are plans; figures in characters past the hundreds (一千二百五十六条);
#     a clause saying none happened is a 0 of each row it names (未发生…行政复议、行政诉讼的情况);
#     a government's office that posted the government's report (发布机构) is not its issuer; a
#     prefecture's series cited in one of its counties is the prefecture's (岳政办函 in 湘阴县); figures
#     in 宗, 条次, 件次 and 元 (fees in 元 given in 万元); the fees charged in prose (A.7); a level
#     marker naming a lower place is the governments below (区级部门, 各区 in 北京市's report);
#     行政事业性收费金额 in prose (C.2.8.1, the 2021 format only); 本级 in a department's report
#     is the department itself; a request table with fewer applicant columns (自然人 | 法人或其他组织 |
#     总计) reads them from its header; 行政复议：结果维持1件… (the total named before a colon); a
#     review table laid out a part a row (行政复议 | 1 | 0 | 0 | 0 | 1); a plan or notice that names no
#     issuer is its own number's issuer's; a byte a GBK misreading lost before a known one is one that
#     makes no pair with it (一、 no longer restored as 三、 at a line start); a guessed heading numeral
#     (一) follows the headings before it.
# 21: a township's report is about the township (横店镇, under its county), and its figures are 全镇
#     at its own level too; no lawsuit is none filed directly and none after a review in the 2019 and
#     2021 formats (N.4.10, N.4.15); 您当前的位置：… is a breadcrumb; 任务分工 titles a plan; a table
#     cell of / — - holds its column's place without a value (not under the old table's 单位 header);
#     requests concluded (办结, 共办结依申请公开) are the later formats' 总计 of handling results (N.3.3.7);
#     县政府及其部门 and 市政府各部门 are the government's own level (各县区政府及其部门 still the ones below);
#     a place named only inside a title's 《》 is the cited document's, not the document's region;
#     a portal's note after a title (（全文）) is no part of it; an issuer after the title's year;
#     省政府门户网站 and 省人民政府办公厅 are a province's own level; a channel's figure that is a part
#     of a total before it (其中通过政府网站…, 1、政府公报…) shares the total's scope; 受理的申请中，
#     当面申请12件… (the total named before 中，) are the requests' channels; 省、市2019年…要点 before
#     two numbers titles neither; 《信息公开条例》 is the disclosure regulation; 国务院令711号 without 第;
#     a lawsuit's result after its route (未经复议直接起诉6件，结果维持4件) is the route's row (N.4.6);
#     rules (规章) made, repealed and in force in prose (B.2.1, C.2.1); a 地区 is governed by its
#     行政公署 (全地区, 地区本级); the governments below (各县区) are a scope within their sentence only;
#     an aside between what a figure counts and the figure (主动公开政府信息（含…）15632条); 场次;
#     the range a report states for its figures (统计范围为县人民政府本级) is their default scope;
#     从申请方式看，当面申请12件… (the requests' channels); 附件1 above a title is no part of it;
#     认真, 严格 … before the verb citing an unquoted title are no part of the title; 行政诉讼6件，
#     均为未经复议直接起诉 is that route's total (N.4.10) in the later formats; a 盟 is governed by its 行政公署;
#     a sentence starting 其中 goes on with the governments below that the one before it named.
# 22: a catalogue's 名称 is the title; the bodies of the 2018 reorganisation (卫健委, 市场监管局 …) and
#     政务公开办 are agencies; a case count's one result said without a figure (结果为维持…) is that
#     result's row too; 收到行政复议申请 is a review, not a request; no lawsuit in the later formats is
#     none by either route; a channel named before a sentence's colon is what its figure counts; a
#     table row whose label a PDF broke over two lines is quoted from its first line.
# 23: divisions created or renamed after the gazetteer's snapshot (宜州区, 荔浦市, 那曲市 …) are regions.
# 24: a figure in 条 is no count of press conferences; a channel's share (新闻发布会等方式, 公开栏) is no
#     scope's total; 其中规范性文件8件, 申请信息不明确的, 工作机构1个 are their rows; a notice without a
#     signature takes its date line; 国务院第711号令 is a decree; government-services and data bureaus
#     are agencies; a deadline or frequency after who does a task is the task's, and 6月底 is the 30th;
#     为贯彻落实 before an unquoted title is no part of it; 县（市、区） is the governments below.
# 25: a share named by its scope alone (其中市本级42件) is a part of its total, and 市（州） the governments
#     below; 行政复议维持… is a result; a byline's 发布时间 is the publication date; 赣府厅字 and 自治区办公厅桂政办发
#     keep or lose their prefixes rightly, 川办发 is 四川's government office; a notice issuing 《A》和《B》 has
#     both as attachments; a 完成时限 field is a task's deadline, 各县（市、区）人民政府 one collective;
#     lossy Windows-1252 mojibake is restored.
# 26: a plan's table of tasks gives a task a row, its headers the roles; a table laid on its side, or
#     setting two years side by side (its own year's column read), is read; an earlier year's figure
#     and two channels with one figure are no row; results in an aside after their count (3件（2件维持…）);
#     5件延期办结; 公民 is 自然人; 报刊 and 公开栏 are 其他方式; ，共计128人 counts the clause before;
#     a development zone issues its report and its figures are 全区; …年度报告编制…的通知 is a notice;
#     figures after 分别 or 各 stand for the items of the list before them; 举报投诉数量为0 is a zero; a plan
#     naming no issuer is its government office's; 《…> is closed as 《…》; page marks are dropped.
# 27: a list of cited documents shares the verb before its first; a township's or a street office's
#     report is its government's (全镇, 全街道); a sentence or a number broken by a line before its figure
#     is rejoined; label（条）：1234 rows and one-cell-a-line rows with units are read as a table's; a
#     title before the site's name (…_某市人民政府门户网站) or after an account's (柳州发布 | …) is the title;
#     a notice signed without a date has its issuer; an aside naming the one part of a total
#     (1件（属于国家秘密）) gives it the total; results in other words (撤销, 驳回, 一审判决…); （国办发〔2017〕24）
#     is a number; complaints after requests are no share of them; 23人次提出申请 counts requests.
# 28: a department's journal is 其他方式; 无 in a value cell is 0; a leader's share of the event its own
#     clause names; 36期共计412条 is the gazette's items; 法律法规规定的其他情形 under a refusal; a forwarded
#     plan is issued by the issuer of the notice it came with, and the forwarding notice implements it; a
#     city named before its district, a shared district name placed by the text's city, a province's own
#     district-level division named alone; reviews counted before their name; 专兼职 staff are all staff;
#     总数, 政策解读 and 答复…申请 read; a row naming its unit before a colon is a table alone; local decree
#     series (省政府令) with one identity; 及其实施细则; one department's part of a government's figure maps
#     onto no indicator; a portal's toolbar is clutter; hard-wrapped lines rejoined more safely; an unquoted
#     joint document keeps both issuers; more national issuer codes; a table on its side one cell a line.
# 29: 无 in space-separated rows; 报表 titles; a website is no issuer; 一万二千 and 12 356 read whole; 其他方式
#     回应 (A.2.2.5); places in 处; 主动公开12件 after 制发规范性文件; a figure in another unit after the row's own
#     is not the row's; 投入…万元 where the sentence names the work's funds; rows named without 数; one result
#     for two counts of cases (均维持); 办理答复, 按时答复; 市级行政机关, 市属部门, 县（区） as scopes; a title broken
#     after its issuers' names; a browser's print lines dropped from PDFs; tasks in a table one cell a line and
#     in 【】 clauses; the Party committee's bodies and bodies written in full as agencies; 中办发（2016年）8号;
#     政务公开…规划 is a plan of its period's first year; a line is a site's name only after a place's name;
#     a title with its date or its number beside it; 【key】 and spaced catalogues; titles over up to five lines;
#     a title and its number a line apart; the 2019 format's rows in prose; a clause's row named before its colon;
#     outcomes after their figures; running totals since some year unmapped; responsibility on two lines, a
#     完成时限 line, 由…牵头 sentences.
# 30: PDF and wrapped text rejoined as the page laid it out (glosses counted, sentences across pages, a quote or
#     parenthesis at the edge, whole headings kept apart, a twice-given title line no longer dropped as a header);
#     PDF tables where the page has them; catalogue values past empty cells; a 相关链接 list dropped; a report's
#     author the one its title names; no bare title opening with 的.
# 31: a document number broken inside its serial or its year joined; a clause after a task's words that says who
#     does it (…，由各乡镇负责，6月底前完成。) assigns the task and may say when.
# 32: a page that lost its line breaks gets them back before its headings.
# 33: a heading garbled with a stray comma (六,、) starts a line for the joining of wrapped lines too.
# 34: a cited work's issuer named before its title (自治区党委办公厅、…《…》（厅发〔2016〕42号）) or opening it,
#     resolved in the citing document's region: the jurisdiction of a code that names no place; provincial Party
#     offices in full.
# 35: a township named after a report's leading year; provincial 厅 forms of departments; a review's or a
#     lawsuit's result named with 中 (行政复议中维持…), and the results after it kept in its family.
# 36: a table's row label a PDF wrapped in its cell, the values on its first, a middle or its last line; a row's
#     note wrapped over lines (…相同 | 信息计1条）) no prose that ends the table.
# 37: a header a PDF wrapped in narrow cells (本年新制 | 作数量), two label columns wrapped side by side, a row name
#     the columns complete (其他对外管理服务 | 事项).
# 38: PDF: a table's row is never joined to the line after it as wrapped prose; a bare number is a page number only
#     on the page's edge; a catalogue's 标题 a PDF wrapped onto the next line.
# 39: a code whose first character abbreviates the citing city and a province it lies outside is the city's
#     (青政发 in 青岛市); the narrative before a second number (号文件和, 号通知和) no part of its code; 办函/办电
#     are the party office's; a newspaper named by title (《右江日报》等媒体) is 其他方式; a web page's lists of
#     links to other pages (相关文章, breadcrumbs, pagers) are no part of its text; a PDF font's radical glyphs
#     (⼯, ⻓) read as the characters they stand for; more prose forms of the pre-2019 rows; a table giving each
#     scope a column (全市 | 市本级) gives each value its column's scope.
# 40: requests by letter or in person (来信, 来访, 现场); a channel's accounts' count before what they
#     published; a part set apart by 其中…的; 各县（市、区） after 其中 keeps its scope; 本年度办结, 延期答复,
#     告知获取途径, 经复议维持, the principal leaders in a clause without a subject, the results' 总计, 举报、投诉;
#     the 2019 format's rows in full in prose; an untitled text stating a report's figures is a report;
#     两办《意见》 and 国办《实施细则》 cited; a metadata table without colons; an outlet's name above a title, a PDF's
#     gaps in a title; invisible characters and HTML entities in copied text.
# 41: 3千 is 3000; the official rows' names that hold a 、 read whole; toneless pinyin glosses dropped; a
#     table's value cells kept in PDF text; a plan's items that name no one are tasks; a plan titled with
#     its years after its genre word; an untitled text that says it is a plan; A.2.2.3 by 开展 or its bare
#     name; 更新 a site's information; A.4.3/A.5.3 named in full; carried-over
#     requests in more words; the leaders' second event after a 、; an unplaced township's or county's
#     scope; the reporting government's full name is no own-level marker; an unassigned item's doers
#     named before 要; permits handled (办理行政许可事项), and permit applications no requests.
# 42: a generic series (市政办) is read in the kind of place it names or the place its citation names; the
#     staff and meetings rows with the table's 数; a local template's cases rows (因…提起行政诉讼数); a
#     lawsuit's route and result together (未经复议直接起诉结果维持), the route's results under its total;
#     bare 行政处罚/行政强制 decisions in the later formats; tables take the scope the prose gives their
#     figures; no rules or normative documents made is a zero; a running total with the year's part after it;
#     tab-separated rows are never wrapped prose; tables drawn in box characters; the later formats'
#     Article 20, request (by applicant) and review rows written out as sentences.
# 43: a title opening with the state's or a national body's name is one national work; a short line citing a
#     number in words (根据…号文件) is not the document's own number.
MAPPING_VERSION = "43"


@lru_cache(maxsize=1024)
def _nt(ns: str, local: str) -> str:
    """A vocabulary term in N-Triples form, rendered once: the mapping writes text, not term objects."""
    return f"<{ns}{local}>"


A = _nt(RDF, "type")
_ESTIMATED = "<http://purl.org/linked-data/sdmx/2009/code#obsStatus-E>"


@lru_cache(maxsize=8192)
def _instance_nt(*parts: str) -> str:
    """An instance's IRI in N-Triples form, for the codes (indicators, scopes) many figures share."""
    return str(instance(*parts))
PREF = _nt(SKOS, "prefLabel")
DATE = NamedNode(XSD + "date")
_INT_NT, _DEC_NT, _BOOL_NT = f"^^<{XSD}integer>", f"^^<{XSD}decimal>", f"^^<{XSD}boolean>"
# the escapes N-Triples requires inside a string literal (ECHAR), and nothing else
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _string_literal(value: str) -> str:
    # translate() is slow on CJK text, and most values need no escape at all
    return f'"{value.translate(_NT_ESCAPES)}"' if _NEEDS_ESCAPE.search(value) else f'"{value}"'

# N-Triples forms of the terms a span block uses, rendered once
_OA_SOURCE, _OA_SELECTOR = _nt(OA, "hasSource"), _nt(OA, "hasSelector")
_OA_POSITION, _OA_START, _OA_END = _nt(OA, "TextPositionSelector"), _nt(OA, "start"), _nt(OA, "end")
_PROV_VALUE = _nt(PROV, "value")

_CITATION_PROPERTY = {
    CitationKind.CITES: _nt(CITO, "cites"),
    CitationKind.AUTHORITY: _nt(CITO, "citesAsAuthority"),
    CitationKind.IMPLEMENTS: _nt(KG, "implements"),
}


@dataclass(frozen=True)
class DocumentGraph:
    """The named graph of one source file, as N-Triples in UTF-8."""

    graph: NamedNode
    source: NamedNode
    path: str
    sha256: str
    ntriples: bytes
    """Bytes, not text: what the loaders and the shards take, and what goes between the processes of a
    parallel ingest as it is (a string is encoded on the way and decoded again in the writer)."""

    @property
    def triples(self) -> tuple[Triple, ...]:
        """The triples as pyoxigraph terms, parsed on demand (for tests, SHACL, exports)."""
        return tuple(parse(self.ntriples, format=RdfFormat.N_TRIPLES))

    @property
    def text(self) -> str:
        """The N-Triples as text, for a SPARQL update."""
        return self.ntriples.decode("utf-8")

    def __len__(self) -> int:
        return self.ntriples.count(b"\n")  # one triple a line; newlines inside literals are escaped


class _Builder:
    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.src = ex.structure.text.source
        self.source = source_iri(self.src.sha256)
        self._source_nt = str(self.source)
        self._text_base = instance("text", self.src.sha256[:24]).value + "/"
        self.lines: list[str] = []
        self._described: set[tuple[str, ...]] = set()  # regions and agencies already written out
        self._canonical: dict[Agency, _Term] = {}

    def _first_time(self, *key: str) -> bool:
        if key in self._described:
            return False
        self._described.add(key)
        return True

    def add(self, s: _Term, p: _Term, o: _Term) -> None:
        # N-Triples text straight away: pyoxigraph's str() of a term is its N-Triples form
        self.lines.append(f"{s} {p} {o} .\n")

    def lit(self, s: _Term, p: _Term, value: str | int | float | bool | None,
            datatype: NamedNode | None = None) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool):
            self.add(s, p, f'"{"true" if value else "false"}"{_BOOL_NT}')
        elif isinstance(value, int):
            self.add(s, p, f'"{value}"{_INT_NT}')
        elif isinstance(value, float):
            self.add(s, p, f'"{decimal_text(value)}"{_DEC_NT}')
        elif datatype is not None:
            self.add(s, p, f"{_string_literal(value)}^^{datatype}")
        else:
            self.add(s, p, _string_literal(value))

    # ------------------------------------------------------------ spans

    def span(self, span: Span, *, normalized: bool = True) -> str:
        """The span's node, in N-Triples form, with its block of triples."""
        text = self.ex.structure.text
        src_span = text.source_span(span) if normalized else span
        raw = self.src.text
        start, end = src_span.start, src_span.end
        # '=' and ',' percent-encoded by hand: the same form instance() gives, without its cost
        iri = f"{self._text_base}char%3D{start}%2C{end}"
        n, pos = f"<{iri}>", f"<{iri}/position>"
        # one block per span, the hottest path of the mapping and more than half of the store. Six
        # triples, not the eleven of the full Web Annotation form: no rdf:type oa:SpecificResource
        # (oa:hasSource implies it), and the quote as the span's prov:value instead of a
        # TextQuoteSelector with oa:prefix/oa:suffix, which re-anchor a quote in a changed text
        # while the source's hash already pins the text these offsets point into
        block = (
            f"{n} {_OA_SOURCE} {self._source_nt} .\n{n} {_OA_SELECTOR} {pos} .\n"
            f"{n} {_PROV_VALUE} {_string_literal(raw[start:end])} .\n"
            f"{pos} {A} {_OA_POSITION} .\n{pos} {_OA_START} \"{start}\"{_INT_NT} .\n"
            f"{pos} {_OA_END} \"{end}\"{_INT_NT} .\n"
        )
        self.lines.append(block)
        return n

    def fact_node(self, kind: str, span: Span) -> str:
        """The IRI of a fact read at `span` (its kind, the file and the place in the original), in
        N-Triples form: what instance() makes of these parts, none of which needs escaping."""
        src_span = self.ex.structure.text.source_span(span)
        return f"<{ID}{kind}/{self.src.sha256[:24]}/{src_span.start}-{src_span.end}>"

    def evidence(self, subject: _Term, span: Span | None, prop: str = "wasDerivedFrom") -> None:
        if span is not None and span.end > span.start:
            self.add(subject, _nt(PROV, prop), self.span(span))

    # ------------------------------------------------------------ nodes

    def region(self, region: Region) -> NamedNode:
        node = region_iri(region.code)
        if not self._first_time("region", region.code):
            return node
        self.add(node, A, _nt(KG, "Region"))
        self.lit(node, PREF, region.name)
        self.lit(node, _nt(SKOS, "notation"), region.code)
        self.lit(node, _nt(KG, "level"), region.level)
        parent = gazetteer().parent(region)
        if parent is not None:
            self.add(node, _nt(SKOS, "broader"), region_iri(parent.code))
            self.lit(region_iri(parent.code), PREF, parent.name)
        return node

    @staticmethod
    def area(part: DocumentPart) -> Region | None:
        """The division a document is about: a township's (below the gazetteer) where its government
        issued it, else the one the text names."""
        return township_of(part.issuer.value if part.issuer else None, part.region) or part.region

    def agency(self, name: str, region: Region | None) -> NamedNode:
        region = region or region_in(name)  # the same agency whether or not its region was passed along
        node = agency_iri(name, region.code if region else None)
        if not self._first_time("agency", name, region.code if region else ""):
            return node
        self.add(node, A, _nt(ORG, "Organization"))
        self.lit(node, PREF, name)
        if region is not None:
            self.add(node, _nt(KG, "region"), self.region(region))
        return node

    def source_node(self) -> None:
        s = self.source
        self.add(s, A, _nt(KG, "SourceFile"))
        self.add(s, A, _nt(PROV, "Entity"))
        self.lit(s, _nt(KG, "fileName"), self.src.name)
        self.lit(s, _nt(KG, "path"), self.src.path)
        self.lit(s, _nt(KG, "sha256"), self.src.sha256)
        self.lit(s, _nt(KG, "mappingVersion"), MAPPING_VERSION)
        self.lit(s, _nt(KG, "encoding"), self.src.encoding)
        self.lit(s, _nt(DCT, "format"), self.src.media_type)
        self.lit(s, _nt(KG, "characterCount"), len(self.src.text))
        for i, problem in enumerate(self.ex.problems):
            self.problem(i, problem)

    def problem(self, i: int, problem: Problem) -> None:
        node = instance("problem", self.src.sha256[:24], str(i))
        self.add(self.source, _nt(KG, "problem"), node)
        self.add(node, A, _nt(KG, "Problem"))
        self.lit(node, _nt(KG, "problemCode"), problem.code)
        self.lit(node, _nt(RDFS, "comment"), problem.message)
        if problem.span is not None:
            self.add(node, _nt(PROV, "wasDerivedFrom"), self.span(problem.span, normalized=False))

    def document(self, part: DocumentPart, primary: bool) -> NamedNode:
        region = self.ex.structure.main.region
        if part.number is not None:
            parsed = parse_doc_number(part.number.value)
            node = work_iri(number_key(parsed, region)) if parsed else instance("doc", "src", self.src.sha256[:24])
        else:
            suffix = "main" if primary else f"part-{part.span.start}"
            node = instance("doc", "src", self.src.sha256[:24], suffix)
        self.add(node, A, _nt(KG, part.doc_type.value))
        self.add(node, _nt(KG, "sourceFile"), self.source)
        self.add(node, _nt(PROV, "wasDerivedFrom"), self.source)
        if primary:
            self.add(self.source, _nt(KG, "primaryDocument"), node)
        self.located(node, _nt(ELI, "title"), part.title)
        if part.title_inferred:
            self.lit(node, _nt(KG, "titleInferred"), True)
        if part.year is not None:
            self.lit(node, _nt(KG, "year"), int(part.year.value))
            self.evidence_of(node, "year", part.year)
        area = self.area(part)
        if area is not None:
            self.add(node, _nt(KG, "region"), self.region(area))
        issuers = [(part.issuer, _nt(ELI, "passed_by"))] if part.issuer is not None else []
        # the lead issuer of a joint document is its eli:passed_by, one row per document in listings
        issuers += [(other, _nt(KG, "coIssuedBy")) for other in part.co_issuers]
        for issuer, prop in issuers:
            known = resolve_agency(issuer.value, part.region)
            agency = self.canonical_agency(known) if known else self.agency(issuer.value, part.region)
            self.add(node, prop, agency)
            self.evidence_of(node, "issuer", issuer)
        self.located(node, _nt(ELI, "id_local"), part.number)
        for located, prop in ((part.date_written, "date_document"), (part.date_published, "date_publication")):
            if located is not None:
                iso = iso_date(located.value)
                if iso:
                    self.lit(node, _nt(ELI, prop), iso, DATE)
        self.lit(node, _nt(KG, "textStart"), self.ex.structure.text.source_span(part.span).start)
        self.lit(node, _nt(KG, "textEnd"), self.ex.structure.text.source_span(part.span).end)
        for section in part.sections:
            sec = instance("section", self.src.sha256[:24], ".".join(map(str, section.path)))
            self.add(node, _nt(KG, "hasSection"), sec)
            self.add(sec, A, _nt(KG, "Section"))
            self.lit(sec, _nt(KG, "heading"), section.heading)
            self.lit(sec, _nt(KG, "sectionPath"), ".".join(map(str, section.path)))
            self.lit(sec, _nt(KG, "level"), section.level)
            self.evidence(sec, section.span)
        return node

    def located(self, node: _Term, prop: _Term, located: Located | None) -> None:
        if located is None:
            return
        self.lit(node, prop, located.value)

    def evidence_of(self, node: NamedNode, what: str, located: Located) -> None:
        if located.span is None:
            return
        fact = instance("fact", self.src.sha256[:24], what, f"{located.span.start}")
        self.add(node, _nt(KG, "statedBy"), fact)
        self.lit(fact, _nt(KG, "aspect"), what)
        self.evidence(fact, located.span)

    def work(self, work: CitedWork) -> NamedNode:
        node = work_iri(work.key)
        self.add(node, A, _nt(ELI, "LegalResource"))
        self.lit(node, _nt(ELI, "title"), work.title)
        self.lit(node, _nt(ELI, "id_local"), work.number)
        if work.issuer:
            region = gazetteer().get(work.jurisdiction) if work.jurisdiction else None
            self.add(node, _nt(ELI, "passed_by"), self.agency(work.issuer, region))
            self.lit(node, _nt(KG, "issuerSource"), work.issuer_source)
        if work.jurisdiction:
            jurisdiction = gazetteer().get(work.jurisdiction)
            if jurisdiction is not None:
                self.add(node, _nt(KG, "jurisdiction"), self.region(jurisdiction))
        if work.suspect_code:
            self.lit(node, _nt(KG, "suspectedTypoOf"), work.suspect_code)
        for kind, inner in work.relations:
            # what a notice issues belongs to the notice's issuer; what it implements is someone else's
            scope = work.jurisdiction if kind == "issues" else None
            inner_node = work_iri(work_key_for_title(inner, self.ex.structure.main.region, scope))
            self.add(inner_node, A, _nt(ELI, "LegalResource"))
            self.lit(inner_node, _nt(ELI, "title"), inner)
            self.add(node, _nt(KG, kind), inner_node)
            relation = instance("relation", digest(f"{node.value}|{kind}|{inner_node.value}"))
            self.add(relation, A, _nt(KG, "TitleRelation"))
            self.add(relation, _nt(KG, "relationSource"), node)
            self.add(relation, _nt(KG, "relationTarget"), inner_node)
            self.lit(relation, _nt(KG, "relationKind"), kind)
            self.lit(relation, _nt(KG, "readFromTitle"), work.title)
        return node

    def citation(self, citing: NamedNode, work_node: NamedNode, work: CitedWork) -> None:
        for c in work.citations:
            node = self.fact_node("citation", c.span)
            self.add(node, A, _nt(KG, "Citation"))
            self.add(node, _nt(KG, "citingDocument"), citing)
            self.add(node, _nt(KG, "citedDocument"), work_node)
            self.add(node, _nt(KG, "sourceFile"), self.source)
            self.add(node, _nt(KG, "citationKind"), _CITATION_PROPERTY[c.kind])
            if c.number is not None:
                self.lit(node, _nt(KG, "numberAsWritten"), c.number.written)
                self.lit(node, _nt(KG, "docNumber"), c.number.normalized)
            self.lit(node, _nt(KG, "titleAsWritten"), c.title)
            self.lit(node, _nt(KG, "aliasUse"), c.alias)
            self.lit(node, _nt(KG, "definesAlias"), c.defines_alias)
            self.lit(node, _nt(KG, "quotedTitle"), c.quoted)
            self.evidence(node, c.span)
            self.add(node, _nt(KG, "sentence"), self.span(c.sentence))
            self.add(citing, _nt(CITO, "cites"), work_node)
            if c.kind is not CitationKind.CITES:
                self.add(citing, _CITATION_PROPERTY[c.kind], work_node)

    def observation_iri(self, i: int) -> NamedNode:
        return instance("obs", self.src.sha256[:24], f"{i:05d}")  # zero-padded: IRIs sort in reading order

    def quote(self, span: Span) -> str:
        src_span = self.ex.structure.text.source_span(span)
        return self.src.text[src_span.start : src_span.end]

    def findings(self) -> None:
        """What the audit rules find wrong with the report's figures, in the file's own graph."""
        observations = self.ex.observations
        iris = [self.observation_iri(i).value for i in range(len(observations))]
        for f in check_figures(observations, iris, [self.quote(o.span) for o in observations], self.src.name):
            node = instance("finding", digest(f"{f.rule}|{f.file}|{f.scope}|{f.expected}|{f.actual}|{f.observations}"))
            self.add(node, A, _nt(KG, "Finding"))
            self.lit(node, _nt(KG, "rule"), f.rule)
            self.lit(node, _nt(RDFS, "label"), f.label)
            self.lit(node, _nt(KG, "fileName"), f.file)
            self.lit(node, _nt(KG, "expected"), f.expected)
            self.lit(node, _nt(KG, "actual"), f.actual)
            self.lit(node, _nt(KG, "scopeLabel"), f.scope)
            for iri in f.observations:
                self.add(node, _nt(PROV, "wasDerivedFrom"), f"<{iri}>")

    def observation(self, dataset: _Term, obs: Observation, i: int, part: DocumentPart) -> None:
        # the figure's own IRI rendered once for its dozen triples; its codes' IRIs once per run
        node = str(self.observation_iri(i))
        self.add(node, A, _nt(QB, "Observation"))
        self.add(node, _nt(QB, "dataSet"), dataset)
        if obs.indicator:
            self.add(node, _nt(KG, "indicator"), _instance_nt("indicator", obs.indicator))
        self.lit(node, _nt(KG, "label"), obs.label)
        self.lit(node, _nt(KG, "value"), obs.value)
        self.lit(node, _nt(SDMX_ATT, "unitMeasure"), obs.unit)
        if obs.scope:
            self.add(node, _nt(KG, "scope"), _instance_nt("scope", obs.scope))
            if self._first_time("scope", obs.scope):
                self.lit(_instance_nt("scope", obs.scope), PREF, obs.scope)
        if obs.estimated:
            self.add(node, _nt(SDMX_ATT, "obsStatus"), _ESTIMATED)
        if obs.applicant_type:
            self.add(node, _nt(KG, "applicantType"), _instance_nt("applicant", obs.applicant_type))
            if self._first_time("applicant", obs.applicant_type):
                self.lit(_instance_nt("applicant", obs.applicant_type), PREF, obs.applicant_type)
        area = self.area(part)
        if area is not None:
            self.add(node, _nt(SDMX_DIM, "refArea"), _instance_nt("region", area.code))
        if part.year is not None:
            self.lit(node, _nt(SDMX_DIM, "refPeriod"), int(part.year.value))
        self.lit(node, _nt(KG, "extractedFrom"), obs.source)
        self.evidence(node, obs.span)
        # the quote again, directly on the figure: the canned queries read it without a path join
        self.lit(node, _nt(KG, "quote"), self.quote(obs.span))


    # ------------------------------------------------------------ agencies, tasks, policies

    def canonical_agency(self, agency: Agency) -> _Term:
        # an agency is mentioned many times a document: its triples are written the first time
        known = self._canonical.get(agency)
        if known is not None:
            return known
        node = self._canonical[agency] = self.agency(agency.name, agency.region)
        self.lit(node, _nt(KG, "agencyKind"), agency.kind)
        if agency.parent:
            parent_region = agency.region if agency.kind != "national" else None
            parent = self.agency(agency.parent, parent_region)
            self.add(node, _nt(ORG, "subOrganizationOf"), parent)
        return node

    def agency_mention(self, doc: NamedNode, mention: AgencyMention) -> None:
        agency = self.canonical_agency(mention.agency)
        node = self.fact_node("mention", mention.span)
        self.add(node, A, _nt(KG, "AgencyMention"))
        self.add(node, _nt(KG, "agency"), agency)
        self.add(node, _nt(KG, "inDocument"), doc)
        self.lit(node, _nt(KG, "written"), mention.written)
        self.evidence(node, mention.span)
        self.add(doc, _nt(KG, "mentionsAgency"), agency)

    def task(self, plan: NamedNode, task: Task) -> NamedNode:
        src_span = self.ex.structure.text.source_span(task.span)
        node = instance("task", self.src.sha256[:24], str(src_span.start))
        self.add(node, A, _nt(KG, "Task"))
        self.add(node, _nt(KG, "inPlan"), plan)
        self.lit(node, _nt(KG, "sectionPath"), ".".join(map(str, task.section_path)))
        self.lit(node, _nt(KG, "text"), task.text)
        self.lit(node, _nt(KG, "deadline"), task.deadline)
        self.lit(node, _nt(KG, "deadlineDate"), task.deadline_date, DATE)
        self.lit(node, _nt(KG, "frequency"), task.frequency)
        self.evidence(node, task.span)
        for a in task.assignments:
            assignment = self.fact_node("assignment", a.span)
            self.add(assignment, A, _nt(KG, "Assignment"))
            self.add(assignment, _nt(KG, "task"), node)
            self.lit(assignment, _nt(KG, "role"), a.role)
            self.lit(assignment, _nt(KG, "assignedTo"), a.written)
            self.evidence(assignment, a.span)
            if a.agency is not None:
                agency = self.canonical_agency(a.agency)
                self.add(assignment, _nt(KG, "agency"), agency)
                if a.role == "lead":
                    self.add(node, _nt(KG, "leadAgency"), agency)
        return node

    def policy_mention(self, container: list[NamedNode], mention: PolicyMention) -> None:
        policy = instance("policy", mention.policy.notation)
        node = self.fact_node("pmention", mention.span)
        self.add(node, A, _nt(KG, "PolicyMention"))
        self.add(node, _nt(KG, "policy"), policy)
        self.lit(node, _nt(KG, "written"), mention.written)
        self.evidence(node, mention.span)
        for about in container:
            self.add(about, _nt(KG, "about"), policy)
            self.add(node, _nt(KG, "inContext"), about)

    def quoted_term(self, doc: NamedNode, term_text: str, count: int) -> None:
        node = instance("term", self.src.sha256[:24], digest(term_text))
        self.add(node, A, _nt(KG, "QuotedTerm"))
        self.lit(node, _nt(KG, "term"), term_text)
        self.lit(node, _nt(KG, "count"), count)
        self.add(node, _nt(KG, "inDocument"), doc)


def _part_of(ex: Extraction, start: int) -> DocumentPart:
    for part in ex.structure.attachments:
        if part.span.start <= start < part.span.end:
            return part
    return ex.structure.main


def _map_agencies_tasks_policies(b: _Builder, ex: Extraction, parts: dict[int, NamedNode], main: NamedNode) -> None:
    for mention in ex.agencies:
        b.agency_mention(parts[id(_part_of(ex, mention.span.start))], mention)
    task_nodes = [(task, b.task(parts[id(_part_of(ex, task.span.start))], task)) for task in ex.tasks]
    task_starts = [task.span.start for task, _ in task_nodes]
    all_parts = (ex.structure.main, *ex.structure.attachments)
    positions = [m.span.start for m in ex.policies]
    innermost = {id(part): innermost_sections(part.sections, positions) for part in all_parts}
    for k, mention in enumerate(ex.policies):
        part = _part_of(ex, mention.span.start)
        containers = [parts[id(part)]]
        section = innermost[id(part)][k]
        if section is not None:
            containers.append(instance("section", b.src.sha256[:24], ".".join(map(str, section.path))))
        t = bisect_right(task_starts, mention.span.start) - 1
        if t >= 0 and mention.span.start < task_nodes[t][0].span.end:
            containers.append(task_nodes[t][1])
        b.policy_mention(containers, mention)
    for term_text, count in ex.quoted_terms:
        b.quoted_term(main, term_text, count)


def to_rdf(ex: Extraction) -> DocumentGraph:
    """Map one file's extraction onto the ontology."""
    b = _Builder(ex)
    b.source_node()
    main = b.document(ex.structure.main, primary=True)
    parts = {id(ex.structure.main): main}
    for att in ex.structure.attachments:
        node = b.document(att, primary=False)
        parts[id(att)] = node
        b.add(main, _nt(ELI, "has_part"), node)
        b.add(node, _nt(ELI, "is_part_of"), main)
    for work in ex.works:
        node = b.work(work)
        citing_parts = {id(_part_of(ex, c.span.start)) for c in work.citations}
        for pid in citing_parts:
            cs = tuple(c for c in work.citations if id(_part_of(ex, c.span.start)) == pid)
            b.citation(parts[pid], node, replace(work, citations=cs))
    _map_agencies_tasks_policies(b, ex, parts, main)
    if ex.observations:
        dataset = str(instance("dataset", ex.structure.text.source.sha256[:24]))
        b.add(dataset, A, _nt(QB, "DataSet"))
        b.add(dataset, _nt(KG, "reportOf"), main)
        b.add(dataset, _nt(QB, "structure"), NamedNode(KG + "ReportStatistics"))
        for i, obs in enumerate(ex.observations):
            b.observation(dataset, obs, i, _part_of(ex, obs.span.start))
        b.findings()
    return DocumentGraph(
        graph=graph_iri(b.src.path),
        source=b.source,
        path=b.src.path,
        sha256=b.src.sha256,
        ntriples="".join(dict.fromkeys(b.lines)).encode("utf-8"),
    )
