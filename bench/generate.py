"""Build a corpus of N realistic documents by varying the five samples.

Each document is a sample with another prefecture's name (and its short form), the years
shifted, the figures and document serials changed, the numbering style varied and scraping
noise added, so that the pipeline does the same work as on real reports. Deterministic for a
given seed.

    python bench/generate.py 1000 bench/out/corpus-1000
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.vocab import gazetteer, short_name  # noqa: E402

SAMPLES = sorted((ROOT / "data" / "samples").glob("0*.txt"))
SAMPLE_REGIONS = {"桂林": "桂林市", "河池": "河池市", "湘潭": "湘潭市", "钦州": "钦州市",
                  "巴音郭楞蒙古自治州": "巴音郭楞蒙古自治州"}
NOISE = ["打开APP阅读全文", "相关新闻", "分享到:", "【打印本页】【关闭窗口】", "图为 工作人员在政务服务中心"]


def _prefectures() -> list[str]:
    return sorted(r.name for r in gazetteer().by_code.values() if r.level == "prefecture" and r.name.endswith("市"))


def vary(text: str, rng: random.Random, city: str, year_shift: int) -> str:
    short = short_name(city)
    for old_short, old_full in SAMPLE_REGIONS.items():
        text = text.replace(old_full, city).replace(old_short, short)
    text = re.sub(r"(20[01]\d)(?=\s*年|〕|\])", lambda m: str(int(m.group(1)) + year_shift), text)
    text = re.sub(r"(?<![\d.〔])(\d{2,6})(?=\s*(?:条|件|次|人|个|篇|号))",
                  lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.5, 1.5)))), text)
    if rng.random() < 0.5:
        text = text.replace("（", "(").replace("）", ")")
    lines = text.split("\n")
    for _ in range(rng.randint(0, 3)):
        lines.insert(rng.randint(0, len(lines)), rng.choice(NOISE))
    return "\n".join(lines)


def generate(n: int, folder: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    cities = _prefectures()
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        base = rng.randrange(len(texts))
        doc = vary(texts[base], rng, rng.choice(cities), rng.randint(-2, 3))
        path = folder / f"{i:06d}_{SAMPLES[base].stem[:3]}.txt"
        path.write_text(doc, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "out" / f"corpus-{count}"
    files = generate(count, target)
    print(f"{len(files)} documents in {target}")
