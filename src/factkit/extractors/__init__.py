"""Built-in extractor plugins.

Each module is a plugin like any third party's: it implements
``register_extractors`` with the public ``@hookimpl`` and is listed in
``factkit.plugins.DEFAULT_PLUGINS``. Extractors read the analysed document;
they never import the pipeline or the CLI.
"""
