"""Every regular expression the pipeline uses, in one place.

Each alternation carries a comment saying which real-world form it accepts, so that a
reader can tell why a branch exists before deleting it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Character class body for CJK ideographs (extension A, unified, compatibility)."""

CN_DIGIT = "〇○零Ｏ一二三四五六七八九"
"""Digits of a year written in characters; 〇 has the look-alikes ○ (circle), 零 and a full-width O."""

YEAR = (
    r"(?:(?:19|20)\d{2}"  # 2017
    rf"|(?:一九|二[〇○零Ｏ])[{CN_DIGIT}]{{2}})"  # 二〇一七, 二○一七, 二零一七: formal titles and signatures
)
"""A year of the documents' era, in figures or in characters; `arabic_year` reads either."""


_Trie = dict[str, "_Trie"]  # one character a level; "" marks the end of a word


def literal_alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest one where several match at a place.

    Built as a trie (湘潭市|湘潭县 → 湘潭(?:市|县)): Python's `re` tries a flat alternation's
    branches one by one at every position, which made a gazetteer of 3,000 names the slowest part
    of the pipeline. Continuations come before the end of a word, so the longest match wins and
    a failing lookahead after the group still backtracks to the shorter words, as a flat
    longest-first alternation would.
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render_trie(trie)


def _render_trie(node: _Trie) -> str:
    branches = [re.escape(char) + _render_trie(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def required_characters(pattern: re.Pattern[str]) -> frozenset[str]:
    """Characters that every match of `pattern` contains, read from its parse tree: a text without one
    of them cannot match, which a set test tells far sooner than a search that fails. Empty (no test)
    where the pattern ignores case or its tree cannot be read."""
    if pattern.flags & re.IGNORECASE:
        return frozenset()
    try:
        parser = importlib.import_module("re._parser")  # the parser of `re` itself; private, hence the fallback
        return frozenset(_required_in(parser.parse(pattern.pattern), importlib.import_module("re._constants")))
    except Exception:  # an unreadable tree only costs the shortcut, never a match
        return frozenset()


def _required_in(items: Any, c: Any) -> set[str]:
    needed: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            needed.add(chr(arg))
        elif op is c.SUBPATTERN and not arg[1] & re.IGNORECASE:  # (group, flags added, flags removed, body)
            needed |= _required_in(arg[3], c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:  # (least, most, body)
            needed |= _required_in(arg[2], c)
        elif op is c.ATOMIC_GROUP:
            needed |= _required_in(arg, c)
        elif op is c.BRANCH:  # (None, alternatives): what all of them need
            needed |= set.intersection(*(_required_in(a, c) for a in arg[1]))
        # anything else (a class, a lookaround, a back reference) requires no one character
    return needed

# ---------------------------------------------------------------- normalization

PINYIN_GLOSS = re.compile(
    # the parenthesis first, so that the engine skips ahead to one; then what stands before it
    r"[(（](?<=[^\sA-Za-z(（][(（])"  # after a character (also a garbled one), never after a latin word
    # a pinyin syllable: latin letters with at least one tone-marked vowel (kāi, bào, ǚ)
    r"(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}"
    r"[)）]"
)
"""A pinyin reading glued after a character by a 'with pinyin' web widget: 公開(kāi)."""
_PINYIN_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_PINYIN_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve"
    r"|a|o|e|i|u|v|ü)"
)
TONELESS_PINYIN_GLOSS = re.compile(
    r"[(（](?<=[\u4e00-\u9fff][(（])"  # right after a Chinese character, as the widget glues it
    rf"(?={_PINYIN_INITIAL}{_PINYIN_FINAL}[1-5]?[)）])"  # one whole syllable with an initial (never (a) or (e)),
    r"[a-zü]{2,6}[1-5]?[)）]"  # its tone left out or given as a digit: 公開(kai), 報(bao4)
    r"(?![a-z])"
)
"""A pinyin reading without its tone marks, as some widgets print it: 公開(kai)工作年度報(bao)告."""

INVISIBLE_CHAR = re.compile(
    "[\u200b-\u200f"  # zero-width space, non-joiner and joiner, the direction marks: 42\u200b576条 is one figure
    "\u2060-\u2064\ufeff"  # the word joiner and its kin, a byte-order mark inside a text pasted together
    "\u00ad]"  # a soft hyphen a page put where a line may break
)
"""Characters that show nothing and only split the words and figures around them."""

HTML_ENTITY = re.compile(
    r"&(?:(?:nbsp|ensp|emsp|thinsp|quot|lt|gt|ldquo|rdquo|lsquo|rsquo|hellip|mdash|ndash|middot|times)"  # by name
    r"|#(?:\d{2,7}|[xX][0-9a-fA-F]{2,6})(?=;))"  # by number: &#160;, &#x3000;
    r";?"  # a page may leave out a name's semicolon: &nbsp
)
"""An HTML entity left in text copied from a page's source (行政复议&nbsp;2&nbsp;件); &amp; stays, so that
reading the text twice reads no entity the first reading made."""

STRAY_COMMA = re.compile(
    r",(?=[、。，,；;：:！!？?])"  # ',、' ',。' ',,' — a half-width comma doubled by a scraper
)

_BOX_RULE_CHARS = "─━═┄┈┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝┏┳┓┣╋┫┗┻┛╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜"
"""The box-drawing characters a table converted to text is ruled with, its cells' borders aside."""
BOX_CELL_BORDER = re.compile(r"[│┃║┆┊╎]|^\s*｜.*｜\s*$", re.M)
"""The borders between a text-mode table's cells (│统计指标│单位│), read as the pipes of a table row; a
full-width ｜ only on a line it opens and closes (a site's name｜a title is no row)."""
BOX_CELL_BARS = str.maketrans({c: "|" for c in "│┃║┆┊╎｜"})

CLUTTER_LINE = re.compile(
    r"^\s*(?:"
    r"打开APP阅读全文|前往APP查看全文.*|打开.{0,10}APP.*|下载.{0,10}客户端.*"  # news-app nags
    r"|相关新闻|相关阅读|相关链接|推荐阅读|热点推荐|责任编辑[:：].*|来源[:：].{0,30}"  # page furniture
    r"|分享到[:：]?.*|微信扫一扫.*|扫一扫.{0,20}"  # share buttons
    r"|[【\[［]\s*(?:打印|关闭|收藏|纠错)(?:本页|窗口|此页|本文)?\s*[】\]］].*"  # buttons in 【】 [] ［］ and the rest
    r"|(?:打印|关闭|收藏)(?:本页|窗口|此页|本文)(?:\s.*)?|打印|关闭|收藏|纠错"  # bare: not 关闭违规网站12个
    r"|[×✕✖]|确定|取消|返回顶部|上一篇.*|下一篇.*"  # modal-dialog buttons and pagers
    r"|.{1,20}客户端\s+\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"  # 'XX客户端 2019-03-22 08:24:02' byline
    r"|图为\s.*"  # caption of an image that was dropped by the scraper
    r"|(?:[您你](?:当前|现在|目前)?(?:所在|所处)?的?|当前|所在)位置[:：].*"  # breadcrumb: 您当前的位置：首页 > 政务公开
    r"|首页\s*(?:[>＞»›/|]+\s*[^\s>＞»›/|]{1,20}\s*){1,8}"  # breadcrumb without a label: 首页 > 政务公开 >> 年报
    r"|[^，。；,\s_|｜《》〈〉()（）〔〕\d]{1,28}[市县区省州旗镇乡盟国](?:人民)?(?:政府)?"  # a site's name
    r"(?:门户网站|政府网站|人民政府网|政务网|政府网)"  # (桂林市人民政府门户网站, 中国政府网), not a task (规范政府网站)
    r"|(?:(?:【?字[体号][:：]?\s*(?:\[?[大中小]\]?\s*){2,3}】?"  # font-size switch: 【字体：大 中 小】 ...
    r"|[【\[［]?(?:打印|关闭|收藏|分享|纠错)(?:本页|窗口|此页|本文)?[】\]］]?)\s*){1,6}"  # ... among other buttons
    r"|(?:网站地图|联系我们|关于我们|网站声明|隐私声明|使用帮助|设为首页|加入收藏|无障碍浏览?)"  # a footer's links
    r"(?:\s*[|｜丨]?\s*(?:网站地图|联系我们|关于我们|网站声明|隐私声明|使用帮助|设为首页|加入收藏|无障碍浏览?))+"
    r"|(?:(?:无障碍(?:浏览|阅读)?|长者模式|关怀版|适老化|繁体|繁體|简体|简体版|繁体版|登录|注册|English|EN|手机版"
    r"|移动版|智能问答|政务邮箱|个人中心|退出)(?:\s*[|｜丨/]\s*|\s+|$)){2,}"  # a portal's toolbar: 无障碍 | 繁体
    r"|.{0,80}(?:版权所有|ICP备|ICP证|公网安备|网站标识码|网站识别码|技术支持[:：]).{0,80}"  # a footer's notices
    r"|[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # page marks: - 3 -, 第3页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"  # 共12页 第3页
    rf"|(?=[^\n]*[{_BOX_RULE_CHARS}]|[^\n]*\+-)[{_BOX_RULE_CHARS}+\-=|\s]+"  # a table's ruled line: ├──┼──┤, +----+
    r")\s*$"
)

LINK_LIST_HEADING = re.compile(
    r"(?m)^[ \t\u3000]*(?:相关链接|相关阅读|相关新闻|相关文章|相关推荐|推荐阅读|延伸阅读|热点推荐|热点新闻)"
    r"[ \t\u3000]*[:：]?[ \t\u3000]*$"
)
"""The heading of a page's list of links to other pages, whose titles are no citations of this one."""
LINK_LINE_MAX = 60  # characters of a line in such a list: a title, perhaps a date

BROKEN_TITLE_LINE = re.compile(
    r"《[^\n《》]{1,100}(?P<drop>\n)(?=(?:[^\n《》|]{1,100}\n){0,3}[^\n《》|]{0,100}[》〉>])"
)
"""A line break inside 《…》: PDF text extraction wraps long titles mid-word, over as many as five lines
(the first break each time; normalization repeats until none is left)."""

BROKEN_BEFORE_FIGURE = re.compile(
    r"(?m)^[^\n|]{4,}[\u4e00-\u9fff]"  # a line of prose that stops mid-clause, on a word
    r"(?P<drop>\n)"
    r"(?=\d[\d,.]*\s*(?:件|条|次|个|人次|人|篇|期|项|万元|元)[，,、；;。（(])"  # and the next opens on its figure
)
"""A sentence broken by the page before its figure (全县共主动公开政府信息⏎5632条，其中…): a figure that goes
on with the sentence's punctuation belongs to the words before it. A table laid one cell a line puts a
bare value on its line, which this leaves alone."""

BROKEN_DOCUMENT_NUMBER = re.compile(
    r"[（(][\u4e00-\u9fff]{1,6}(?P<drop>\n)"  # （湘⏎: a parenthesis opened on an issuer's code
    r"(?=[\u4e00-\u9fff]{0,8}[〔\[【(（]\d{4}[〕\]】)）])"  # 政办发〔2016〕: the code goes on to its year
)
"""A document number broken by the page inside its code: （湘⏎政办发〔2016〕45号）."""

BROKEN_NUMBER_TAIL = re.compile(
    # each alternative opens on a bracket, which the engine skips ahead to
    # 〔2017〕63⏎号: before its 号, or 〔2017〕2⏎4号 inside its serial
    r"[〕\]】)）](?<=[〔\[【(（]\d{4}[〕\]】)）])\d{1,4}(?P<drop>\n)(?=\d{0,3}[号號])"
    # 〔2017⏎〕63号 or 〔20⏎17〕63号: inside its year's brackets (four digits and the break before the bracket)
    r"|[〔\[【](?=[\d\n]{5}[〕\]】])\d{1,4}(?P<drop2>\n)(?=\d{0,3}[〕\]】]\d{1,4}[号號])"
)
"""A document number broken by the page after its code: 新政办发〔2017〕63⏎号, 市政办电〔2017〕2⏎4号,
市政办函〔2017⏎〕24号."""

MISCLOSED_TITLE = re.compile(r"《[^《》〈〉<>\n]{2,100}[〉>](?![》〉>])")
"""A title opened with 《 and closed with the mark of a title inside one (《2017年政务公开工作要点>)."""

FULLWIDTH_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
"""The comma of １２，３５６条: between full-width digits it groups thousands, it does not end a clause."""

MOJIBAKE_CHAR = re.compile(
    r"[\u3100-\u312f"  # bopomofo: never used in mainland documents, typical of GBK misreads
    r"\u2500-\u257f"  # box drawing
    r"\u2460-\u24ff"  # enclosed alphanumerics (⒐ ⑴ ...)
    r"\ue000-\uf8ff"  # private use area
    r"\ufffd]"  # replacement character
)

MOJIBAKE_LEAD = re.compile(r"^\?[\u3002\u3001]")
"""'?。' — the lost first byte of a misaligned GBK pair at the start of a heading line."""

SECTION_MARKER_REPAIRED = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")

# ---------------------------------------------------------------- structure

TITLE_YEAR_LINE = re.compile(r"\s*[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]\s*")
"""A line under a title that gives the year it covers: 岳阳市政府信息公开工作年度报告 / （2017年度）."""

HEADING_MARKER = r"(?:[一二三四五六七八九十]+[,，]?、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])"
"""A heading's marker: 一、 （一） 1. (and 六,、 as a garbled page writes it)."""
LOST_LINE_BREAK = re.compile(
    r"(?<=[。！!？?])[ \t\u3000]*"  # after a sentence's end, and the space a lost break left, if any …
    rf"(?={HEADING_MARKER}[\u4e00-\u9fff])"  # … a heading starts
)
"""Where a heading started a line of its own before the page's line breaks were lost."""
LOST_BREAKS_LINE = 2000  # characters of a line so long that its line breaks must have been lost
SECTION_HEADING = re.compile(
    r"^\s*(?:"
    r"(?P<l1>[一二三四五六七八九十]{1,3})[、.．]"  # 一、
    r"|[（(](?P<l2>[一二三四五六七八九十]{1,3})[）)]"  # （一）
    r"|(?P<l3>\d{1,2})[.．、](?!\d)"  # 1. 1、
    r"|[（(](?P<l4>\d{1,2})[）)]"  # (1)
    r")"
)

_META_KEY = (
    r"发文机关|发布机构|发布单位|发文单位"  # who issued it
    r"|成文日期|发布日期|发文日期|发布时间"  # when (发布时间: a web page's byline under its title)
    r"|标\s*题|名\s*称|发布文号|文\s*号|发文字号|索\s*引\s*号|主题分类"  # what
    r"|生成日期|公开日期|印发日期"  # when, in the catalogue of a provincial portal (浙江: 生成日期)
    r"|组配分类|体裁分类|服务对象|有效性|时效性|公开方式|公开范围|公开时限|主题词|关键词"  # its other fields
    r"|来源|信息来源|浏览次数|点击数|访问量|阅读数"  # the byline's other fields, which end the date before them
)
# after the key: 发布单位：…, 【发布单位】…, or only spaces (发布单位 益阳市人民政府办公室 发布日期 2019-05-06)
# 标题: | value, also past the empty cells a PDF's table puts between a key and its value (标题: |  | value),
# or a cell's edge alone (发文机关 | 柳州市人民政府 | 成文日期 | …: a table whose keys have no colon)
_META_SEPARATOR = r"(?:\s*[:：]\s*(?:\|\s*)*|(?<=[】\]])\s*|[ \u3000]+(?=[^\s:：|])|\s*\|\s*(?=[^\s:：|]))"
META_FIELD = re.compile(
    rf"[【\[]?(?P<key>{_META_KEY})[】\]]?{_META_SEPARATOR}"
    # the value ends at a cell's edge, a wide gap, or the next field on the same line
    rf"(?P<value>(?:(?![ \u3000]{{2}}|\u3000|\s*[【\[]?(?:{_META_KEY})(?:[】\]]|\s*[:：]|[ \u3000]))[^|\n])*)"
)
"""Fields of the metadata table that government portals print above a document."""

CN_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"  # 2017年5月10日, 2017年05月11日
    rf"|(?P<y3>{YEAR})\s*年\s*(?P<m3>十[一二]?|[一二三四五六七八九])\s*月"  # 二〇一九年五月二十日: a signature's date
    r"\s*(?P<d3>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"  # 2017-05-10
)

REPORT_YEAR = re.compile(
    rf"(?P<year>{YEAR})\s*年度?\s*(?:[^\s，。,；;]{{0,20}}?)"
    r"(?:政府信息公开|政务公开)(?:工作)?(?:(?:年度)?(?:工作)?报告|年报"  # …年度报告, …信息公开年报
    r"|情况报告(?=如下))"  # an untitled report's opening: 现将我区2018年度政府信息公开工作情况报告如下
)
"""'2017年政府信息公开工作年度报告', '2017年度政府信息公开工作年度报告'."""
REPORT_YEAR_AFTER = re.compile(
    r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告\s*"
    rf"[（(]\s*(?P<year>{YEAR})\s*年度?\s*[）)]"
)
"""'政府信息公开工作年度报告（2021年）': the year in parentheses after the title."""

REPORT_FIGURES = (
    re.compile(r"主动公开(?:各类)?(?:政府)?信息[^。；;\n]{0,12}?\d+(?:\.\d+)?\s*万?余?条"),  # what it published
    re.compile(r"(?:收到|受理|接收)[^。；;\n]{0,16}?(?:信息)?公开申请[^。；;\n]{0,8}?\d+\s*件"
               r"|(?:收到|受理)[^。；;\n]{0,16}?依申请公开[^。；;\n]{0,8}?\d+\s*件"),  # the requests it received
    re.compile(r"行政复议[^。；;\n]{0,12}?(?:\d+\s*[件起]|[无零])"  # the reviews it faced
               r"|(?:未|没有)(?:发生|收到|出现)[^。；;\n]{0,24}?行政复议"),  # … or that it faced none
)
"""The year's figures an annual report gives and a plan does not: an untitled text stating two of them, with
no plan's tasks, is a report (a news app's copy that lost its title and its outline)."""
PLAN_TASK_MARK = re.compile(r"责任单位|牵头单位|配合单位|完成时限")
"""What only a plan's tasks carry."""
PLAN_ITSELF = re.compile(
    r"(?:制定|制订|印发)(?:了)?本(?:实施|工作)?(?:方案|要点|计划)"  # 结合我县实际，制定本方案
    r"|(?:制定|制订|提出)(?:如下|以下)(?:实施|工作)?(?:方案|要点|计划|措施)"  # 现提出如下工作要点
)
"""Where a text says that it is the plan it lays out."""

TITLE_GOES_ON = re.compile(
    r"^\s*关于"  # a title's opening: 关于印发 ⏎ 梧州市2018年政务公开工作要点的通知
    r"|(?:印发|转发|批转|公布|的|和|及|与|、|《|〈)\s*$"  # words that need the next line to finish them
)
"""A line that a title's next line goes on from, whatever that line looks like alone."""

GAP_BESIDE_FIGURE = re.compile(
    r"(?<=[\u4e00-\u9fff〇])[ \t\u3000]+(?=\d)"  # 桂林市 2017年: before a figure
    r"|(?<=\d)[ \t\u3000]+(?=[\u4e00-\u9fff])"  # 2017 年: after it
)
"""The gaps a PDF's layout leaves around the figures of a title."""

STAT_PERIOD_YEAR = re.compile(r"统计期限(?:为|自)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")

_YEARS_AFTER_TITLE = (
    r"[（(]\s*(?P<year>(?:19|20)\d{2})\s*年?度?"  # （2021年度）
    r"(?:\s*[—–\-~～至到]\s*(?:19|20)\d{2}\s*年?度?)?\s*[）)]"  # （2020—2022年）
)
_PLAN_GENRE = r"(?:实施方案|工作方案|工作要点|要点|工作安排|工作计划|计划|方案)"
PLAN_YEARS_AFTER = re.compile(rf"{_PLAN_GENRE}\s*{_YEARS_AFTER_TITLE}")
"""'…工作实施方案（2020—2022年）': the years a plan covers in parentheses after its title, dated by the first."""

PLAN_YEAR = re.compile(
    # 2019年…要点; a plan over several years is dated by its first: 2018—2020年…实施方案
    rf"(?P<year>{YEAR})(?:\s*年?\s*[—–\-~～至到]\s*{YEAR})?\s*年(?:度)?[^，。,]{{0,12}}?(?:工作)?"
    r"(?:实施方案|工作要点|要点|工作方案|工作安排|工作计划)"
)

FIVE_YEAR_PERIOD = re.compile(r"十(?P<n>[一二三四五六七八九])五(?:时期|期间)?(?=[”\"’']?(?:规划|时期|期间|发展))")
"""The five-year period a plan names (“十四五”规划): the 14th is 2021–2025."""

LEADING_YEAR = re.compile(rf"(?P<year>{YEAR})\s*年")

ISSUE_NOTICE_TITLE = re.compile(
    r"^(?P<issuer>.*?)关于(?:印发|转发|发布|下发|颁发)(?P<inner>[《〈<]?.+?[》〉>]?)的通知$"
)
"""'X关于印发Y的通知': a notice whose body is an attached document Y."""

TITLES_JOINED = re.compile(r"[》〉>]\s*(?:以及|[和及与、])\s*[《〈<]")
"""Between two documents a notice issues together: 《A》和《B》."""

FORWARDING_NOTICE_TITLE = re.compile(r"关于(?:转发|转印发)")
"""'X关于转发Y的通知': the attached Y is someone else's document, passed down by X."""

FORWARDED_NOTICE = re.compile(
    r"《(?P<notice>[^《》\n]{4,120}?关于"
    r"(?:印发|发布)"  # the notice that issued the document: 关于印发〈…〉的通知, 关于发布〈…〉的通知
    r"[〈<](?P<title>[^〈〉<>\n]{2,80})[〉>]的通知)》"
)
"""The notice a forwarding notice passes down, cited in its body: 现将《湖南省人民政府办公厅关于印发〈湖南省
2018年政务公开工作要点〉的通知》转发给你们. Its issuer issued the attached document."""

ATTACHMENT_HANDOFF = re.compile(r"现将《(?P<title>[^》]{2,80})》印发给你们")

# ---------------------------------------------------------------- citations

OPEN_BRACKET = "〔［\\[【（(﹝﹙｛{〖〈<＜‹「"  # every bracket a year has been seen in, the small forms (﹝﹙) too
CLOSE_BRACKET = "〕］\\]】）)﹞﹚｝}〗〉>＞›」"

DOC_NUMBER = re.compile(
    # the 代字 is read leftwards from the bracket by kg.docnumbers (a lazy group here would be
    # tried at every character of the text)
    rf"(?<=[{HAN}])\s*"
    r"(?:"
    rf"[{OPEN_BRACKET}]\s*(?P<year>(?:19|20)\d{{2}})\s*年?\s*[{CLOSE_BRACKET}]"  # 〔2017〕 【2016】 [2017] (2017年)
    rf"|[{OPEN_BRACKET}]\s*(?P<year_lost>(?:19|20)\d{{2}})(?=\s*\d)"  # 国办发﹝201724号: the closing bracket lost
    rf"|(?P<year_bare>(?:19|20)\d{{2}})\s*年(?=\s*第?\s*\d+\s*[号號])"  # 国办发2017年24号
    r")\s*"
    r"第?\s*(?P<serial>\d{1,5})\s*"  # serial with optional 第, …
    r"(?:[号號]"  # … then 号 or traditional 號,
    r"|(?(year)(?=[）)])|(?!)))"  # or, after a bracketed year, the parenthesis closing: （国办发〔2017〕24）
)
"""The year-and-serial part of a 发文字号 (GB/T 9704-2012), right after the 发文机关代字."""

SERIAL_SHARING_CODE = re.compile(r"\s*[、，,和及]\s*(?P<written>第?\s*(?P<serial>\d{1,5})\s*[号號])")
"""A further serial of the same code and year after a number: 国办发〔2016〕80号、81号."""

DECREE_NUMBER = re.compile(
    rf"(?<=[{HAN}])令\s*"  # a decree series: its issuer stands before 令, read leftwards by kg.docnumbers
    r"(?:[（(]\s*)?第?\s*(?P<serial>\d{1,5})\s*[号號]"  # 国务院令第711号, 国务院令（第711号）, 国务院令711号
    rf"|(?<=[{HAN}])第\s*(?P<serial_before>\d{{1,5}})\s*[号號]令"  # 国务院第711号令: the serial before 令
)
"""A decree's number: 国务院令第711号 — a serial and no year."""

DECREE_ISSUER = re.compile(
    rf"(?:国务院"  # the State Council
    rf"|[{HAN}]{{2,16}}?(?:人民政府|部|委员会|委|总局|局|署|银行)"  # 广西壮族自治区人民政府, 财政部, 国家发展改革委
    rf"|(?:[{HAN}]{{2,12}}?[省市区州县]|[省市州县])政府)$"  # 湖南省政府, 省政府: a local government, shortened
)
"""The issuer at the end of the characters before a decree's 令."""

HAN_CHAR = re.compile(rf"[{HAN}]")

NARRATIVE_BEFORE_CODE = re.compile(
    # verbs and connectives that end up glued before a 代字 in running text (根据国办发〔…〕, the 号文和 of
    # 24号文和湘政办发〔…〕)
    r"^(?:根据|依据|依照|按照|遵照|参照|对照|贯彻落实|贯彻|落实|执行|印发|转发|下发|出台|制定|"
    # 号文件 before 号文 and 号: the first alternative that fits is kept (号文件和鲁政办发 would leave 件和)
    r"文件|文号|字号|精神|要求|规定|的|和|及|与|或|以及|即|见|为|了|是|号文件|号文|号|并|将|还有|还|有|同时|分别|先后|其中|通过)+"
)

CONJUNCTION_BEFORE_CODE = re.compile(r".*[和及与](?=.{2,})")
"""Narrative up to a conjunction the words above did not strip (号通知和鲁政办发): no 代字 holds 和, 及 or 与."""

ISSUER_BEFORE_CODE = re.compile(r".*(?:办公厅|办公室|人民政府|政府|委员会)(?=.{2,})")
"""An issuer's name glued before its 代字 (自治区办公厅桂政办发〔…〕): a code holds no such word."""

TITLE_QUOTED = re.compile(r"《(?P<title>[^《》\n]{1,150}(?:《[^《》\n]{1,100}》[^《》\n]{0,100})*)》")
"""《title》, allowing one level of nested 《》 inside (rare, but a scraper's 〈〉→《》 makes it)."""

TITLE_IN_ANGLES = re.compile(r"〈(?P<title>[^〈〉《》<>\n]{2,100})〉|<<(?P<ascii>[^<>《》\n]{2,100})>>")
"""〈title〉 or <<title>> written where 《title》 belongs; a title only outside 《》, where 〈〉 nests one."""

INNER_TITLE = re.compile(r"[〈<《](?P<inner>[^〈〉<>《》]{2,100})[〉>》]")
"""A title quoted inside a title: 关于印发〈2016年政务公开工作要点〉的通知."""

ISSUED_BEFORE_TITLE = re.compile(r"(?:联合)?(?:印发|出台|制定|发布)?的?$")
"""Between the bodies that issued a document and its short name in 《》: 两办印发的《意见》."""

ALIAS_DEFINITION = re.compile(
    r"\s*[(（]\s*(?:以下|下文)?(?:简称|称)\s*[“\"《]?(?P<alias>[^”\"》)）]{1,20})[”\"》]?\s*[)）]"
)
"""'(以下简称《条例》)' right after a cited title defines a short name for it."""

AFTER_TITLE_NUMBER = re.compile(
    r"\s*(?:"
    # 《…》(国办发〔2017〕24号), and the year in parentheses inside: 《…》（桂政办发（2017）51号）
    r"[(（]\s*(?P<inner>(?:[^()（）]|[(（]\d{4}[)）]){3,60}?)\s*[)）]"
    r"|【\s*(?P<lenticular>[^【】]{3,40}?)\s*】"  # 《…》【国办发〔2017〕24号】, as some sites print it
    r")"
)
"""The parenthesis that follows a title and may hold its number: 《…》(国办发〔2017〕24号)."""

NUMBER_BESIDE_TITLE = re.compile(r"[ \t]*[|\t][ \t]*|[ \u3000]?")  # or in the next cell of a table row
"""Between a title and the number written right after it without a parenthesis: 《…实施细则》国办发〔2016〕80号."""
NUMBER_BESIDE_TITLE_BEFORE = re.compile(r"(?:[ \u3000]?|文件|印发的?)$")
"""Between a number and the title it is written before: 国办发〔2017〕24号《…》, 国办发〔2016〕80号文件《…》."""

ISSUED_BY_BEFORE_TITLE = re.compile(
    r"(?:联合|共同)?"  # 两办联合印发《…》: the issuers acted together
    r"(?:印发|下发|出台|制定|发布|颁布|制发)?了?的?"  # …办公厅印发的《…》: the verb of issuing, if any
    r"[ \u3000]?$"
)
"""What may stand between the agencies that issued a cited document and its title: 自治区党委办公厅、自治区人民政府
办公厅《…》（厅发〔2016〕42号）, 省政府办公厅印发的《…》."""
ISSUER_OPENS_TITLE = re.compile(r"关于|对|印发|转发")
"""What follows the issuers a title opens with (桂林市人民政府关于…): not 桂林市政府网站…, whose 政府 names no one."""
ISSUERS_JOINED = re.compile(r"\s*[、和及与]\s*|[ \u3000]+")
"""Between two issuers of one cited document named before its title."""

CELL_BEFORE = re.compile(r"(?:(?<=\n)|\A|\||\t)[ \t]*(?P<cell>[^|\n\t，。；;]{5,120}?)[ \t]*(?:\||\t)[ \t]*$")
"""The cell before a number's, in a table row: | 关于印发…的通知 | 市政办〔2017〕53号 |."""

CO_LISTED_NUMBER_JOIN = re.compile(r"\s*(?:[、，,；;]|和|及|与)\s*")
"""What stands between two numbers that one title is cited with: 《…》（桂政办发〔2014〕3号、桂政办发〔2015〕102号）."""

PERIODICAL_ISSUE_COUNT = re.compile(r"^\s*(?:共|累计)?\s*\d+\s*(?:多|余)?\s*期")
"""'《政府公报》12期': an issue count after a title marks a periodical."""

SENTENCE_END = re.compile(r"[。；;！!？?\n]")
"""Where the sentence around a citation ends: its punctuation, or the end of its line (a header
row or a heading above it is not part of it)."""

CITES_AS_AUTHORITY = re.compile(
    r"(根据|依据|依照|按照|遵照)[^。；;，,]{0,70}$"  # 根据《条例》: the cited text is the authority
)
CITES_TO_IMPLEMENT = re.compile(
    r"(贯彻落实|贯彻|落实|执行)[^。；;，,]{0,70}$"  # 为贯彻落实《要点》: the citing text implements it
)

PASSED_DOWN_TO_IMPLEMENT = re.compile(
    r"\s*(?:[（(][^（）()\n]{0,40}[）)])?"  # its number in brackets, if any
    r"\s*(?:转发|转)给你们[^。；;\n]{0,30}(?:贯彻|落实|执行|实施)"  # 现将《…》转发给你们，请认真贯彻落实
)
"""A document a notice passes down for those below to carry out: the notice implements it."""

CITATION_LIST_JOINER = re.compile(
    r"\s*(?:"
    r"[、，,]"  # 《A》(N1)、《B》(N2)
    r"|[、，,]?(?:和|及|以及|与)"  # …和《C》(N3)
    r")\s*"
)
"""What stands between two documents cited in one list, which share the verb before the first."""

TITLE_QUALIFIER = re.compile(r"[(（][^()（）]{1,12}[)）]$")
"""A qualifier closing a title: (试行), (2018年修订), (征求意见稿)."""

AGENCY_OPENING = re.compile(r"^[^，。,]{2,30}?(?:人民政府|办公厅|办公室|委员会|局|厅|委)(?:关于|对)")
"""A title that opens with its issuer (湘潭市审计局对…): a document, whatever its last word."""

BARE_TITLE_LEFT_STOP = re.compile(r"[，,。；;：:、！!？?）)】\]“”\"\s]|(?<=[》])")
"""Where an unquoted title before a number cannot extend further left."""

JOINT_ISSUER_BEFORE = re.compile(
    r"(?:^|(?<=[，,。；;：:“”\s]))"  # where the first issuer's name starts
    r"(?:根据|依据|按照|遵照|落实|执行|贯彻落实|贯彻)?"  # the word that cites the title, not part of it
    r"(?P<issuer>[\u4e00-\u9fff]{1,20}?(?:办公室|办公厅|人民政府|政府|委员会|市委|县委|区委|州委|省委))、$"
)
"""The first issuer of a joint document, before the 、 where an unquoted title would stop:
市委办公室、市政府办公室关于全面推进政务公开工作的实施意见（娄办发〔2017〕5号）."""

TASK_LIST_WORDS = r"任务清单|任务分解表?|(?:任务|责任)分工表?|分工表|台账"
"""How the title of a plan written as a list of its tasks ends."""

ANNUAL_REPORT_TITLE = re.compile(
    r"年度报告"  # 政府信息公开工作年度报告, and 关于2021年度…的年度报告
    r"|(?:政府信息公开|政务公开).{0,6}(?:报告|年报)$"  # 政府信息公开工作报告, 政府信息公开年报
    r"|(?:政府信息公开|政务公开).{0,4}(?:年度)?工作总结$"  # 2017年政务公开工作总结: the year's account, figures and all
)
NOTICE_TITLE_END = re.compile(r"(?:通知|通告)$")
WORK_PLAN_TITLE_END = re.compile(
    rf"{_PLAN_GENRE}(?:{_YEARS_AFTER_TITLE})?$"  # plans by their genre words, perhaps with the years they
    # cover: …实施方案（2020—2022年）
    r"|(?:政务公开|政府信息公开).{0,12}规划$"  # a plan for several years: 政务公开“十四五”规划
    rf"|(?:{TASK_LIST_WORDS})$"  # a plan's tasks as a list: 政务公开工作任务清单
)
"""What a title's words make a document: an annual report, a notice, a plan."""

NONE_STATED = re.compile(
    r"(?:未发生|没有发生|未出现|没有出现|未曾|未有|没有"  # a statement that something did not happen
    r"|无(?!法|正当|需|论|偿|缝|纸|障碍|效|关)"  # 无因政府信息公开提起行政诉讼的情况 (not 无法, 无正当理由 …)
    r"|未(?=收取|实施|收到|受理|接到|接收|产生|引发|引起|因"  # 未收取任何费用, 未收到申请, 未因…收费
    r"|制发|制定|出台|新制|印发))"  # 未制发规章: none made this year
    # what did not happen, to the clause's end, with no figure; 而 starts another thing, but not in
    # 因政府信息公开而被申请行政复议
    r"(?P<what>(?:(?!但|而(?!被|引起|引发|产生|提起|申请))[^，,。；;：:\n\d０-９])+)"
)
"""A clause saying that none of something happened: 全年未发生因政府信息公开申请行政复议的情况 (0 reviews)."""
ZERO_STATED = re.compile(
    r"(?:为|是|：|:)\s*(?:0|零)"  # what is counted (举报投诉数量), read back from here, …
    r"(?![\d.０-９])(?=\s*(?:[，,。；;\n]|$))"  # … is a zero with no unit, the clause's last word
)
"""A clause giving a count of something as a bare zero: 举报投诉数量为0, 行政诉讼为零."""
ZERO_SUBJECT_MAX = 30  # characters what a bare zero counts may take
NONE_STATED_SUBJECT_STOPS = "，,。；;：:\n"  # where the subject before such a clause starts (not at 、)

BARE_TITLE_OF_NO_ONE_DOCUMENT = re.compile(
    r"^(?:其|该|此|上述|前述)"  # …及其实施细则（国办发〔2016〕80号）: a document named before
    r"|^[的之]"  # 《…意见》（中办发〔2016〕8号）的实施细则（国办发〔2016〕80号）: the one before's, as 及其 says
    r"|^[省市州县区](?=\d{4}年)"  # 省、市2019年政务公开工作要点（湘政办发…、益政办发…）: the tail of a list of levels
)
"""How an unquoted title before a number starts when it names no one document: no title."""

OWN_PART_OF_QUOTED = re.compile(r"(?<=[》〉>])(?:及其|以及其|和其)(?=[\u4e00-\u9fff]{2,8}$)")
"""The 及其 between a quoted title and a document of its own before a number: 《关于全面推进政务公开工作的
意见》及其实施细则（国办发〔2016〕80号） numbers 《关于全面推进政务公开工作的意见》实施细则."""

ALIAS_IN_NUMBER_PARENS = re.compile(
    r"\s*[，,；;]\s*(?:以下|下文)?(?:简称|称)\s*[“\"《]?(?P<alias>[^”\"》)）]{1,20})[”\"》]?\s*$"
)
"""A short name defined in the parenthesis of the title's number: 《…》（国务院令第711号，以下简称《条例》）."""

TOWNSHIP_GOVERNMENT = re.compile(
    rf"(?P<place>[{HAN}]{{2,20}}?(?:"
    r"[镇乡](?=人民政府$)"  # 湘阴县东塘镇人民政府
    r"|街道(?=(?:办事处)?$)"  # 芙蓉区定王台街道(办事处): a street office, a city district's township level
    r"))(?:人民政府|办事处)?$"
)
"""The government of a township, below the gazetteer's counties."""
TOWNSHIP_IN_REPORT_TITLE = re.compile(
    rf"^(?:(?:{YEAR})\s*年度?)?"  # 2018年度宁乡市花明楼镇政府信息公开…: the year may come first
    rf"(?P<place>[{HAN}]{{2,30}}?(?:[镇乡]|街道))\s*(?:(?:{YEAR})\s*年|政府信息公开|政务公开)"
)
"""A title that names a township before its year or its subject (宁乡市花明楼镇2017年政府信息公开工作年度报告):
the report of that township's government."""

GOVERNMENT_NAME_END = re.compile(r"(?:人民政府|政府|行政公署|行署)$")  # 行政公署: the government of a 地区
"""A government (桂林市人民政府), as against its departments and offices (桂林市教育局, …办公室)."""
UNPLACED_GOVERNMENT = re.compile(
    rf"(?P<place>[{HAN}]{{1,12}}?(?P<kind>省|自治区|市|州|盟|地区|县|区|旗))(?:人民政府|政府|行政公署|行署)(?:办公室|办公厅)?$"
)
"""A government (or its office) by its place's name: where the gazetteer lacks the place, its kind
(县, 市) still tells what 全县 or 我市 in its report mean."""
GOVERNMENT_OR_ITS_OFFICE_END = re.compile(r"(?:人民政府|政府)(?:办公室|办公厅)?$")
"""A government or its general office (平江县人民政府办公室), which compiles the government's report."""

GOVERNMENT_OFFICE_END = re.compile(r"(?:人民政府|政府)(?:办公室|办公厅)$")
"""A government's general office (岳阳市人民政府办公室), which posts the government's report."""

REPORT_COMPILER = re.compile(
    r"由(?P<who>[^，。,、；;《》\s]{2,30}?)(?=根据|依据|按照|负责|编制)"  # 本报告由常德市财政局…
    r"[^，。,；;]{0,40}?编制"  # …根据《条例》要求编制
)
"""Who compiled an annual report, as its first paragraph says."""

AGENCY_NAME_END = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|管委会|领导小组"  # governments, their offices, commissions
    r"|局|厅|委|办|署|中心"  # departments and bureaus: 教育局, 发展改革委, 政务服务中心
    r"|部|银行"  # ministries and the central bank: 水利部, 中国人民银行; a party's 宣传部
    r"|办事处|街道"  # street offices below a district: 丽君街道办事处
    r"|法院|检察院|院|处|所|(?<!网)站|队"  # courts, institutes, stations (气象站, not 网站), 执法大队
    r"|公司|集团)$"  # public enterprises that publish reports: 供电公司
)
"""How the name of an agency ends, for the issuer named before a report's year or in a signature."""

