"""An HTML page as an Article: main text, title and date through trafilatura.

One function for every source of HTML (a file, a fetched page, a web archive's record), so they agree on
what the text is and on how a page without text is refused.
"""

from __future__ import annotations

import datetime as dt

from newsgraph.ingest.records import MAX_CHARS, Rejected, check_text, parse_published, text_id
from newsgraph.model import Article


def html_to_article(
    raw: bytes | str, where: str, *, url: str | None = None, article_id: str | None = None,
    title: str | None = None, published: dt.date | None = None, max_chars: int = MAX_CHARS,
) -> Article | Rejected:
    """The page's main text as an Article, or why not.

    ``where`` names the page in messages (a file, a URL, a record of an archive). The page's own date wins;
    ``published`` (a feed entry's date, an archive's capture date, ``--published``) is the fallback, and so
    is ``title``. ``article_id`` defaults to the text's digest (``text_id``); a page that came from the web
    passes its normalised URL, its identity.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it
    from trafilatura.settings import set_date_params

    # The page's date from its markup and URL only: htmldate's extensive search takes any year in the text for
    # the date ("founded in 2007" -> 2007-01-01), which would then beat a feed's or an archive's true date.
    dates = set_date_params(extensive=False)
    try:
        extracted = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                                date_extraction_params=dates)
    except Exception as e:  # trafilatura raises many kinds on broken markup; the record is what matters
        return Rejected(where, f"could not read the HTML ({type(e).__name__})")
    if extracted is None:
        return Rejected(where, "no article text found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    problem = check_text(text, max_chars)
    if problem:
        return Rejected(where, problem)
    try:
        date = parse_published(data.get("date")) or published
    except ValueError:
        date = published
    return Article(article_id or text_id(text), text, date, data.get("title") or title, url or data.get("url"),
                   where)
