"""Every message the user can see when something is wrong, in one place.

Messages name the bad value and, where there is a closed set, the valid
choices, so a one-line error is enough to fix the problem.
"""

from __future__ import annotations

__all__ = ["GuanxiError", "Errors"]


class GuanxiError(Exception):
    """A problem with the user's input or settings; its message is one line."""


class Errors:
    E001 = "{path}: cannot read file ({reason})"
    E002 = "{path}: cannot detect the text encoding (tried UTF-8, UTF-16, GB18030, Big5)"
    E003 = "{path}: line {line}: not a JSON object ({reason})"
    E004 = "{path}: line {line}: missing required field 'text'"
    E005 = "{path}: no such file or directory"
    E006 = "{path}: unsupported file type '{suffix}'. Supported: {choices}"
    E007 = "No extractor '{name}'. Available: {choices}"
    E008 = "Cannot load spaCy pipeline '{name}': {reason}. Installed pipelines: {choices}"
    E009 = "{path}: not a guanxi graph ({reason})"
    E010 = "{path}: not a gold file ({reason})"
    E011 = "{path}: line {line}: not an alias entry ({reason})"
    E012 = "No relation '{name}'. Available: {choices}"
    E013 = "Unknown entity type '{name}'. Available: {choices}"
    E014 = "{path}: {reason}"
    E015 = "No documents could be read from: {paths}"
    E016 = "No entity matches '{name}'. Closest: {choices}"
    E017 = "'{name}' is ambiguous. Candidates: {choices}"
    E018 = "Unknown script '{name}'. Available: {choices}"
    E019 = "{path}: file is empty"
    # views: graph/html.py, graph/render.py, graph/notebook.py, guanxi/cli_view.py
    E101 = "Unknown label language '{name}'. Available: {choices}"
    E102 = "Unknown layout '{name}'. Available: {choices}"
    E103 = "Invalid height '{value}'. Use a CSS length such as 800px, 80vh or 100%"
    E104 = "Static pictures need matplotlib: pip install 'guanxi[render]'"
    E105 = "No CJK font found for the labels. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass font=FAMILY_OR_FILE"
    E106 = "Font '{name}' not found. Give an installed font family or a .ttf/.otf/.ttc file"
    E107 = "The notebook view needs IPython: pip install ipython"
    E108 = "--fragment only applies to HTML output, not '{path}'"
    # queries: graph/query.py, guanxi/cli_query.py
    E201 = "Bad date '{value}': expected YYYY, YYYY-MM or YYYY-MM-DD"
    E202 = "No document '{name}'. Available: {choices}"
    E203 = "Unknown ranking '{name}'. Available: {choices}"
    E204 = "No connection between '{a}' and '{b}' within {max_len} hops"
    E205 = "{option} must be {rule}, got {value!r}"