ISSUER_ONLY_LINE = re.compile(
    r"\s*(?:中共)?[\u4e00-\u9fff（）()]{2,28}"  # the issuer's name: 株洲市人民政府办公室, 中共株洲市委办公室
    r"(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|办)\s*"  # ending as the issuers of notices end
)
"""A line that only names an issuer, above the rest of a title broken after it."""
AGENCY_NAME_LINE = re.compile(
    rf"\s*[{HAN}（）()]{{4,30}}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|局|委员会)\s*"
)
"""A line that is only an issuing body's name, as a signature stands."""

_ZONE = r"(?:开发区|高新区|新区|工业园区|产业园区|园区|保税区|综合保税区|试验区|示范区|合作区)"
ZONE_NAME_END = re.compile(_ZONE + "$")
"""How the name of a development zone ends: a report of its management committee's names the zone."""
ZONE_ISSUER = re.compile(rf"^(?P<zone>[{HAN}]{{2,30}}?{_ZONE})(?:管理委员会|管委会)?$")
"""A development zone, or its management committee, as the issuer of a report."""

TITLE_ISSUER_PREFIX = re.compile(
    rf"^(?P<issuer>[{HAN}、 \u3000]{{2,60}}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|领导小组|"
    r"局|厅|委|部|院|署|中心|办))(?:关于|印发)"
)
"""'桂林市人民政府办公室关于…' — a title that names its issuer before 关于; several for a joint one:
'中共桂林市委办公室 桂林市人民政府办公室关于…', '中共中央办公厅、国务院办公厅关于…'."""

