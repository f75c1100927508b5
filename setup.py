"""Packages for setuptools: the vatui package, plus the top-level ``styles/`` as ``vatui.styles``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["vatui", "vatui.*"]), "vatui.styles"],
    package_dir={"vatui.styles": "styles"},
    package_data={"vatui.styles": ["*.tcss"], "vatui": ["py.typed", "locale/*/LC_MESSAGES/*.mo"]},
)
