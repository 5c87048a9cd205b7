"""MkDocs hook: mkdocstrings' stylesheet only on the pages that show API documentation.

mkdocstrings adds ``assets/_mkdocstrings.css`` to every page of the site; only the API
reference pages use it. Dropping the link elsewhere saves every lesson a request.
"""

from __future__ import annotations

import re
from typing import Any

LINK_RE = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">')


def on_post_page(output: str, page: Any, config: Any) -> str:
    if 'class="doc doc-' in output:
        return output
    return LINK_RE.sub("", output, count=1)