ISSUER_AFTER_TITLE_YEAR = re.compile(
    rf"^\s*{YEAR}\s*年度?(?P<who>[{HAN}]{{2,40}}?)(?:政府信息公开|政务公开)"
)
"""'2022年度湘潭市人力资源和社会保障局政府信息公开工作年度报告': the issuer after the year."""

JOINT_ISSUER_SEPARATOR = re.compile(r"[、 \u3000]+")
"""Between the issuers of a joint document named in its title."""

REPORTING_VERB_PREFIX = re.compile(
    r"^(?:为了?(?=(?:深入|认真|全面|进一步|切实)*(?:贯彻|落实|执行)))?"  # 为贯彻落实…的通知(N): why, not the title
    r"(?:根据|依据|依照|按照|遵照|对照|结合)?"  # the word that cites it: 根据…的通知(新政办发〔2017〕99号)
    r"(?:(?:我[市州县区省]|市政府办?|市委|州政府|县政府|区政府|省政府)?"
    r"(?:先后|及时|还|已|又|并|均|相继|分别|同时|研究|正式|认真|严格|全面|深入|切实|积极|进一步)*"
    r"(?:出台|印发|制定|下发|转发|发布|公布|发出|修订|起草|编制|执行|落实|实施|贯彻落实|贯彻|建立|了|和|及|以及)+)?"
)
"""Narrative verbs that precede an unquoted title in a report ('我市出台了关于印发…')."""


