from .application import Application, ApplicationFile, StatusChange
from .open_call import OpenCallPage
from .question import QuestionPage
from .review import CallReviewer, Review

__all__ = [
    "Application",
    "ApplicationFile",
    "CallReviewer",
    "OpenCallPage",
    "QuestionPage",
    "Review",
    "StatusChange",
]
