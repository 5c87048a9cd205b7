"""The book's build glue, as an MkDocs plugin (``mathbook-build`` in ``mkdocs.yml``).

Not part of the ``mathbook`` library: the library never imports it, and nothing here
does mathematics. It runs the code that lessons contain and checks what a contributor
wrote, so that a mistake fails the strict build naming the Markdown page and line:

* :mod:`~mathbook_build.plugin` — the plugin: its settings, the build's state, events;
* :mod:`~mathbook_build.figures` — figure blocks found in a page, their options checked;
* :mod:`~mathbook_build.worker` — runs one figure block (in a worker process);
* :mod:`~mathbook_build.cache` — the per-user figure cache and its key;
* :mod:`~mathbook_build.guard` — time limit and scratch folder for code the book runs;
* :mod:`~mathbook_build.page_checks` — math delimiters and empty solution boxes;
* :mod:`~mathbook_build.html` — inline SVG, slider markup, stylesheet links.
"""