# ---------------------------------------------------------------- statistics

FIGURE_UNITS = (
    "人次", "批次", "条次", "件次", "场次", "万元", "元", "条", "件", "次", "篇",
    "个", "人", "名", "场", "期", "份", "项", "起", "家",
    "宗",  # a case, as reports in Guangdong count requests
    "处(?![理置罚长室分级])",  # places (查阅场所36处), not 处理 or a section (处室)
)

FIGURE = re.compile(
    r"(?=[约近超逾达\s\d一二三四五六七八九十百千两零])"  # a figure's first character: other places fail at once
    r"(?P<est>约|近|超过|逾|达)?\s*"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,236: thousands grouped by ASCII commas
    r"|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d.])"  # 12 356: grouped by spaces, as PDFs print them
    r"|\d+(?:\.\d+)?)\s*(?P<wan>[万千](?!元))?"  # 5000, 1.37万, 3千 (but 12万元 is in 万元)
    r"|(?<![\d第一二三四五六七八九十百千两零万])"  # 一千零五, not 第十三届 or the 千 of 3千; 一万二千
    r"(?P<cn>[一二三四五六七八九十百千两零]{1,9}(?:万[一二三四五六七八九十百千两零]{0,9})?))"
    r"(?P<est2>余|多)?\s*"  # 1000余, 30多
    r"(?P<unit>" + "|".join(FIGURE_UNITS) + r")(?![\u4e00-\u9fff]{0,1}(?:率|比))"  # not a rate (率) or ratio (比)
    r"(?<!元(?=旦))(?<!宗(?=教))"  # nor a word the unit starts: 2019元旦, 3宗教
)
"""A figure with its unit: 约5000条, 1.37万份, 1000余人次, 十二期."""

