from .._version import __api_version__ as __api_version__
