"""Packages for setuptools: the vatui package, plus the top-level ``styles/`` as ``vatui.styles``.

Why a setup.py beside pyproject.toml: the stylesheets live at the top of the repository
(``styles/``) but ship inside the package as ``vatui.styles``. pyproject's
``[tool.setuptools]`` can either discover packages or list them with a ``package-dir``
mapping, not both; here discovery finds every ``vatui.*`` package and the mapping adds the
one folder outside it. Everything else (metadata, dependencies, scripts) is in pyproject.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["vatui", "vatui.*"]), "vatui.styles"],
    package_dir={"vatui.styles": "styles"},
    package_data={"vatui.styles": ["*.tcss"], "vatui": ["py.typed", "locale/*/LC_MESSAGES/*.mo", "fonts/*.ttf", "fonts/LICENSE-DejaVu.txt"]},
)