RESPECTIVELY = re.compile(
    r"分别(?P<between>[^，,。；;：:\n\d一二三四五六七八九十两]{0,12}?)"  # the words all the figures share: 为, 公开信息
    r"(?=(?:约|近|超过|逾|达)?\s*[\d一二三四五六七八九十两])"  # then the first figure
)
"""当面、网络、信函申请分别为5件、20件、7件: figures that stand for the items of the list before 分别
(read back from it to the clause's start), one each."""
EACH = re.compile(r"各(?P<between>(?:为|有|是)?)(?=(?:约|近)?\s*[\d一二三四五六七八九十两])")
"""传真、信函申请各2件: one figure that each item of the list before 各 has."""
LIST_CLAUSE_MAX = 80  # characters a list before 分别 or 各 may take
LIST_SEPARATOR = re.compile(r"[、和及与]")
"""Between the items of a list, or the figures that follow 分别."""

PERCENT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*[%％]")
"""占46.3%: a share, kept as a figure of its own (unit %)."""
_CHANGE = (
    r"同比|增长|减少|增加|下降|上升"  # a change against last year, not the year's figure
    r"|[较比](?:上年|去年|上一年|(?:19|20)\d{2}\s*年)"  # last year's figure, stated to compare: 较2016年的120件
)
PART_OR_CHANGE = re.compile(
    r"(?<!各)(?:领域|类信息|(?<!公开)方面)"  # a figure about one area or kind of information (各类信息 is all of them;
    # 政府信息公开方面的行政复议 are all the reviews the report counts)
    r"|占|比例|"  # a share of something
    + _CHANGE
)
"""A clause whose figure no indicator totals: 重点领域公开信息300条, 同比增长12件."""
ANOTHER_YEAR = re.compile(
    r"(?<![网线])(?<!结转)(?<!结转自)(?:上一?年度?|去年)(?!度?结转|底结转)"  # 上年同期为88件; not 上年结转12件
    # or 结转上年度申请3件 (a row), nor 网上年报
    r"|(?P<year>(?:19|20)\d{2})年(?!度?结转|底结转)"  # 2016年收到88件, in a report on 2017
)
"""Words before a figure that make it another year's: the report's own year is compared against it."""
CHANGE = re.compile(_CHANGE)
"""Where a comparison with last year starts: 受理申请较上年增长25%."""
SINCE_THE_START = re.compile(r"(?:截至|截止|以来|至今)[^。；;\n]{0,20}累计")
"""A running total since some year, not the report's year's figure: 截至2012年底，累计主动公开政府信息56321条."""
THE_YEARS_PART_AFTER = re.compile(
    r"[，,；;]?\s*其中[，,：:]?\s*(?:(?:19|20)\d{2}\s*年度?|本年度?|今年|当年|全年)(?:新增|新公开)"
)
"""The year's part right after a running total: 累计公开56万条，其中2017年新增12.3万条."""
FIGURE_AT_END = re.compile(FIGURE.pattern + r"$")
"""A figure that ends where the searched stretch does: the one listed before another (36期、312条)."""
FIGURE_LIST_SEPARATORS = "、，,"  # between two figures of one subject in two units: 36期、312条
_CHANNEL_WORD = r"(?:微信公众号|微博|微信(?!公众号)|(?<!微信)公众号|网站|公报|客户端|APP)"  # 微信公众号 is one
TWO_CHANNELS = re.compile(rf"{_CHANNEL_WORD}[、和及与]?(?:政务|官方)?{_CHANNEL_WORD}")
"""Two channels named together before one figure: 政务微博微信发布信息860条."""
CHANNEL_LISTED_BEFORE = re.compile(rf"{_CHANNEL_WORD}\s*[、和及与]$")
"""A channel listed right before the clause of a figure, with no figure of its own: 政务微博、微信公开166条."""

DEPARTMENT_NAME_END = re.compile(r"[局委办厅]")
"""What a department's name ends in (财政局, 发改委, 扶贫办, 财政厅): a clause without one names none."""

DISCLOSURE_ORGANIZER = re.compile(
    r"政务服务|政务公开|政管办|大数据|电子政务|行政审批|信息中心"  # the bodies that run disclosure for a government
)
"""A department whose figures a government's report gives as its own: the one that runs its disclosure
work, its portal or its service hall (市政务服务监督管理办公室共组织培训3次)."""

TOTAL_ONLY = re.compile(r"\s*(?:共计|合计|总计|累计|共有|共|计)(?:达到|达|为)?\s*")
"""A clause that only totals its figure, what it counts named in the clause before: ，共计128人."""
TOTAL_AT_END = re.compile(TOTAL_ONLY.pattern + r"$")
"""The total word a clause ends in, right before its figure: 政府公报公开36期共计412条."""

FIGURE_AFTER_CHANGE = re.compile(
    r"\s*(?:已|共|总数)?"
    r"(?:达到|达|增至|增加到|增加至|上升至|上升到|降至|减少到|减少至|下降到|下降至|为|共计|计)?"  # 达150件, 增至150件
    r"\s*$"
)
"""All a clause says before the year's own figure when its subject came before a comparison:
受理申请较上年增长25%，达150件."""
CLAUSE_BREAK = re.compile(
    r"[，；;。：:\n]"  # punctuation that ends a clause
    r"|、(?!行政机关不再处理|公共安全|经济安全)"  # a list's mark, unless it goes on within one of the official
    # rows' names (申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请; 危及国家安全、公共安全…)
    r"|,(?!\d{3}(?!\d))"  # an ASCII comma, unless it groups the thousands of a number (1,236条)
    r"|[（(](?=其中)"  # an aside that breaks the total down: 申请165件（其中本年新收160件…）
    r"|(?<=[件条次篇个项起])[（(](?=[^（）()]{0,6}\d)"  # an aside of figures after one: 复议3件（2件维持，1件纠错）
)
REVIEW_PART_LABELS = (  # a review table laid out a part a row: its row label, the first of its five notations
    (re.compile(r"复议后"), 11),  # 行政诉讼（复议后起诉）: N.4.11–15
    (re.compile(r"未经复议|直接起诉"), 6),  # 行政诉讼（未经复议直接起诉）: N.4.6–10
    (re.compile(r"复议"), 1),  # 行政复议: N.4.1–5
)
SENTENCE_BREAK = re.compile(r"[。；;\n]")
_ITEM_NUMBER = r"(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?"
"""The numbering a line or a clause may open with: （二）, 三、, 1."""
CLAUSE_LEAD = re.compile(
    r"(?:^|(?<=[，,。；;\n）)、：:]))\s*" + _ITEM_NUMBER +  # past numbering
    # (and past a colon before: 行政诉讼：未经复议直接起诉：结果维持2件 is led by the route)
    r"(?P<lead>[^：:，,。；;\n\d（）()]{2,12})[：:]\s*$"  # the words right before the colon that leads the clause
)
"""What the colon right before a figure's clause names: 行政事业性收费：本年收费金额12.5万元."""

SENTENCE_LEAD = re.compile(
    r"\s*" + _ITEM_NUMBER +  # its numbering, if any: （二）
    r"(?P<lead>[^：:，,。；;\n\d]{2,12}?)"  # the words before the colon, without a figure
    r"(?:[：:]|(?<=[^其])中[，,]"  # a colon, or 中 and a comma: 受理的申请中，当面申请12件…
    r"|(?:来看|上看|看)[，,])"  # or 看: 从申请方式看，当面申请12件…
)
"""What a sentence names before a colon, past its numbering: （二）行政复议：… names the reviews;
受理的申请中，… names the requests."""
SCOPE_COLUMN = re.compile(
    r"(?P<whole>全[省市州县区旗盟镇乡])"  # the whole jurisdiction: 全市, 全县
    # its own level and departments: 市本级, 市直部门
    r"|(?P<own>[省市州县区旗盟]本级|本级|[省市州县区](?:直|级|属)(?:各)?(?:部门|单位|机关)?)"
    r"|(?P<agency>本机关)"
    # the governments below: 县市区, 乡镇（街道）
    r"|(?P<below>(?:各)?(?:县市区|县区|区县|市县|县（市、区）|县\(市、区\)|乡镇|乡镇（街道）|乡镇街道|街道)(?:政府)?)"
)
"""The header of a column giving a statistics table's figures for one scope (统计指标 | 单位 | 全市 | 市本级)."""
GOVERNMENT_NAME_GOES_ON = re.compile(r"\s*(?:及其|及|和|与|、|各|所属|直属|部门|门户|网站|本级|办公|机关|系统)")
"""What after a government's name makes it its own level (县政府及其部门, 市人民政府门户网站), not the author of
the report that speaks for its whole jurisdiction (2022年，灵川县人民政府深入贯彻…，全年主动公开…)."""
SCOPE_WORD = re.compile(r"全(?:省|市|州|县|区|旗|盟|镇|乡|街道|地区)|(?:省|市|州|县|区|旗|盟)本级")
"""A scope marker that is itself a scope's label (全县, 县本级), whatever the report's division."""
SCOPE_COLUMN_KINDS = {"whole": "@whole", "own": "@own-level", "agency": "本机关", "below": "下级政府"}
"""The scope each kind of column names, as `kg.metrics.scope_label` reads it for the report's region."""

