"""The exception tree and the CLI's exit codes.

    A4PError                 anything this package raises on purpose
    ├── BadInput             a file that cannot be read or parsed (exit 2)
    ├── InvalidGraph         a graph that does not conform to the shapes (exit 1)
    ├── QueryError           unknown query, bad parameter, query that does not parse (exit 2)
    ├── EndpointError        a SPARQL endpoint that cannot be reached or answers an error (exit 3)
    └── ReasonerUnavailable  no Java for HermiT (exit 2)
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["A4PError", "BadInput", "InvalidGraph", "QueryError", "EndpointError", "ReasonerUnavailable",
           "EXIT_OK", "EXIT_VIOLATIONS", "EXIT_BAD_INPUT", "EXIT_ENDPOINT", "EXIT_INTERRUPTED"]

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_ENDPOINT = 3
EXIT_INTERRUPTED = 130


class A4PError(Exception):
    """Base of every error this package raises on purpose; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_BAD_INPUT


class BadInput(A4PError):
    """A file that cannot be used: the message names the file and the problem.

    >>> str(BadInput("seeds/x.txt", "is empty"))
    'seeds/x.txt: is empty'
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class InvalidGraph(A4PError):
    """A graph that does not conform; ``report`` is the validation report, when there is one."""

    exit_code = EXIT_VIOLATIONS

    def __init__(self, message: str, *, report=None) -> None:
        self.report = report
        super().__init__(message)


class QueryError(A4PError):
    exit_code = EXIT_BAD_INPUT


class EndpointError(A4PError):
    exit_code = EXIT_ENDPOINT


class ReasonerUnavailable(A4PError):
    exit_code = EXIT_BAD_INPUT
