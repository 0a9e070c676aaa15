"""Text normalisation shared by every system in the ASR benchmark.

One set of rules is applied to the reference AND to each hypothesis (GreenScribe,
faster-whisper, ...), so differences in casing, punctuation or contraction style
never count as recognition errors, and no system gets a normaliser of its own.

English (``normalize_en``), an approximation of Whisper's EnglishTextNormalizer
without its openai-whisper/torch dependency:
  1. Unicode NFKC; curly quotes/apostrophes -> ASCII; lower-case.
  2. Bracketed/parenthesised annotations are removed: ``[noise]``, ``(laughs)``.
  3. Contractions are expanded with one fixed table (won't -> will not,
     can't -> can not, n't -> not, 're -> are, 'm -> am, 'll -> will, 've -> have,
     'd -> would, let's -> let us, y'all -> you all, gonna -> going to,
     wanna -> want to, gotta -> got to, yknow/y'know -> you know).  Possessive or
     ``is``-'s is left alone and then loses its apostrophe (it's -> its), same on
     both sides.
  4. Hesitations ``uh um hmm mm mhm mmm ah er eh`` are deleted (Whisper rarely
     writes them; some references do).
  5. Numbers: digits are kept as digits (no spelling-out either way).  Thousands
     separators are dropped (1,000 -> 1000), ``%`` -> ``percent``; decimals keep
     their point (3.5).  A reference that spells a number out while the system
     writes digits is an error for every system alike.
  6. Diacritics are stripped (café -> cafe); hyphens, dashes, slashes and all
     other punctuation/symbols become spaces; whitespace is collapsed.
  7. A few abbreviations become words: mr -> mister, mrs -> missus,
     dr -> doctor, jr -> junior, sr -> senior, st -> saint, vs -> versus,
     etc -> et cetera (LJ Speech references spell them out, Whisper does not).

Other space-delimited languages (``normalize_basic``: de, es, fr, it, pt, sv,
ko, ...): NFKC, lower-case, bracketed annotations removed, punctuation/symbols
-> space, whitespace collapsed; diacritics are kept (they are spelling there).

Chinese and Japanese (``normalize_cjk``) are scored by character error rate:
NFKC (full-width -> half-width), lower-case, Traditional -> Simplified Chinese
(OpenCC ``t2s``, applied to both sides; Whisper often answers Mandarin in
Traditional characters) for ``zh``, then every punctuation/symbol character and
all whitespace removed.  The result is scored as a sequence of characters.
If the ``opencc`` package is missing, the conversion is skipped and
``T2S_AVAILABLE`` is False (the benchmark report says so).
"""

from __future__ import annotations

import re
import unicodedata

try:  # optional: Traditional -> Simplified for zh CER
    import opencc  # type: ignore

    _T2S = opencc.OpenCC("t2s")
    T2S_AVAILABLE = True
except Exception:  # pragma: no cover - depends on the environment
    _T2S = None
    T2S_AVAILABLE = False

CER_LANGUAGES = {"zh", "ja", "yue"}

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"'})
_BRACKETS = re.compile(r"[\[<(\{][^\]>)\}]*[\]>)\}]")
_CONTRACTIONS = [
    (r"\bwon't\b", "will not"),
    (r"\bcan't\b", "can not"),
    (r"\bshan't\b", "shall not"),
    (r"\bain't\b", "aint"),
    (r"\blet's\b", "let us"),
    (r"\by'all\b", "you all"),
    (r"\by'?know\b", "you know"),
    (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"),
    (r"\bgotta\b", "got to"),
    (r"n't\b", " not"),
    (r"'re\b", " are"),
    (r"'m\b", " am"),
    (r"'ll\b", " will"),
    (r"'ve\b", " have"),
    (r"'d\b", " would"),
]
_CONTRACTIONS = [(re.compile(p), r) for p, r in _CONTRACTIONS]
_TITLES = {"mr": "mister", "mrs": "missus", "dr": "doctor", "jr": "junior", "sr": "senior", "st": "saint",
           "vs": "versus", "etc": "et cetera"}
_FILLERS = re.compile(r"\b(?:uh+|um+|hmm+|mm+|mhm+|ah|er|eh)\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SPACES = re.compile(r"\s+")


def _strip_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _punct_to_space(s: str, keep: str = "") -> str:
    out = []
    for c in s:
        cat = unicodedata.category(c)
        if c in keep:
            out.append(c)
        elif cat[0] in "PSZC":  # punctuation, symbols, separators, control
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def normalize_en(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    s = _BRACKETS.sub(" ", s)
    for pat, rep in _CONTRACTIONS:
        s = pat.sub(rep, s)
    s = _THOUSANDS.sub("", s)
    s = s.replace("%", " percent ")
    s = _strip_diacritics(s)
    # keep a decimal point only between digits; everything else non-alphanumeric -> space
    s = re.sub(r"(?<=\d)\.(?=\d)", "\u0000", s)
    s = _punct_to_space(s.replace("'", ""), keep="\u0000")
    s = s.replace("\u0000", ".")
    s = _FILLERS.sub(" ", s)
    return " ".join(_TITLES.get(w, w) for w in s.split())


def normalize_basic(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    s = _BRACKETS.sub(" ", s)
    s = _punct_to_space(s)
    return _SPACES.sub(" ", s).strip()


def normalize_cjk(text: str, language: str = "zh") -> str:
    s = unicodedata.normalize("NFKC", text).lower()
    if language in ("zh", "yue") and _T2S is not None:
        s = _T2S.convert(s)
    return "".join(c for c in s if unicodedata.category(c)[0] not in "PSZC" and not c.isspace())


def normalize(text: str, language: str) -> str:
    """Normalise text in the given language (ISO 639-1 code) for scoring."""
    lang = (language or "").lower().split("-")[0]
    if lang in CER_LANGUAGES:
        return normalize_cjk(text, lang)
    if lang == "en":
        return normalize_en(text)
    return normalize_basic(text)


def metric_for(language: str) -> str:
    """'cer' for languages scored per character, else 'wer'."""
    return "cer" if (language or "").lower().split("-")[0] in CER_LANGUAGES else "wer"


def units(normalized: str, language: str) -> list[str]:
    """Scoring units: characters for CER languages, words otherwise."""
    return list(normalized) if metric_for(language) == "cer" else normalized.split()


if __name__ == "__main__":  # tiny self-check / demo
    samples = [
        ("en", "Mr. Smith's café won't open at 5 o'clock -- it's 1,000% \u201cclosed\u201d!"),
        ("en", "um this is me talking yknow, I'm here [noise]"),
        ("en", "THE CUT ON HIS CHEST STILL DRIPPING BLOOD"),
        ("de", "Der hinter diesem Portal liegenden Raum wurde als Leichenhalle genutzt."),
        ("zh", "甚至出現交易幾乎停滯的情況，一二線城市。"),
        ("ja", "今日は、いい天気ですね。"),
    ]
    for lang, s in samples:
        print(f"{lang}: {s!r}\n -> {normalize(s, lang)!r}")
    print("opencc t2s available:", T2S_AVAILABLE)