COMPARED_COLUMN = re.compile(
    r"(?P<year>(?:19|20)\d{2})年度?(?:数|数据|数量|统计数)?"  # 2016年, 2017年度数据
    r"|(?P<this>本年|本年度|今年|当年|本期)(?:数|数据|数量|统计数)?"  # 本年数
    r"|(?:上年|去年|上年度|上期)(?:同期)?(?:数|数据|数量|统计数)?|同期数?"  # 上年数, 去年同期
    r"|(?:比上年|同比)?(?:增减|增长|增幅|变化)(?:数|率|幅度|情况|[(（]%[)）])?|同比"  # the change
)
"""The header of a column in a table that sets this year's figures beside another year's
(统计指标 | 单位 | 2016年 | 2017年 | 增减)."""

COLUMN_HEADER = re.compile(r"(数量|件数|增/减|增减|金额|总数)")
"""A column header of the 2019/2021 Article 20 tables (本年新制作数量, 本年增/减, 采购总金额)."""

ROW_NUMBERING = re.compile(
    r"^\s*(?:"
    r"[一二三四五六七八九十]+[、.．]"  # 一、
    r"|[（(][一二三四五六七八九十\d]+[）)]"  # （一） (1)
    r"|\d+[.．、]"  # 1.
    r"|其中[:：]?"  # 其中: a sub-row
    r")\s*"
)
ARTICLE_20_SUBJECT = re.compile(
    r"\s*(?:第二十条第?[（(][一二三四五六七八九十]+[）)]项[：:，,\s]*)?"  # 第二十条第（五）项：行政许可…
    + _ITEM_NUMBER +  # a numbered line: （一）规章
    r"(?P<subject>规章|行政规范性文件|规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费"
    r"|政府集中采购)"  # the things the 2019 and 2021 formats' Article 20 table counts, a row each
    r"(?:[：:，,]|(?=本年|上一年|对外|现行|处理|采购))"  # then the columns' words, after a colon or at once
)
"""A sentence that writes out a row of the Article 20 table: 规章：本年新制作数量0件，本年新公开数量0件，…"""
APPLICANT_COLUMN = re.compile(
    r"\s*(?:其中)?[，,：:]?\s*(?P<who>自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他"  # the request table's
    r"|法人或其他组织|法人和其他组织|总计|合计)"  # columns: the applicants, their organisations together, the total
    r"(?:申请)?(?:共计|共|为)?\s*"
)
"""A column of the request table before a figure, where a sentence writes a row out: 予以公开：自然人80件，…"""
LABEL_BEFORE_COLON = re.compile(r"[：:，,；;。\n]")
"""What ends the words before the label a colon closes (三、本年度办理结果：（三）不予公开：…)."""
ARTICLE_20_CHANGE = re.compile(r"增/?减\s*[-－]$")
"""A column of changes before a figure with a minus sign: 本年增/减-3项 is -3."""
ROW_CAUSE = re.compile(
    r"^(?:因政府信息公开(?:工作)?)?"  # 因政府信息公开…: the cause the row names, which the format leaves out
    r"(?:申请)?(?:被)?(?:申请|提起)?"  # 申请, 被申请, 申请提起, 被提起: how the case came
    r"(?=行政复议|行政诉讼|举报投诉)"
)
"""What a local template writes before the name of the cases' rows: 因政府信息公开申请提起行政诉讼数 is
行政诉讼数量, 因政府信息公开工作被举报投诉数 举报投诉数量."""
COUNT_WORD = re.compile(r"数量?$")
"""The end of a row's name: 数 and 数量 stand for each other (行政复议数, 行政复议数量)."""
PARENTHETICAL = re.compile(r"[（(][^()（）]*[)）]")
UNCLOSED_PARENTHESIS = re.compile(r"[(（][^()（）]*$")
"""A name cut inside its parenthesis: 本年收费金额（单 | 位：万元 | ）."""
NOTE_BROKEN_OVER_LINES = re.compile(r"^[^()（）]*[)）]|" + UNCLOSED_PARENTHESIS.pattern)
"""The piece on one line of a row's note that a narrow cell wrapped: (不同渠道和方式公开相同 | 信息计1条)."""
DIVISIONS_ASIDE = re.compile(r"[（(](?:市|区|州|地|盟|市[、，,]?区|区[、，,]?市)[)）]")
"""The parenthesis of 县（市、区） or 市（州）: part of the name of the governments below, no aside."""
ANY_DIGIT = re.compile(r"[0-9〇零一二三四五六七八九十百千万两]")
"""A figure, or part of one, in digits or characters: an aside that holds none is only words."""
STATISTICAL_RANGE = re.compile(
    r"(?:统计|数据)(?:范围|口径)(?:为|是|仅为|仅限于?|包括|涵盖)(?P<what>[^。；;，,\n]{2,40})"
)
"""What a report says its figures cover: 统计范围为县人民政府本级."""

CONTINUED_SENTENCE = re.compile(r"\s*(?:其中|上述|以上|这些)")
"""A sentence that goes on about the one before it: 各县区受理申请60件。其中网上申请40件."""

LAWSUITS_ALL_BY_ROUTE = re.compile(
    r"\s*(?:均为|全部为|全部是|都是|均系|均属)(?P<route>未经复议直接(?:提起)?(?:起诉|诉讼)|复议后(?:提起)?(?:起诉|诉讼))"
)
"""A clause saying every lawsuit took one route: （被提起行政诉讼6件，）均为未经复议直接起诉."""

ALL_OF_THEM = re.compile(r"均|全部|都")
"""Before a result: it is every case's, of each count the sentence has just given."""

SOLE_RESULT = re.compile(
    r"\s*(?:"
    r"(?:其|审理|(?P<of>复议|诉讼)|案件)?结果(?:均|全部|都)?(?:为|是|系)?"  # 结果为维持…, 结果均为…
    r"|(?:均|全部|都)(?:为|是|系|被)?"  # 均为维持…, 全部被依法纠错
    r"|(?:已|均已)审结[，,]?(?:结果)?(?:为|是)?"  # 已审结，维持…
    r"|(?:目前|现|当前)仍?|仍"  # 目前尚在审理中
    r"|(?:经)?(?:法院)?(?:一审|二审|终审)?(?:判决|裁定|审理)(?:结果)?(?:为|是)?"  # 法院判决维持…, 一审判决驳回…
    r"|(?:经)?法院(?:依法)?"  # 法院驳回原告诉讼请求
    r"|经(?:行政)?(?P<by_review>复议)(?:机关)?(?:决定|审理)?(?:后)?[，,]?(?:予以)?"  # 经复议维持原行政行为
    r"|"  # the result alone: 引发行政复议1件，维持原具体行政行为
    r")\s*(?P<result>(?:被)?(?:依法)?(?:维持|纠错|纠正|驳回|撤销|确认违法|尚未审结|正在审理|尚在审理)"
    r"[^，,。；;：:\n）)]{0,16})"
)
"""A review's or lawsuit's one result stated without a figure of its own after the count: 行政诉讼1件，
结果为维持具体行政行为 (the result row counts all of them)."""

SOLE_PART_ASIDE = re.compile(
    r"(?!含|包括|其中|不含|另)"  # 1234条（含规范性文件）: a part of the total, not all of it
    r"(?:均|全部|都)?(?:为|是|系|属于|属|涉及)?"  # 1件（属于国家秘密）, 2件（涉及商业秘密）
    r"[^（）()，,。；;：:、和及与\d０-９]{2,24}"  # one part's words, no figure: the part is all of the total
    r"(?=[）)])"
)
"""An aside after a total that names the one part all of it is: 不同意公开1件（属于国家秘密）."""

CHANNEL_ACCOUNTS = re.compile(
    r"(?P<channel>(?:政务|官方)?(?:微博|微信(?:公众号)?|政务微信|头条号|抖音号?|客户端|APP))"  # the channel
    r"(?:账号|帐号|公众号)?(?:共)?\s*\d+\s*个\s*[，,]\s*$"  # and how many accounts it has, ending the clause
)
"""The clause before a figure that counts a channel's accounts: 政务微博12个，发布信息3200余条 counts what those
accounts published, not every item the government published."""

BARE_PUBLISHING = re.compile(
    r"^\s*(?:全年|今年|共|累计)*(?:发布|推送|发送|公开|更新)(?:了)?(?:各类)?"  # a verb with no subject before it
    r"(?:信息|消息|内容|文章|图文)?(?:共计|共|累计|计|达)?\s*$"  # and no 政府信息 or 主动 that would make it the total
)
"""A figure's clause that only says something was published, whose subject the clause before gives:
…政务微博12个，发布信息3200余条 (but 开通政务微博3个，全年主动公开政府信息21563条 is the total)."""

QUALIFIED_PART = re.compile(r"其中[^，,。；;\d]{1,24}的")
"""A part that words before 的 set apart from the figure before it: 其中设在档案馆的查阅点12个."""

ASIDE_BEFORE_FIGURE = re.compile(r"\s*[（(][^()（）]*[)）]\s*$")
"""An aside between what a figure counts and the figure: 主动公开政府信息（含政府网站）15632条."""
NOTE_CELL = re.compile(r"\s*[（(][^()（）]*[)）]\s*")
"""A cell that is only a note on the row above it: （不同渠道和方式公开相同信息计1条）."""

# ---------------------------------------------------------------- statistics tables flattened to text

_TABLE_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?"
_NO_VALUE = r"[/／\\—–\-－─]{1,2}"  # a cell with no value to give: / — - (not applicable, or none)
PLACEHOLDER_CELL = re.compile(_NO_VALUE)
"""A value cell that holds its column's place without a value: 行政许可 | 312 | — | 15,236."""

ZERO_CELL = re.compile(r"\s*(?:无|没有)\s*")
"""A value cell that says there were none: 行政复议数量 | 件 | 无 (zero, unlike a dash, which may also
mean the row does not apply)."""

MARKDOWN_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
"""A cell of the rule row under a Markdown table's header: |---|:--|."""

_TABLE_CELL_VALUE = rf"(?:{_TABLE_NUMBER}|{_NO_VALUE}|无(?![\u4e00-\u9fff]))"  # 无: none, a zero
BARE_VALUES = re.compile(rf"\s*{_TABLE_CELL_VALUE}(?:[ \u3000]+{_TABLE_CELL_VALUE})*\s*")
"""A line of values only: '216', '-3', '1,200.5' (one cell per line) or '3 1 0 0 4' (a row of PDF text)."""

ROW_ENDS_IN_VALUE = re.compile(rf"[ \u3000]{_TABLE_NUMBER}\s*$")
"""A line of PDF text ending in a value after a space: a table row ('行政许可 8652'), not wrapped prose."""

