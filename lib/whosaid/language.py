"""Which language an article is written in: py3langid (a maintained port of langid.py; offline, deterministic,
about 100 languages, its model shipped in the package as arrays, no pickle). Loaded on first use."""
from __future__ import annotations

from functools import lru_cache

MIN_LETTERS = 40  # fewer letters than this are not judged: too little to tell a language by
SAMPLE_CHARS = 20_000  # the first characters suffice (0.01 s); a 2 MB article is not read whole
SURE = 0.9  # a language other than English is reported only when the detector is this sure of it
ENGLISH = {"en", "pcm", "sco"}  # English and the English-based languages the detector may confuse with it
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the text's language, or None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


def foreign_language(found: tuple[str, float] | None) -> str | None:
    """The language's name when `detect` found one that is surely not English, else None."""
    if found is None or found[0] in ENGLISH or found[1] < SURE:
        return None
    return NAMES.get(found[0], f"language '{found[0]}'")