CELL_GAP_BETWEEN_WORDS = re.compile(r"[\u4e00-\u9fff）)][ \u3000]+[\u4e00-\u9fff（(]")
"""Chinese words a space apart: the cells of a table's header row in PDF text, not prose, which has none."""

ROW_WITH_VALUES = re.compile(
    r"\s*(?P<label>[^|\t]*?[\u4e00-\u9fff][^|\t]*?)"  # the row label: holds a Chinese character
    rf"(?P<values>(?:[ \u3000]+{_TABLE_CELL_VALUE})+"  # then the row's values, separated by spaces (PDF text)
    rf"|(?<=[)）])[：:]\s*{_TABLE_CELL_VALUE})\s*"  # or its one value after the unit and a colon: 经费（万元）：3.2
)
"""'一、本年新收政府信息公开申请数量 190 20 0 1 5 0 216': a row whose cells lost their separators."""

ROW_NAMING_ITS_UNIT = re.compile(
    r"\s*[^|\t]*?[\u4e00-\u9fff][^|\t]*?"  # the row's name
    r"[(（](?:条|件|个|人|次|人次|篇|项|万元|元)[)）]"  # its unit, as the format gives it
    rf"[：:]\s*{_TABLE_NUMBER}\s*"
)
"""A row of the format written out on its own line, its unit in brackets before the colon:
主动公开政府信息数（条）：1234. A table by itself, even among prose."""

TOTAL_LABEL = re.compile(r"\s*(?:合计|总计|小计|共计|总数|合计数)\s*(?:[(（][件条次个人]+[)）])?\s*")
"""The label of a column or row that totals the others."""

CHANNEL_NAME = re.compile(
    r"(?:(?:政府|门户)网站|政务微博|官方微博|政务微信|微信公众号|政府公报|其他方式|其他渠道"  # the format's channels
    r"|报刊|广播电视|公开栏|新闻发布会)(?:公开|发布)?(?:数|信息数)?"  # and others
)
"""A column label that names a channel of publication and nothing else (a table laid on its side)."""

SIDEWAYS_ROW_HEADER = re.compile(
    r"(?:件数|条数|次数|个数|人数|数量|数目|数值|统计数|合计数|办理数)(?:\s*[(（][件条次个人]+[)）])?"  # 件数
    r"|[件条次个人]|单位[:：]?[件条次个人]"  # a unit as the row's header
)
"""The first cell of the value row of a table laid on its side: what its values count."""

VALUE_WITH_UNIT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>件|条|次|个|人次|人|篇|项|期|场)?")
UNIT_IN_LABEL = re.compile(r"[(（]\s*(?P<unit>件|条|次|个|人次|人|篇|项)\s*[)）]\s*$")
"""当面申请（件）: a column label that gives its unit."""

CELL_GAP = re.compile(
    r"\t"  # a tab: cells copied from a web page's table
    r"|[ \u3000]{2,}|\u3000"  # a wide gap: columns laid out with spaces, or an ideographic space
)

TABLE_LABEL_MAX = 60
"""Characters at most in a label cell on a line of its own; a longer line is prose."""

PROSE_PUNCTUATION = re.compile(r"[。；;！？!?]")
"""A line holding one of these is a sentence of prose, never a table cell."""

TITLE_ENDING = re.compile(
    r"(?:报告|年报|通知|方案|要点|意见|办法|规定|决定|计划|安排|细则|规划"  # the genre word a title ends in
    r"|总结|公告|通报|批复|纲要|指南|报表"
    rf"|{TASK_LIST_WORDS})"  # a plan's tasks as a list
    rf"(?:{_YEARS_AFTER_TITLE})?$"  # then perhaps its year: …年度报告（2021年度）
)
"""How a document's title ends."""

BREAKDOWN = re.compile(
    r"其中"  # 其中，通过政府网站公开10234条，政府公报公开56条
    r"|(?<![\d.])[1-9１-９][、.．](?=[\u4e00-\u9fff])"  # a numbered list of the parts: 情况：1、政府公报公开…
)
"""Words that make the figures after them parts of a total stated before."""

TITLE_PAGE_NOTE = re.compile(r"\s*[（(【\[](?:全文|正文|文字版|全文版|简版|图文版|附全文)[)）】\]]\s*$")
"""What a portal writes after a title about the page, not the document: …年度报告（全文）."""

TITLE_WITH_OWN_NUMBER = re.compile(
    r"^(?P<title>.+?)\s*[（(【\[]\s*(?P<number>[^（）()【】\[\]]{4,30}?[号號])\s*[）)】\]]\s*$"
)
"""A title line that carries the document's own number after it: …的通知（市政办〔2017〕53号）."""
_LINE_DATE = r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
TITLE_WITH_DATE = re.compile(
    rf"^\s*(?:{_LINE_DATE}[ \t\u3000]+(?P<title_after>\S.*?)|(?P<title_before>\S.*?)[ \t\u3000]+{_LINE_DATE})\s*$"
)
"""A title line that a page's list prints with its date before or after it: 2023-01-18 长沙市…年度报告."""

TITLE_WITH_OWN_NUMBER_APART = re.compile(
    r"^(?P<title>.+?)[ \t\u3000]+"  # the title, spaces, then the number: its code, year and serial
    rf"(?P<number>[^\s（）()《》]{{2,16}}[{OPEN_BRACKET}]\s*\d{{4}}\s*[{CLOSE_BRACKET}]\s*第?\s*\d{{1,5}}\s*[号號])\s*$"
)
"""… its number only spaces apart, as a portal's list shows it: …的通知 益政办函〔2019〕21号."""

TITLE_TAG = re.compile(
    r"^\s*(?:"
    r"【[^】]{1,16}】|\[[^\]]{1,16}\]|［[^］]{1,16}］"  # 【政府信息公开年报】桂林市…报告: the portal's column
    r"|[^|｜丨\s]{2,16}\s*[|｜丨]"  # 柳州发布 | 柳州市…报告: the news account that posted it
    r")\s*"
)
"""What a page prints before its title."""

LINE_ENDS_SENTENCE = re.compile(r"[。；;：:！!？?」』”)）】|]\s*$")
"""A line ending like this is complete: the next one starts something new."""
FULL_LINE_ENDS_SENTENCE = re.compile(
    r"(?:[。；;！!？?][”」』\"]?"  # a sentence's end, also inside a quote (…。”)
    r"|[：:】|])\s*$"
)
"""How a line that fills the page's width ends a sentence: a closing quote or parenthesis alone, which ends
no sentence there, was only where the page broke it (设立了“政策解读”⏎专栏, (国办发〔2017〕24号)⏎和…)."""
COMPLETE_HEADING_LINE = re.compile(
    rf"^\s*{HEADING_MARKER}[^。；;！!？?\n]{{2,60}}"
    # the words a heading ends on, simplified or traditional (a PDF's text is read before it is converted)
    r"(?:情[况況]|概述|概[况況]|[问問][题題]|措施|[举舉]措|工作|目[标標]|要求|原[则則]|思路|安排|保障|[机機]制|事[项項]"
    r"|[说說]明|成效|[进進]展|重[点點]|任[务務]|建[议議])"
    r"(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）])?\s*$"  # and the pinyin glued after it, if any
)
"""A heading that is whole on its line, however near the page's width it runs: what follows starts the section."""

# ---------------------------------------------------------------- relations read from titles

TITLE_RELATION = re.compile(
    r"关于(?P<verb>"
    r"贯彻落实|贯彻执行|贯彻|落实|执行"  # implements X
    r"|转发"  # forwards X
    r"|印发"  # issues X
    r")(?P<rest>.+?)(?:的)?(?:通知|实施意见|实施方案|意见|方案|通告)$"
)

ISSUER_AT_START = re.compile(
    r"^(?P<issuer>(?:中共中央办公厅|国务院办公厅|国务院|中共中央|全国人大常委会"  # national issuers
    r"|[^《〈<]{0,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|中心|局|厅)))"  # local ones
)
"""An issuer named at the start of what a title implements: 国务院办公厅2017年政务公开工作要点."""

# ---------------------------------------------------------------- plans and tasks

RESPONSIBILITY_KEY = re.compile(
    r"(?P<key>(?:责任|牵头|配合|协办|参与|主办)(?:单位|部门)|责任主体)\s*[:：]\s*"
)
"""The label of a responsibility list; the word before 单位 gives its role (tasks.KEY_ROLES)."""
_KEY = r"(?:(?:责任|牵头|配合|协办|参与|主办)(?:单位|部门)|责任主体)\s*[:：]"
_ROLE = r"(?:牵头|配合|按职责分工负责|分工负责|负责|参与)"
_NESTED = r"[(（][^()（）]{1,12}[)）]"  # one aside inside the clause: 各县（市、区）人民政府
# how the name before 牵头 or 负责 ends: a body's, or the places' governments together (由各乡镇负责)
_LED_BY = r"(?:办|局|委|厅|部|中心|政府|单位|部门|机关|室|院|会|组|站|所|队|乡镇|街道|县市区|县区|区县)"
RESPONSIBILITY = re.compile(
    rf"[(（]\s*(?P<who>{_KEY}(?:[^()（）]|{_NESTED}){{2,200}})[)）]"  # （责任单位：市发改委牵头，相关部门配合）
    rf"|[【\[［]\s*(?P<boxed>{_KEY}(?:[^【】\[\]［］()（）]|{_NESTED}){{2,200}})[】\]］]"  # 【责任单位：县政府办】
    rf"|[(（](?P<bare>(?:[^()（）《》:：。]|{_NESTED}){{2,120}}?{_ROLE})"  # （市政府办牵头，市直各单位按职责分工负责）
    rf"(?:[，,；;]\s*(?P<when>(?:(?!{_ROLE})[^()（）《》:：，,；;。]){{1,30}}))?[)）]"  # …负责，每季度报送一次）: when,
    # after who (no role word in it, or it would be the next agency's clause)
    # a sentence of its own: 牵头单位：…；配合单位：…
    rf"|(?<=[。；;\n])[ \u3000]*(?P<tail>{_KEY}(?:[^()（）。\n]|{_NESTED}){{2,200}})(?=[。\n]|$)"
    # … or a sentence, or a clause after the task's words, that says who leads it: 由市政府办牵头，市直各单位配合。
    # 全面公开村级财务收支情况，由各乡镇负责，6月底前完成。
    rf"|(?<=[。；;，,\n])[ \u3000]*由(?!于|此)(?P<led>(?:[^()（）《》:：。；;，,\n]|{_NESTED}){{1,40}}?{_LED_BY}{_ROLE}"
    rf"(?:[，,、](?:[^()（）《》:：。；;\n]|{_NESTED}){{2,80}}?{_ROLE})?)(?=[。；;，,\n]|$)"
)
"""A task's responsibility clause, in parentheses after it or as a sentence of its own."""
CLAUSE_AFTER_COMMA = re.compile(r"[，,]\s*(?P<clause>[^，,。；;\n]{2,30})(?=[。；;\n]|$)")
"""The last clause of a sentence, after a comma: 由各乡镇负责，2019年6月底前完成。"""

TASK_COLUMN = re.compile(
    r"^(?:重点|主要|具体|工作|目标)?任务(?:内容|事项|措施|要求|名称|及要求|及措施)?$"  # 工作任务, 重点任务, 任务内容
    r"|^(?:工作|具体|主要)?(?:内容|事项|措施)$"  # 工作内容, 具体措施, 主要内容
    r"|^(?:工作|任务)(?:目标|要求)$"  # 工作要求
)
"""The header of the column of tasks in a plan's table of them (序号 | 工作任务 | 责任单位 | 完成时限)."""

SERIAL_COLUMN = re.compile(r"序号|编号")
"""The header of a table's column of row numbers."""
STACKED_SERIAL = re.compile(r"(?P<n>\d{1,3})[.、．]?")
"""A row's number on a line by itself, in a table flattened one cell a line."""
STACKED_CATEGORY_ROW = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]).{1,40}")
"""A category of the rows after it, on a line of its own between two rows (二、加强平台建设)."""
STACKED_HEADER_CELL = re.compile(r"[\u4e00-\u9fff（）()、及和/]{2,12}")
"""A header cell on a line by itself: a short name, no figures or sentences (工作任务, 责任单位)."""

RESPONSIBILITY_COLUMN = re.compile(
    r"^(?P<key>责任|牵头|配合|协办|参与|主办|承办)(?:单位|部门|主体)(?:及分工)?$"  # 牵头单位, 配合部门
    r"|^(?P<duty>(?:责任|牵头)单位(?:和|及|、)(?:配合|协办|参与)单位)$"  # 牵头单位及配合单位: roles said in the cells
)
"""The header of a column that says who does each task; the word before 单位 gives its role."""

_TIMING_WORD = r"(?:完成|办结|落实)?(?:时限|时间|期限)(?:要求|安排|节点)?"  # 完成时限, 时间节点, 期限要求
TIMING_LINE = re.compile(
    rf"[。；;]?\s*\n?[ \u3000]*{_TIMING_WORD}[:：]"  # 完成时限：
    r"\s*(?P<when>[^\n。；;]{1,30})[。；;]?"  # … and by when
)
"""By when, on a line (or in a sentence) of its own right after who does a task: 完成时限：2019年6月底前."""

TIMING_COLUMN = re.compile(
    rf"^{_TIMING_WORD}$|^(?:进度|时间)安排$"  # 完成时限, 时间节点, 进度安排
)
"""The header of a column that says by when each task is done."""

ROLE_SUFFIX = re.compile(
    rf"(?P<role>{_ROLE})$"  # the role word closes each clause
)

BARE_LEVEL = re.compile(r"\s*各(?:市|县|区|州|盟|旗|乡|镇|乡镇|市州|县区|县市)\s*")
"""A level of government named bare at the head of a list, for the whole list: 各市、县（区）人民政府."""

COLLECTIVE = re.compile(
    # 相关部门, 各县区人民政府, 被审计单位
    r"^(?:各|相关|有关|其他|市直|被|驻).{0,12}(?:部门|单位|政府|管委|企业|机构)$"
    r"|^.{0,8}各相关单位$|^管委$"  # 市直及驻钦各相关单位; 管委 alone
    r"|^各(?:县|市|区|县区|县市区|乡镇|街道|地)(?:[（(][^（）()]{1,8}[)）])?$"  # 各县（市、区）, 各乡镇
)

_DEADLINE = (
    # 2017年5月11日前, 每年2月底前
    r"(?P<deadline>(?:(?P<y>(?:19|20)\d{{2}})年)?(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日)?(?:底|末)?{before}"
    r"|(?P<y2>(?:19|20)\d{{2}})年(?:底|末)"  # 2017年底: the end of that year
    r"|(?:年底|年内|年中)(?:前)?)"  # 年底前, 年内
)
DEADLINE = re.compile(_DEADLINE.format(before="前"))
"""A deadline in a task's words: a date is one only with 前 (2017年5月起施行 is no deadline)."""
DEADLINE_FIELD = re.compile(r"^\s*" + _DEADLINE.format(before="(?:前|之前)?"))
"""The date a 完成时限 field gives, which needs no 前: 完成时限：2018年12月底."""

TIMING_KEY = re.compile(r"[，,；;\s]*(?:完成|办结|落实|工作)?(?:时限|时间|期限)(?:要求)?\s*[:：]")
"""The label of the timing field after a task's responsibility list: ；完成时限：2018年12月底."""
TIMING_CLAUSE = re.compile(
    r"^\s*(?:持续|长期|常年|全年|年内|年底|年中|每|按[月季年]|定期|及时|适时|常态化|逐步|分阶段"  # ongoing or periodic
    r"|(?:19|20)\d{2}年|\d{1,2}月(?:底|\d{1,2}日)?前?$)"  # a date
)
"""A clause of a responsibility list that says when, not who: （责任单位：市直各部门，持续推进）."""

FREQUENCY = re.compile(
    r"(?P<freq>按月|每月|月度"  # monthly
    r"|按季度|每季度|季度"  # quarterly
    r"|每半年|半年"  # half-yearly
    r"|每年|按年|年度)"  # yearly
)

NOT_A_TASK_SECTION = re.compile(
    r"指导思想|总体要求|总体目标|工作目标|主要目标|基本原则|工作原则"  # what a plan aims at, not what it asks for
    r"|总体情况|基本情况|总体思路|工作思路|适用范围|编制依据"  # or what it starts from
)
"""A plan's section that states aims, whose items are no tasks even where nobody is named for them."""
ITEM_SUBJECT = re.compile(
    r"(?:^|(?<=[。；;，,]))\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])?\s*"  # a clause's start
    r"(?P<who>(?:[^，,。；;：:\d“”《》（）()]|[（(][^（）()，,。]{1,8}[)）]){2,30}?)"  # 各县（市、区）
    r"(?:要|应当|负责|牵头)(?=[\u4e00-\u9fff])"  # 市政务公开办要组织…
)
"""The subject of a clause of a plan's item, where it says who is to do it: 各地各部门要加强政策解读."""
FULL_STOP = re.compile(r"[。；;！!？?]")
"""Punctuation that ends a sentence within a line: an item of a plan is written in sentences, a heading
or a table's cell is not."""

# ---------------------------------------------------------------- quoted terms

QUOTED_TERM = re.compile(r"“(?P<term>[^“”\n]{2,12})”")
"""A term in Chinese quotation marks: a candidate policy initiative when it recurs across documents."""

# ---------------------------------------------------------------- web pages and PDFs

LETTER_SPACED = re.compile(
    # four or more Han characters each standing alone between spaces, as a PDF's justified or letter-spaced
    # line comes out (政 府 信 息 公 开): a table's cells, words of two or more characters, never look so
    rf"(?<![{HAN}])[{HAN}](?: {{1,2}}[{HAN}](?![{HAN}])){{3,}}"
)
LETTER_SPACE = re.compile(" +")

RADICAL_GLYPH = re.compile(
    r"[\u2e80-\u2eff"  # CJK Radicals Supplement: ⻓ for 长, ⻔ for 门
    r"\u2f00-\u2fdf"  # Kangxi Radicals: ⼯ for 工, ⼀ for 一, as PDF fonts map their glyphs
    r"\uf900-\ufaff]"  # CJK Compatibility Ideographs
)

PAGE_FURNITURE = re.compile(
    r"(nav|menu|breadcrumb|crumb|sidebar|toolbar|banner"  # navigation
    r"|footer|header|copyright"  # page header and footer
    r"|share|login)",  # share buttons, log-in boxes
    re.I,
)
"""class/id values of web-page parts that are not the document."""

PAGE_TITLE_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*(?:_|\||——|--)\s*|(?<=[\u4e00-\u9fff》])-(?=[\u4e00-\u9fff])")
"""Between a page's title and the site's name in <title>: 'X年度报告_某某市人民政府', 'X - 某某网'."""

_PAGE_MARK = (
    r"[-—–]\s*\d+\s*[-—–]"  # - 3 -
    r"|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?"  # 第3页 共12页
    r"|\d+\s*/\s*\d+"  # 3/12
)

# what a line that holds a document's own number may hold beside it: nothing that reads as words
NUMBER_LINE_REST = re.compile(
    r"[\s（）()【】\[\]〔〕<>〈〉:：]*"  # brackets and spaces around the number: （湘政发〔2019〕3号）
    r"(?:(?:发文)?字号|文号|编号)?"  # a field's name before it: 文号：湘政发〔2019〕3号
    r"[\s（）()【】\[\]〔〕<>〈〉:：]*"
)

FRONT_MATTER_LINE = re.compile(
    rf"^\s*(?:{_PAGE_MARK}"  # a page mark above the title
    r"|[\u4e00-\u9fff（）()]{2,30}文件"  # the red header: 丽水市人民政府办公室文件
    r"|签发人[:：].{0,20}"  # 签发人：张三
    r"|[（(]此件.{0,12}[)）]"  # （此件公开发布）
    r"|特急|加急|急件|平急|(?:绝密|机密|秘密)(?:★.{0,10})?"  # urgency and secrecy marks
    r"|附件\s*[0-9一二三四五六七八九十]{0,2}\s*[:：]?"  # the attachment mark above an attachment's title: 附件1
    r")\s*$"
)
"""Lines above the title of a document in the official layout (党政机关公文格式)."""

PAGE_NUMBER = re.compile(rf"^\s*(?:{_PAGE_MARK}|\d+)\s*$")  # … or a bare 3, on a PDF page's edge
"""A page number on the edge of a PDF page."""

PRINTED_PAGE_EDGE = re.compile(
    r"^\s*(?:"
    r"(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s*(?:上午|下午|AM|PM)?"  # 2018/3/25 下午3:25 <the page's title>
    r"|\d{1,2}/\d{1,2}/\d{2,4},?)"  # 3/25/18, 3:25 PM <title>
    r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?(?:\s.*)?"
    r"|(?:(?:https?|file)://\S+|about:blank|www\.\S+)\s*(?:\d+\s*/\s*\d+|第\s*\d+\s*页.{0,8})?"  # <address> 1/3
    r")\s*$"
)
"""The header and footer a browser prints on each page of a saved web page: when and what it printed,
where it came from and the page count. Dropped from any page, even a PDF of one page."""

PAGE_FOOTER = re.compile(rf"^\s*(?:{_PAGE_MARK})\s*$")
"""A page number that PDF text leaves between two lines of a paragraph (never a bare number, which
may be a table's value cell)."""

WRAP_WIDTH_MIN = 15
"""Lines shorter than this say nothing about the width a PDF laid its text out at."""

LINE_START_HEADING = re.compile(rf"^\s*(?:{HEADING_MARKER}|附件|附表)")  # a section's heading, an attachment's
"""A line that starts a heading: never the continuation of a wrapped line."""
